import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import background from '../../entrypoints/background';
import { CAPTURE_SCRIPT_PATH, MENU_IDS } from '../../lib/messaging';
import { openArticleStore } from '../../lib/store';
import { makeCaptured } from '../lib/store/article-fixtures';

type Mock = ReturnType<typeof vi.fn>;

/** A minimal event for the APIs fakeBrowser lacks (contextMenus.onClicked). */
function fakeEvent<A extends unknown[]>() {
  const listeners: ((...args: A) => void)[] = [];
  return {
    addListener: (listener: (...args: A) => void) => void listeners.push(listener),
    hasListeners: () => listeners.length > 0,
    trigger: (...args: A) => listeners.forEach((listener) => listener(...args)),
  };
}
let menuClicked: ReturnType<typeof fakeEvent<[Record<string, unknown>, Record<string, unknown>]>>;
let executeScript: Mock;
let create: Mock;
let removeAll: Mock;
let setBadgeText: Mock;
let setTitle: Mock;

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  // fakeBrowser implements neither scripting nor contextMenus.create nor the badge.
  executeScript = vi.fn(async (options: { files?: string[] }) =>
    options.files ? [{ frameId: 0, result: { ok: true, article: makeCaptured({ fromSelection: true }) } }] : [{ frameId: 0, result: null }],
  );
  Reflect.set(browser, 'scripting', { executeScript, getRegisteredContentScripts: vi.fn(async () => []) });
  create = vi.fn();
  removeAll = vi.fn(async () => undefined);
  menuClicked = fakeEvent();
  Object.defineProperty(browser.contextMenus, 'onClicked', { value: menuClicked, configurable: true });
  Object.assign(browser.contextMenus, { create, removeAll });
  setBadgeText = vi.fn(async () => undefined);
  setTitle = vi.fn(async () => undefined);
  Object.assign(browser.action, { setBadgeText, setTitle, setBadgeBackgroundColor: vi.fn(async () => undefined) });
  Reflect.set(browser.tabs, 'get', vi.fn(async (id: number) => ({ id, url: 'https://news.example/story-1' })));
  // Nor permissions (live mode listens for revoked host access).
  Reflect.set(browser, 'permissions', { onRemoved: fakeEvent(), contains: vi.fn(async () => false) });
});

describe('background entrypoint', () => {
  it('registers every listener synchronously in main()', () => {
    const added = [
      vi.spyOn(browser.runtime.onMessage, 'addListener'),
      vi.spyOn(browser.runtime.onInstalled, 'addListener'),
      vi.spyOn(browser.runtime.onStartup, 'addListener'),
    ];
    const result = background.main();
    // Registered before main() returns, and main() returns nothing to wait for.
    expect(result).toBeUndefined();
    for (const spy of added) expect(spy).toHaveBeenCalledTimes(1);
    expect(menuClicked.hasListeners()).toBe(true);
  });

  it('creates the two context-menu items on install', async () => {
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(2));
    expect(removeAll).toHaveBeenCalledBefore(create);
    expect(create.mock.calls.map(([item]) => item)).toEqual([
      { id: MENU_IDS.savePage, title: 'Save page to ClipShelf', contexts: ['page'] },
      { id: MENU_IDS.saveSelection, title: 'Save selection to ClipShelf', contexts: ['selection'] },
    ]);
  });

  it('"Save selection" injects the capture for the selection, stores the article and shows a badge', async () => {
    background.main();
    menuClicked.trigger({ menuItemId: MENU_IDS.saveSelection, editable: false, pageUrl: 'https://news.example/story-1' }, { id: 9 });
    await vi.waitFor(() => expect(setBadgeText).toHaveBeenCalled());
    expect(executeScript.mock.calls[0]?.[0]).toMatchObject({ target: { tabId: 9 }, args: [expect.any(String), { force: false, selection: true }] });
    expect(executeScript.mock.calls[1]?.[0]).toEqual({ target: { tabId: 9 }, files: [CAPTURE_SCRIPT_PATH] });
    expect(setBadgeText).toHaveBeenCalledWith({ tabId: 9, text: '✓' });
    expect(setTitle).toHaveBeenCalledWith({ tabId: 9, title: 'Saved to ClipShelf: Trilateral summit on AI chips' });
    const store = await openArticleStore();
    expect((await store.listArticles()).map((a) => a.title)).toEqual(['Trilateral summit on AI chips']);
    store.close();
  });
});
