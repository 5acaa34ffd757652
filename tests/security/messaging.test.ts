/**
 * The background trusts only its own pages, validates every message's shape, and never lets page-supplied data
 * choose a script, file, URL or frame to inject (the Evernote Web Clipper flaw, CVE-2019-12592, let a page make
 * the extension inject into other frames). The capture script's reply is untrusted too: it ran in the page.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import {
  CAPTURE_SCRIPT_PATH,
  createBackgroundService,
  isTrustedPageSender,
  parseCaptureResult,
  parseRequest,
  takeCaptureRequest,
  CAPTURE_REQUEST_KEY,
} from '../../lib/messaging';
import type { ArticleStore } from '../../lib/store';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('parseRequest rejects anything but a well-formed request, and keeps only known fields', () => {
  const hostile: Array<[string, unknown]> = [
    ['null', null],
    ['string', 'saveTab'],
    ['array', [1, 'saveTab']],
    ['no tag', { type: 'saveTab', data: { tabId: 1, force: false } }],
    ['wrong tag', { clipshelf: '1', type: 'saveTab', data: { tabId: 1, force: false } }],
    ['unknown type', { clipshelf: 1, type: 'executeScript', data: { tabId: 1, files: ['/evil.js'] } }],
    ['tabId string', { clipshelf: 1, type: 'saveTab', data: { tabId: '1', force: false } }],
    ['tabId float', { clipshelf: 1, type: 'saveTab', data: { tabId: 1.5, force: false } }],
    ['tabId NaN', { clipshelf: 1, type: 'saveTab', data: { tabId: Number.NaN, force: false } }],
    ['tabId huge', { clipshelf: 1, type: 'saveTab', data: { tabId: 2 ** 60, force: false } }],
    ['force string', { clipshelf: 1, type: 'saveTab', data: { tabId: 1, force: 'true' } }],
    ['data array', { clipshelf: 1, type: 'saveTab', data: [1, false] }],
    ['data missing', { clipshelf: 1, type: 'saveTab' }],
  ];
  it.each(hostile)('%s → null', (_name, message) => {
    expect(parseRequest(message)).toBeNull();
  });

  it('drops page-supplied script, file, URL and frame fields', () => {
    const parsed = parseRequest(JSON.parse(JSON.stringify({
      clipshelf: 1, type: 'saveTab',
      data: { tabId: 7, force: true, files: ['/evil.js'], func: 'alert(1)', url: 'https://evil.example/x.js', frameId: 3, allFrames: true, world: 'MAIN' },
      __proto__: { polluted: true },
    })));
    expect(parsed).toEqual({ clipshelf: 1, type: 'saveTab', data: { tabId: 7, force: true } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('isTrustedPageSender: only this extension\'s own pages', () => {
  const cases: Array<[string, Parameters<typeof isTrustedPageSender>[0], boolean]> = [
    ['popup', { id: ID, url: `${ORIGIN}popup.html` }, true],
    ['library page', { id: ID, url: `${ORIGIN}library.html#/a1` }, true],
    ['own content script on a web page', { id: ID, url: 'https://evil.example/', tab: { id: 3 } }, false],
    ['web page URL embedding our origin', { id: ID, url: `https://evil.example/${ORIGIN}popup.html` }, false],
    ['look-alike host', { id: ID, url: `chrome-extension://${ID}.evil.example/popup.html` }, false],
    ['userinfo trick', { id: ID, url: `chrome-extension://${ID}@evil.example/popup.html` }, false],
    ['other extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html' }, false],
    ['other extension claiming our URL', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: `${ORIGIN}popup.html` }, false],
    ['no url', { id: ID }, false],
    ['no id', { url: `${ORIGIN}popup.html` }, false],
    ['data: page', { id: ID, url: 'data:text/html,<script>x</script>' }, false],
  ];
  it.each(cases)('%s → %s', (_name, sender, trusted) => {
    expect(isTrustedPageSender(sender, ID, ORIGIN)).toBe(trusted);
    expect(isTrustedPageSender(sender, ID, ORIGIN.slice(0, -1))).toBe(trusted);
  });
  it('an empty runtime id trusts nobody', () => {
    expect(isTrustedPageSender({ id: '', url: 'chrome-extension:///x' }, '', 'chrome-extension:///')).toBe(false);
  });
});

describe('background onMessage (the real listener, fake browser)', () => {
  let executeScript: ReturnType<typeof vi.fn>;
  const fakeStore = { saveArticle: vi.fn(), close: vi.fn() } as unknown as ArticleStore;

  beforeEach(() => {
    fakeBrowser.reset();
    executeScript = vi.fn(async () => [{ frameId: 0, result: { ok: false, reason: 'empty', message: 'No article text was found on this page.' } }]);
    (browser as unknown as { scripting: unknown }).scripting = { executeScript };
    vi.spyOn(browser.tabs, 'get').mockResolvedValue({ id: 7, url: 'https://news.example.org/story' } as unknown as Awaited<ReturnType<typeof browser.tabs.get>>);
    (browser.action as unknown as Record<string, unknown>).setBadgeText = vi.fn(async () => undefined);
    (browser.action as unknown as Record<string, unknown>).setBadgeBackgroundColor = vi.fn(async () => undefined);
    (browser.action as unknown as Record<string, unknown>).setTitle = vi.fn(async () => undefined);
  });

  const send = (service: ReturnType<typeof createBackgroundService>, message: unknown, sender: { id?: string; url?: string }): Promise<unknown> =>
    new Promise((resolve) => {
      const async = service.onMessage(message, sender as never, resolve);
      if (!async) setTimeout(() => resolve('no-answer'), 0);
    });

  it('refuses a request from a content script / web page and injects nothing', async () => {
    const service = createBackgroundService({ getStore: async () => fakeStore });
    const answer = await send(service, { clipshelf: 1, type: 'saveTab', data: { tabId: 7, force: false } }, { id: browser.runtime.id, url: 'https://evil.example/' });
    expect(answer).toEqual({ ok: false, error: 'Request refused: unknown sender.' });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('ignores malformed messages without answering', async () => {
    const service = createBackgroundService({ getStore: async () => fakeStore });
    for (const message of [{ type: 'saveTab' }, 'saveTab', { clipshelf: 1, type: 'inject', data: { files: ['/x.js'] } }]) {
      expect(await send(service, message, { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') })).toBe('no-answer');
    }
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('from its own page: injects only its own capture file, top frame of the given tab, whatever the message adds', async () => {
    const service = createBackgroundService({ getStore: async () => fakeStore });
    const message = { clipshelf: 1, type: 'saveTab', data: { tabId: 7, force: false, files: ['/evil.js'], func: 'steal', allFrames: true, frameIds: [0, 1, 2], world: 'MAIN' } };
    const answer = await send(service, message, { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });
    expect(answer).toMatchObject({ ok: true, data: { status: 'failed' } });
    expect(executeScript).toHaveBeenCalledTimes(2);
    for (const [options] of executeScript.mock.calls as Array<[Record<string, unknown>]>) {
      expect(options.target).toEqual({ tabId: 7 });
      expect(options).not.toHaveProperty('world');
      if ('files' in options) expect(options.files).toEqual([CAPTURE_SCRIPT_PATH]);
      else expect(options.args).toEqual([CAPTURE_REQUEST_KEY, { force: false, selection: false }]);
    }
  });
});

describe('the capture script\'s reply is validated (it ran inside the page)', () => {
  const article = {
    title: 'T', authors: [], published: null, modified: null, siteName: '', source: '', lang: 'en', excerpt: '', imageUrl: '',
    url: 'https://news.example.org/a', pageUrl: 'https://news.example.org/a', html: '<p>x</p>', text: 'x', wordCount: 1,
    readingMinutes: 1, contentHash: 'h', probablyArticle: true, fromSelection: false,
  };
  it('accepts a well-formed capture and drops unknown fields', () => {
    const r = parseCaptureResult({ ok: true, article: { ...article, injected: '<script>' } });
    expect(r).toEqual({ ok: true, article });
  });
  it.each([
    ['javascript: url', { url: 'javascript:alert(1)' }],
    ['data: url', { url: 'data:text/html,<script>alert(1)</script>' }],
    ['wrong types', { wordCount: '1' }],
    ['negative count', { readingMinutes: -1 }],
    ['huge html', { html: 'x'.repeat(5_000_001) }],
  ])('rejects %s', (_name, patch) => {
    expect(parseCaptureResult({ ok: true, article: { ...article, ...patch } })).toBeNull();
  });
  it('never keeps a script URL in imageUrl or pageUrl (rendered as image/link later)', () => {
    const r = parseCaptureResult({ ok: true, article: { ...article, imageUrl: 'javascript:alert(1)', pageUrl: 'javascript:alert(2)' } });
    if (r && r.ok) {
      expect(r.article.imageUrl).not.toMatch(/^\s*javascript:/i);
      expect(r.article.pageUrl).not.toMatch(/^\s*javascript:/i);
    }
  });
  it('takeCaptureRequest keeps only two booleans from whatever was stashed', () => {
    const scope = { [CAPTURE_REQUEST_KEY]: { force: 'yes', selection: 1, files: ['/evil.js'] } };
    expect(takeCaptureRequest(scope)).toEqual({ force: false, selection: false });
    expect(CAPTURE_REQUEST_KEY in scope).toBe(false);
  });
});
