import 'fake-indexeddb/auto';
import { IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createSaveService, UNSUPPORTED_REASONS, type CaptureRequest } from '../../../lib/messaging';
import type { AnalysisInput } from '../../../lib/model';
import type { ArticleStore } from '../../../lib/store';
import { makeAnalysis, makeCaptured } from '../store/article-fixtures';
import { useFreshStore } from '../../helpers/use-fresh-store';

let store: ArticleStore;
useFreshStore((s) => (store = s));

function service(reply: unknown | (() => unknown), analyze = vi.fn((_: AnalysisInput) => makeAnalysis(['Yan Liang']))) {
  const runCapture = vi.fn(async (_tabId: number, _request: CaptureRequest) => (typeof reply === 'function' ? reply() : reply));
  let now = 1000;
  return {
    runCapture,
    analyze,
    saver: createSaveService({ runCapture, getStore: async () => store, analyze, now: () => now++ }),
  };
}

const tab = { id: 5, url: 'https://news.example/story-1' };
const request = { force: false, selection: false };

describe('createSaveService', () => {
  it('captures, analyses and stores a page; a second save of the same URL is an update', async () => {
    const { saver, runCapture, analyze } = service({ ok: true, article: makeCaptured() });
    const first = await saver.saveTab(tab, request);
    expect(first).toMatchObject({ status: 'saved', title: 'Trilateral summit on AI chips' });
    expect(runCapture).toHaveBeenCalledWith(5, request);
    expect(analyze).toHaveBeenCalledWith(expect.objectContaining({ title: 'Trilateral summit on AI chips', lang: 'en', authors: ['Reporter One'] }));
    const second = await saver.saveTab(tab, request);
    expect(second).toEqual({ ...first, status: 'updated' });
    expect(await store.listArticles()).toHaveLength(1);
    expect((await store.listBySpeaker('yan liang')).map((a) => a.id)).toEqual([first.status === 'saved' ? first.id : '']);
  });

  it('stores a selection as its own record next to the whole article; the same selection again is an update', async () => {
    const whole = await service({ ok: true, article: makeCaptured() }).saver.saveTab(tab, request);
    const part = makeCaptured({ text: 'Only this part.', contentHash: 'feedfacecafe0123', fromSelection: true });
    const selection = service({ ok: true, article: part }).saver;
    const first = await selection.saveTab(tab, { force: false, selection: true });
    const again = await selection.saveTab(tab, { force: false, selection: true });
    expect(first.status).toBe('saved');
    expect(again.status).toBe('updated');
    const list = await store.listArticles();
    expect(list.map((a) => a.url).sort()).toEqual(['https://news.example/story-1', 'https://news.example/story-1#clipshelf-selection-feedfacecafe']);
    expect((await store.getContent(whole.status === 'saved' ? whole.id : ''))?.text).toContain('Yan Liang said');
  });

  it('reports a page that is not an article and stores nothing', async () => {
    const { saver } = service({ ok: false, reason: 'not-article', message: "This page doesn't look like an article.", article: makeCaptured({ title: 'Links' }) });
    expect(await saver.saveTab(tab, request)).toEqual({ status: 'not-article', title: 'Links', message: "This page doesn't look like an article." });
    expect(await store.listArticles()).toEqual([]);
  });

  it('refuses browser pages, stores and PDFs before injecting anything', async () => {
    const { saver, runCapture } = service({ ok: true, article: makeCaptured() });
    for (const [url, reason] of [
      ['chrome://settings/', UNSUPPORTED_REASONS.browserPage],
      ['about:addons', UNSUPPORTED_REASONS.browserPage],
      ['https://chromewebstore.google.com/detail/x', UNSUPPORTED_REASONS.webStore],
      ['https://addons.mozilla.org/en-US/firefox/', UNSUPPORTED_REASONS.webStore],
      ['https://example.org/paper.PDF', UNSUPPORTED_REASONS.pdf],
    ] as const) {
      expect(await saver.saveTab({ id: 1, url }, request)).toEqual({ status: 'unsupported', reason });
    }
    expect(runCapture).not.toHaveBeenCalled();
  });

  it('explains injection errors in one line', async () => {
    const cases: [string, string | undefined, string, string][] = [
      ['Cannot access contents of url "file:///home/a.html". Extension manifest must request permission to access this host.', 'file:///home/a.html', 'unsupported', UNSUPPORTED_REASONS.file],
      ['Frame with ID 0 is showing error page', 'https://down.example/', 'unsupported', UNSUPPORTED_REASONS.errorPage],
      ['Cannot access a chrome:// URL', undefined, 'unsupported', UNSUPPORTED_REASONS.browserPage],
      ['The extensions gallery cannot be scripted.', undefined, 'unsupported', UNSUPPORTED_REASONS.webStore],
      ['No tab with id: 5.', 'https://news.example/', 'failed', UNSUPPORTED_REASONS.tabGone],
      ['Cannot access contents of the page. Extension manifest must request permission to access the respective host.', 'https://news.example/', 'unsupported', UNSUPPORTED_REASONS.noAccess],
    ];
    for (const [message, url, status, reason] of cases) {
      const { saver } = service(() => {
        throw new Error(message);
      });
      expect(await saver.saveTab({ id: 5, url }, request), message).toEqual({ status, reason });
    }
  });

  it('rejects a malformed capture reply and reports script errors', async () => {
    expect(await service({ ok: true, article: { title: 1 } }).saver.saveTab(tab, request)).toMatchObject({ status: 'failed' });
    expect(await service(undefined).saver.saveTab(tab, request)).toMatchObject({ status: 'failed' });
    expect(await service({ ok: false, reason: 'script-error', message: 'boom' }).saver.saveTab(tab, request)).toEqual({
      status: 'failed',
      reason: 'Could not read the page: boom',
    });
    const huge = makeCaptured({ text: 'word '.repeat(500_000) });
    expect(await service({ ok: true, article: huge }).saver.saveTab(tab, request)).toEqual({
      status: 'failed',
      reason: 'This page is too large to save whole. Select the part you want and use "Save selection to ClipShelf".',
    });
    expect(await store.listArticles()).toEqual([]);
  });

  it('still saves the article when the analysis engine throws', async () => {
    const analyze = vi.fn(() => {
      throw new Error('engine bug');
    });
    const { saver } = service({ ok: true, article: makeCaptured() }, analyze);
    const outcome = await saver.saveTab(tab, request);
    expect(outcome.status).toBe('saved');
    expect((await store.listArticles())[0]?.analysis.speakers).toEqual([]);
  });

  it('turns a full disk into a clear "failed" outcome with nothing stored', async () => {
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'contents') throw new DOMException('Quota', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const outcome = await service({ ok: true, article: makeCaptured() }).saver.saveTab(tab, request);
    expect(outcome).toMatchObject({ status: 'failed' });
    expect(outcome.status === 'failed' && outcome.reason).toMatch(/no storage space left/);
    vi.restoreAllMocks();
    expect(await store.listArticles()).toEqual([]);
  });

  it('gives up on a capture script that never answers (a hostile page can spin it) with a clear message', async () => {
    const runCapture = vi.fn((_tabId: number, _request: CaptureRequest) => new Promise<unknown>(() => {}));
    const saver = createSaveService({ runCapture, getStore: async () => store, analyze: () => makeAnalysis([]), captureTimeoutMs: 50 });
    const outcome = await saver.saveTab(tab, request);
    expect(outcome).toMatchObject({ status: 'failed' });
    expect(outcome.status === 'failed' && outcome.reason).toMatch(/took too long to capture/);
    expect(await store.listArticles()).toEqual([]);
  });

  it('passes a "not an HTML page" capture failure through', async () => {
    const message = 'This is not an HTML page (application/json), so there is no article to save.';
    expect(await service({ ok: false, reason: 'not-html', message }).saver.saveTab(tab, request)).toEqual({ status: 'failed', reason: message });
  });
});
