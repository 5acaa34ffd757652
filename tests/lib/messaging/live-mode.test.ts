import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { parseFeed, toFeed } from '../../../lib/feed';
import { LIVE_SCRIPT_FILE, LIVE_SCRIPT_ID, type LiveRegistrationApi } from '../../../lib/live';
import {
  LIVE_ORIGIN_KEY,
  createBackgroundService,
  isLiveBridgeSender,
  parseRequest,
  parseResponse,
  readLiveOrigin,
  startLiveSettings,
  toLiveFeed,
  writeLiveOrigin,
  type LiveSenderInfo,
  type LiveSettingsView,
} from '../../../lib/messaging';
import type { ArticleMeta } from '../../../lib/model';
import { openArticleStore } from '../../../lib/store';
import { makeAnalysis, makeCaptured } from '../store/article-fixtures';

const ALLOWED = 'http://127.0.0.1:8080';
const RUNTIME_ID = 'clipshelf-test-id';

/** What Chromium reports for our content script in the top frame of a tab on `url`. */
const bridgeSender = (url = `${ALLOWED}/start`, extra: Partial<LiveSenderInfo> = {}): LiveSenderInfo => ({
  id: RUNTIME_ID,
  url,
  origin: new URL(url).origin,
  frameId: 0,
  tab: { id: 4, url },
  ...extra,
});

describe('isLiveBridgeSender', () => {
  it('accepts only our content script, top frame, on the allowed origin', () => {
    expect(isLiveBridgeSender(bridgeSender(), RUNTIME_ID, ALLOWED)).toBe(true);
    // Firefox reports no sender.origin; url and tab.url still decide.
    expect(isLiveBridgeSender(bridgeSender(undefined, { origin: undefined }), RUNTIME_ID, ALLOWED)).toBe(true);
  });

  it.each<[string, LiveSenderInfo, string | null]>([
    ['nothing allowed', bridgeSender(), null],
    ['another extension', bridgeSender(undefined, { id: 'other-extension' }), ALLOWED],
    ['no sender id', bridgeSender(undefined, { id: undefined }), ALLOWED],
    ['another port on the same host', bridgeSender('http://127.0.0.1:9090/start'), ALLOWED],
    ['another host', bridgeSender('https://evil.example/'), ALLOWED],
    ['http instead of https', bridgeSender('http://me.example/'), 'https://me.example'],
    ['an iframe', bridgeSender(undefined, { frameId: 3 }), ALLOWED],
    ['no frame id', bridgeSender(undefined, { frameId: undefined }), ALLOWED],
    ['no tab (an extension page or worker)', bridgeSender(undefined, { tab: undefined }), ALLOWED],
    ['a tab showing another origin', bridgeSender(undefined, { tab: { id: 4, url: 'https://evil.example/' } }), ALLOWED],
    ['a frame origin that disagrees', bridgeSender(undefined, { origin: 'https://evil.example' }), ALLOWED],
    ['an extension page', { id: RUNTIME_ID, url: `chrome-extension://${RUNTIME_ID}/library.html`, frameId: 0, tab: { id: 4, url: `chrome-extension://${RUNTIME_ID}/library.html` } }, ALLOWED],
    ['an opaque (sandboxed) frame', bridgeSender(undefined, { origin: 'null' }), ALLOWED],
  ])('refuses %s', (_, sender, allowed) => {
    expect(isLiveBridgeSender(sender, RUNTIME_ID, allowed)).toBe(false);
  });
});

describe('toLiveFeed', () => {
  it('is what "Export feed" writes by default: saved articles only, no full text', async () => {
    indexedDB = new IDBFactory();
    const store = await openArticleStore();
    await store.saveArticle(makeCaptured(), makeAnalysis(), { now: 1 });
    const [meta] = await store.listArticles();
    store.close();
    const pending: ArticleMeta = { ...meta!, id: 'pending-1', state: 'pending' };
    const feed = toLiveFeed([pending, meta!]);
    expect(feed).toEqual(toFeed([meta!], { title: 'ClipShelf' }));
    expect(feed.items.map((i) => i.id)).toEqual([meta!.id]);
    expect(JSON.stringify(feed)).not.toContain('content_html');
    expect(parseFeed(feed).ok).toBe(true);
  });
});

describe('live settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores one origin and re-validates what it reads back', async () => {
    expect(await readLiveOrigin()).toBeNull();
    await writeLiveOrigin(ALLOWED);
    expect(await readLiveOrigin()).toBe(ALLOWED);
    for (const tampered of ['javascript:alert(1)', 'http://evil.example', 'https://me.example/path', 42, { origin: ALLOWED }]) {
      await browser.storage.local.set({ [LIVE_ORIGIN_KEY]: tampered });
      expect(await readLiveOrigin()).toBeNull();
    }
  });
});

describe('getLiveFeed in the protocol', () => {
  it('parses the request and validates the feed in the response', () => {
    expect(parseRequest({ clipshelf: 1, type: 'getLiveFeed', data: {} })).toEqual({ clipshelf: 1, type: 'getLiveFeed', data: {} });
    const feed = toFeed([]);
    expect(parseResponse('getLiveFeed', { ok: true, data: feed })).toEqual({ ok: true, data: feed });
    expect(parseResponse('getLiveFeed', { ok: true, data: { version: 'nope' } })).toBeNull();
  });
});

/** Scripting and permissions as Chromium behaves for them, recording the calls. */
function fakeLiveApi(options: { grant?: boolean; held?: string[]; keepOnRemove?: boolean } = {}) {
  const calls: string[] = [];
  const held = new Set(options.held ?? []);
  let registered: { id: string; matches: string[]; js: string[] }[] = [];
  const api: LiveRegistrationApi = {
    permissions: {
      request: vi.fn(async (p: { origins: string[] }) => {
        calls.push(`request ${p.origins.join()}`);
        if (options.grant ?? true) p.origins.forEach((o) => held.add(o));
        return options.grant ?? true;
      }),
      remove: async (p) => {
        calls.push(`remove ${p.origins.join()}`);
        if (options.keepOnRemove) throw new Error('You cannot remove required permissions.');
        p.origins.forEach((o) => held.delete(o));
        return true;
      },
      contains: async (p) => p.origins.every((o) => held.has(o)),
    },
    scripting: {
      registerContentScripts: async (s) => {
        calls.push(`register ${s.map((x) => `${x.id} ${x.matches.join()} ${x.js.join()}`).join()}`);
        registered = s.map((x) => ({ id: x.id, matches: x.matches, js: x.js }));
      },
      unregisterContentScripts: async (f) => {
        calls.push(`unregister ${f?.ids.join()}`);
        registered = [];
      },
      getRegisteredContentScripts: async () => registered,
    },
  };
  return { api, calls, held, registered: () => registered };
}

describe('the background answers getLiveFeed', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    indexedDB = new IDBFactory();
    Reflect.set(browser.runtime, 'id', RUNTIME_ID);
    const store = await openArticleStore();
    await store.saveArticle(makeCaptured(), makeAnalysis(), { now: 1 });
    store.close();
  });

  const ask = (sender: LiveSenderInfo, type: 'getLiveFeed' | 'getCaptureStatus' = 'getLiveFeed') =>
    new Promise<unknown>((resolve) => {
      const service = createBackgroundService();
      const async = service.onMessage({ clipshelf: 1, type, data: {} }, sender, resolve);
      expect(async).toBe(true);
    });

  it('with the exported feed for the allowed origin only', async () => {
    await writeLiveOrigin(ALLOWED);
    const reply = parseResponse('getLiveFeed', await ask(bridgeSender()));
    const store = await openArticleStore();
    const expected = toLiveFeed(await store.listArticles());
    store.close();
    expect(reply).toEqual({ ok: true, data: expected });
    expect(expected.items).toHaveLength(1);

    for (const sender of [bridgeSender('http://127.0.0.1:9090/'), bridgeSender(undefined, { frameId: 1 }), bridgeSender(undefined, { id: 'x' })])
      expect(await ask(sender)).toEqual({ ok: false, error: 'Request refused: unknown sender.' });
    // The content script may ask for nothing else.
    expect(await ask(bridgeSender(), 'getCaptureStatus')).toEqual({ ok: false, error: 'Request refused: unknown sender.' });
  });

  it('refuses everyone once the origin is removed', async () => {
    expect(await ask(bridgeSender())).toEqual({ ok: false, error: 'Request refused: unknown sender.' });
  });

  it('re-registers at start only while the origin is allowed and its permission held', async () => {
    const live = fakeLiveApi({ held: ['http://127.0.0.1/*'] });
    Reflect.set(browser, 'scripting', live.api.scripting);
    Reflect.set(browser, 'permissions', live.api.permissions);
    const service = createBackgroundService();
    await writeLiveOrigin(ALLOWED);
    await service.restoreLive();
    expect(live.registered()).toEqual([{ id: LIVE_SCRIPT_ID, matches: ['http://127.0.0.1/*'], js: [LIVE_SCRIPT_FILE] }]);
    await service.restoreLive(); // already registered: left alone
    expect(live.calls.filter((c) => c.startsWith('register'))).toHaveLength(1);

    live.held.clear(); // the user revoked the site's access in the browser's settings
    await service.restoreLive();
    expect(live.registered()).toEqual([]);
    expect(await readLiveOrigin()).toBeNull();
  });

  it('ends live mode when the browser removes the allowed origin\'s permission', async () => {
    const live = fakeLiveApi({ held: ['http://127.0.0.1/*'] });
    Reflect.set(browser, 'scripting', live.api.scripting);
    Reflect.set(browser, 'permissions', live.api.permissions);
    const service = createBackgroundService();
    await writeLiveOrigin(ALLOWED);
    await service.restoreLive();
    await service.onPermissionsRemoved({ origins: ['https://other.example/*'] });
    expect(live.registered()).toHaveLength(1);
    await service.onPermissionsRemoved({ origins: ['http://127.0.0.1/*'] });
    expect(live.registered()).toEqual([]);
    expect(await readLiveOrigin()).toBeNull();
  });
});

describe('startLiveSettings (library page)', () => {
  beforeEach(() => fakeBrowser.reset());

  function fakeView(): LiveSettingsView & EventTarget {
    return Object.assign(new EventTarget(), { origin: '', snippet: '', busy: false, message: '', tone: 'info' as const });
  }
  const fire = (view: EventTarget, type: string, origin: string) => view.dispatchEvent(new CustomEvent(type, { detail: { origin } }));

  it('asks for the permission within the click, registers that origin alone, stores it and shows the snippet', async () => {
    const view = fakeView();
    const live = fakeLiveApi();
    await startLiveSettings({ view, api: live.api }).ready;
    expect(view.origin).toBe('');
    fire(view, 'clip-live-allow', ' http://127.0.0.1:8080/start ');
    // Synchronously, before any await: the user gesture is still there.
    expect(live.api.permissions.request).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
    await vi.waitFor(() => expect(view.busy).toBe(false));
    expect(view.origin).toBe(ALLOWED);
    expect(view.snippet).toContain('<clip-shelf src="clipshelf-feed.json" theme="auto" live></clip-shelf>');
    expect(view.tone).toBe('info');
    expect(live.registered()).toEqual([{ id: LIVE_SCRIPT_ID, matches: ['http://127.0.0.1/*'], js: [LIVE_SCRIPT_FILE] }]);
    expect(await readLiveOrigin()).toBe(ALLOWED);

    // A fresh page shows the stored state.
    const again = fakeView();
    await startLiveSettings({ view: again, api: live.api }).ready;
    expect(again.origin).toBe(ALLOWED);

    fire(view, 'clip-live-remove', ALLOWED);
    await vi.waitFor(() => expect(view.busy).toBe(false));
    expect(view.origin).toBe('');
    expect(live.registered()).toEqual([]);
    expect(live.held.size).toBe(0);
    expect(await readLiveOrigin()).toBeNull();
    expect(live.calls).toEqual([
      'request http://127.0.0.1/*',
      `register ${LIVE_SCRIPT_ID} http://127.0.0.1/* ${LIVE_SCRIPT_FILE}`,
      `unregister ${LIVE_SCRIPT_ID}`,
      'remove http://127.0.0.1/*',
    ]);
  });

  it('reports an invalid address and a refused permission, registering nothing', async () => {
    const view = fakeView();
    const live = fakeLiveApi({ grant: false });
    await startLiveSettings({ view, api: live.api }).ready;
    fire(view, 'clip-live-allow', 'http://evil.example');
    await vi.waitFor(() => expect(view.busy).toBe(false));
    expect(view.tone).toBe('error');
    expect(view.message).toMatch(/Enter the address/);
    fire(view, 'clip-live-allow', 'me.example');
    await vi.waitFor(() => expect(view.busy).toBe(false));
    expect(view.message).toMatch(/Not allowed/);
    expect(live.calls).toEqual(['request https://me.example/*']);
    expect(await readLiveOrigin()).toBeNull();
  });

  it('still ends access when the browser keeps the permission', async () => {
    const view = fakeView();
    const live = fakeLiveApi({ keepOnRemove: true });
    await startLiveSettings({ view, api: live.api }).ready;
    fire(view, 'clip-live-allow', ALLOWED);
    await vi.waitFor(() => expect(view.origin).toBe(ALLOWED));
    fire(view, 'clip-live-remove', ALLOWED);
    await vi.waitFor(() => expect(view.origin).toBe(''));
    expect(view.tone).toBe('info');
    expect(view.message).toMatch(/kept ClipShelf's access/);
    expect(live.registered()).toEqual([]);
    expect(await readLiveOrigin()).toBeNull();
  });
});
