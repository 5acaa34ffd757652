// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { toFeed } from '../../../lib/feed';
import {
  LIVE_SCRIPT_ID,
  allowLiveOrigin,
  createLiveRequest,
  removeLiveOrigin,
  startLiveBridge,
  type LiveRegistrationApi,
} from '../../../lib/live';

const ORIGIN = 'https://me.example';

function fakeWindow() {
  const listeners = new Set<(e: MessageEvent) => void>();
  const posted: { data: unknown; target: string }[] = [];
  const win = {
    addEventListener: (_: string, l: (e: MessageEvent) => void) => listeners.add(l),
    removeEventListener: (_: string, l: (e: MessageEvent) => void) => listeners.delete(l),
    postMessage: (data: unknown, target: string) => posted.push({ data, target }),
  };
  const deliver = (data: unknown, source: unknown = win, origin = ORIGIN) => {
    for (const l of listeners) l({ data, source, origin } as unknown as MessageEvent);
  };
  return { win: win as unknown as Window, posted, deliver, listeners };
}

describe('startLiveBridge', () => {
  it('announces itself, answers valid requests to its own origin, and re-sends on library changes', async () => {
    const { win, posted, deliver, listeners } = fakeWindow();
    const feed = toFeed([], { title: 'Live' });
    let changed: () => void = () => {};
    const stop = startLiveBridge({ window: win, origin: ORIGIN, allowedOrigin: ORIGIN, loadFeed: async () => feed, onLibraryChange: (cb) => ((changed = cb), () => {}) });
    expect(posted[0]).toEqual({ data: { type: 'clipshelf:live-ready', version: 1 }, target: ORIGIN });
    deliver(createLiveRequest('nonce-123456'));
    deliver(createLiveRequest('nonce-evil00'), {}, ORIGIN); // another window (an iframe)
    deliver(createLiveRequest('nonce-evil01'), win, 'https://evil.example');
    await vi.waitFor(() => expect(posted).toHaveLength(2));
    expect(posted[1]).toEqual({ data: { type: 'clipshelf:live-feed', version: 1, nonce: 'nonce-123456', feed }, target: ORIGIN });
    changed();
    await vi.waitFor(() => expect(posted).toHaveLength(3));
    stop();
    expect(listeners.size).toBe(0);
  });

  it('does nothing on an origin that is not the allowed one', () => {
    const { win, posted, listeners } = fakeWindow();
    startLiveBridge({ window: win, origin: 'https://other.example', allowedOrigin: ORIGIN, loadFeed: async () => toFeed([]) });
    expect(posted).toEqual([]);
    expect(listeners.size).toBe(0);
  });
});

describe('allowLiveOrigin / removeLiveOrigin', () => {
  function fakeApi(grant = true) {
    const calls: string[] = [];
    let registered: { id: string }[] = [];
    const api: LiveRegistrationApi = {
      permissions: {
        request: async (p) => (calls.push(`request ${p.origins.join()}`), grant),
        remove: async (p) => (calls.push(`remove ${p.origins.join()}`), true),
      },
      scripting: {
        registerContentScripts: async (s) => {
          calls.push(`register ${s.map((x) => `${x.id} ${x.matches.join()} allFrames=${x.allFrames}`).join()}`);
          registered = s.map((x) => ({ id: x.id }));
        },
        unregisterContentScripts: async (f) => {
          calls.push(`unregister ${f?.ids.join()}`);
          registered = [];
        },
        getRegisteredContentScripts: async () => registered,
      },
    };
    return { api, calls };
  }

  it('asks for that one origin, registers the bridge there, and undoes both on removal', async () => {
    const { api, calls } = fakeApi();
    expect(await allowLiveOrigin(api, 'me.example')).toEqual({ ok: true, origin: ORIGIN });
    expect(calls).toEqual(['request https://me.example/*', `register ${LIVE_SCRIPT_ID} https://me.example/* allFrames=false`]);
    expect(await allowLiveOrigin(api, 'https://new.example', ORIGIN)).toEqual({ ok: true, origin: 'https://new.example' });
    expect(calls.slice(2)).toEqual([
      'request https://new.example/*',
      `unregister ${LIVE_SCRIPT_ID}`,
      'remove https://me.example/*',
      `register ${LIVE_SCRIPT_ID} https://new.example/* allFrames=false`,
    ]);
    await removeLiveOrigin(api, 'https://new.example');
    expect(calls.slice(6)).toEqual([`unregister ${LIVE_SCRIPT_ID}`, 'remove https://new.example/*']);
  });

  it('refuses invalid origins and a denied permission without registering anything', async () => {
    const { api, calls } = fakeApi(false);
    expect(await allowLiveOrigin(api, '*://*/*')).toEqual({ ok: false, reason: 'invalid-origin' });
    expect(await allowLiveOrigin(api, 'me.example')).toEqual({ ok: false, reason: 'permission-denied' });
    expect(calls).toEqual(['request https://me.example/*']);
  });
});
