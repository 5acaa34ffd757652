// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createLiveRequest, toFeed } from '../../../lib/feed';
import {
  LIVE_SCRIPT_ID,
  allowLiveOrigin,
  onPageShown,
  removeLiveOrigin,
  restoreLiveRegistration,
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
        contains: async () => grant,
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
    const save = async (origin: string) => void calls.push(`save ${origin}`);
    expect(await allowLiveOrigin(api, 'https://new.example', { previous: ORIGIN, save })).toEqual({ ok: true, origin: 'https://new.example' });
    // The new origin is saved before the old permission goes, so the background's onRemoved sees the new one.
    expect(calls.slice(2)).toEqual([
      'request https://new.example/*',
      `unregister ${LIVE_SCRIPT_ID}`,
      `register ${LIVE_SCRIPT_ID} https://new.example/* allFrames=false`,
      'save https://new.example',
      'remove https://me.example/*',
    ]);
    expect(await removeLiveOrigin(api, 'https://new.example')).toEqual({ permissionKept: false });
    expect(calls.slice(7)).toEqual([`unregister ${LIVE_SCRIPT_ID}`, 'remove https://new.example/*']);
  });

  it('refuses invalid origins and a denied permission without registering anything', async () => {
    const { api, calls } = fakeApi(false);
    expect(await allowLiveOrigin(api, '*://*/*')).toEqual({ ok: false, reason: 'invalid-origin' });
    expect(await allowLiveOrigin(api, 'me.example')).toEqual({ ok: false, reason: 'permission-denied' });
    expect(calls).toEqual(['request https://me.example/*']);
  });
});

describe('restoreLiveRegistration', () => {
  function fakeApi(held: boolean, registered: { id: string }[]) {
    const calls: string[] = [];
    const api: LiveRegistrationApi = {
      permissions: { request: async () => true, remove: async () => true, contains: async () => held },
      scripting: {
        registerContentScripts: async (s) => void calls.push(`register ${s.map((x) => x.matches.join()).join()}`),
        unregisterContentScripts: async (f) => void calls.push(`unregister ${f?.ids.join()}`),
        getRegisteredContentScripts: async () => registered,
      },
    };
    return { api, calls };
  }

  it('re-registers a lost registration while the permission is held', async () => {
    const { api, calls } = fakeApi(true, []);
    expect(await restoreLiveRegistration(api, ORIGIN)).toEqual({ live: true, origin: ORIGIN, reregistered: true });
    expect(calls).toEqual(['register https://me.example/*']);
  });

  it('leaves a live registration alone', async () => {
    const { api, calls } = fakeApi(true, [{ id: LIVE_SCRIPT_ID }]);
    expect(await restoreLiveRegistration(api, ORIGIN)).toEqual({ live: true, origin: ORIGIN, reregistered: false });
    expect(calls).toEqual([]);
  });

  it('unregisters when nothing (valid) is allowed or the permission is gone', async () => {
    for (const [held, allowed] of [[false, ORIGIN], [true, null], [true, 'javascript:alert(1)']] as const) {
      const { api, calls } = fakeApi(held, [{ id: LIVE_SCRIPT_ID }]);
      expect(await restoreLiveRegistration(api, allowed)).toEqual({ live: false });
      expect(calls).toEqual([`unregister ${LIVE_SCRIPT_ID}`]);
    }
  });
});

describe('onPageShown', () => {
  it('calls back when the page becomes visible again, until unsubscribed', () => {
    const callback = vi.fn();
    let state: DocumentVisibilityState = 'hidden';
    const target = new EventTarget();
    const doc = {
      addEventListener: target.addEventListener.bind(target),
      removeEventListener: target.removeEventListener.bind(target),
      get visibilityState() {
        return state;
      },
    };
    const stop = onPageShown(doc as unknown as Document)(callback);
    target.dispatchEvent(new Event('visibilitychange'));
    expect(callback).not.toHaveBeenCalled();
    state = 'visible';
    target.dispatchEvent(new Event('visibilitychange'));
    expect(callback).toHaveBeenCalledTimes(1);
    stop();
    target.dispatchEvent(new Event('visibilitychange'));
    expect(callback).toHaveBeenCalledTimes(1);
  });
});
