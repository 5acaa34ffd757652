import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createCapturePendingService, parseRequest, toHostPattern, type CapturePendingDeps } from '../../../lib/messaging';
import { parseCaptureJobStatus } from '../../../lib/messaging/protocol';
import type { ArticleRecord, CapturedArticle } from '../../../lib/model';
import type { ArticleStore } from '../../../lib/store';
import { makePendingRecord } from '../../helpers/make-article';
import { useFreshStore } from '../../helpers/use-fresh-store';
import { makeAnalysis, makeCaptured } from '../store/article-fixtures';

let store: ArticleStore;
useFreshStore((s) => (store = s));

const pending = (id: string, url: string, extra: Partial<ArticleRecord> = {}): ArticleRecord =>
  makePendingRecord(id, url, { tags: ['from-pocket'], read: true, ...extra });

/** A browser stand-in: pages by URL, what each capture returns, which tabs were opened and closed. */
function fakeBrowser(pages: Record<string, unknown | Error>, options: { allowed?: (url: string) => boolean } = {}) {
  const opened: string[] = [];
  const closed: number[] = [];
  const tabs = new Map<number, string>();
  let next = 1;
  const deps: CapturePendingDeps = {
    getStore: async () => store,
    analyze: () => makeAnalysis(['Yan Liang'], ['trade']),
    hasHostPermission: async (url) => options.allowed?.(url) ?? true,
    async openTab(url) {
      opened.push(url);
      if (pages[url] instanceof Error && (pages[url] as Error).message === 'load') throw new Error('no answer in 45 s');
      const id = next++;
      tabs.set(id, url);
      return id;
    },
    async closeTab(id) {
      closed.push(id);
    },
    async runCapture(tabId) {
      const reply = pages[tabs.get(tabId)!];
      if (reply instanceof Error) throw reply;
      return reply;
    },
    now: () => 5_000,
  };
  return { deps, opened, closed };
}

const ok = (article: CapturedArticle) => ({ ok: true, article });

describe('capture pending service', () => {
  it('captures each pending article in a tab, stores its content and keeps id, saved time, tags and read state', async () => {
    await store.importArticles([pending('p1', 'https://one.example/a'), pending('p2', 'https://two.example/b')]);
    const { deps, opened, closed } = fakeBrowser({
      'https://one.example/a': ok(makeCaptured({ url: 'https://one.example/a', title: 'One', text: 'One text.' })),
      'https://two.example/b': ok(makeCaptured({ url: 'https://two.example/b', title: 'Two', text: 'Two text.' })),
    });
    const service = createCapturePendingService(deps);
    expect(service.start(['p1', 'p2'])).toMatchObject({ state: 'running', total: 2, done: 0 });
    await service.settled();
    expect(service.status()).toEqual({ state: 'done', total: 2, done: 2, captured: 2, failures: [], current: '' });
    expect(opened).toEqual(['https://one.example/a', 'https://two.example/b']);
    expect(closed).toEqual([1, 2]);
    const one = (await store.getArticle('p1'))!;
    expect(one).toMatchObject({ state: 'saved', title: 'One', savedAt: 100, updatedAt: null, tags: ['from-pocket'], read: true });
    expect(one.speakerKeys).toEqual(['yan liang']);
    expect((await store.getContent('p1'))!.text).toBe('One text.');
  });

  it('reports failures (no permission, load, injection, not an article) and closes every tab it opened', async () => {
    await store.importArticles([
      pending('a', 'https://denied.example/a', { savedAt: 4 }),
      pending('b', 'https://slow.example/b', { savedAt: 3 }),
      pending('c', 'https://broken.example/c', { savedAt: 2 }),
      pending('d', 'https://empty.example/d', { savedAt: 1 }),
    ]);
    const { deps, opened, closed } = fakeBrowser(
      {
        'https://slow.example/b': new Error('load'),
        'https://broken.example/c': new Error('Cannot access contents of the page. Extension manifest must request permission'),
        'https://empty.example/d': { ok: false, reason: 'empty', message: 'The page has no readable text.' },
      },
      { allowed: (url) => !url.includes('denied') },
    );
    const service = createCapturePendingService(deps);
    service.start(['a', 'b', 'c', 'd']);
    await service.settled();
    const status = service.status();
    expect(status).toMatchObject({ state: 'done', total: 4, done: 4, captured: 0 });
    expect(status.failures.map((f) => [f.id, f.reason])).toEqual([
      ['a', 'ClipShelf was not allowed to open this site.'],
      ['b', 'The page did not load: no answer in 45 s'],
      ['c', expect.stringMatching(/ClipShelf|access|allowed/i)],
      ['d', 'The page has no readable text.'],
    ]);
    expect(opened).toEqual(['https://slow.example/b', 'https://broken.example/c', 'https://empty.example/d']);
    expect(closed).toEqual([1, 2]); // the tab that never loaded was never opened
    expect((await store.listArticles()).every((a) => a.state === 'pending')).toBe(true);
  });

  it('keeps a page that does not look like an article (the user chose it) and skips articles no longer pending', async () => {
    await store.importArticles([pending('p1', 'https://one.example/a')]);
    const { content: _c, ...savedMeta } = { ...(await store.saveArticle(makeCaptured({ url: 'https://saved.example/x' }), makeAnalysis())).article, content: null };
    const { deps, opened } = fakeBrowser({
      'https://one.example/a': { ok: false, reason: 'not-article', message: 'Not an article', article: makeCaptured({ url: 'https://one.example/a', title: 'Listing', probablyArticle: false }) },
    });
    const service = createCapturePendingService(deps);
    service.start(['p1', savedMeta.id, 'gone']);
    await service.settled();
    expect(service.status()).toMatchObject({ done: 3, captured: 1, failures: [] });
    expect(opened).toEqual(['https://one.example/a']);
    expect((await store.getArticle('p1'))!.state).toBe('saved');
  });

  it('a page whose canonical address is already saved updates that article and drops the pending duplicate', async () => {
    const { article: existing } = await store.saveArticle(makeCaptured({ url: 'https://news.example/story', title: 'Old' }), makeAnalysis(), { now: 1 });
    await store.importArticles([pending('p1', 'https://news.example/story?ref=feed')]);
    const { deps } = fakeBrowser({ 'https://news.example/story?ref=feed': ok(makeCaptured({ url: 'https://news.example/story', title: 'New' })) });
    const service = createCapturePendingService(deps);
    service.start(['p1']);
    await service.settled();
    const all = await store.listArticles();
    expect(all.map((a) => a.id)).toEqual([existing.id]);
    expect(all[0]).toMatchObject({ title: 'New', state: 'saved', tags: ['from-pocket'], read: true, savedAt: 1 });
  });

  it('Cancel stops after the article in progress; starting again continues', async () => {
    await store.importArticles([pending('p1', 'https://one.example/a'), pending('p2', 'https://two.example/b'), pending('p3', 'https://three.example/c')]);
    let release: () => void = () => undefined;
    const { deps } = fakeBrowser({
      'https://one.example/a': ok(makeCaptured({ url: 'https://one.example/a' })),
      'https://two.example/b': ok(makeCaptured({ url: 'https://two.example/b' })),
      'https://three.example/c': ok(makeCaptured({ url: 'https://three.example/c' })),
    });
    const slow: CapturePendingDeps = { ...deps, runCapture: async (id, r) => (await new Promise<void>((res) => (release = res)), deps.runCapture(id, r)) };
    const service = createCapturePendingService(slow);
    const capturing = async (title: string) => {
      for (let i = 0; i < 500 && service.status().current !== title; i++) await new Promise((r) => setTimeout(r, 2));
      expect(service.status().current).toBe(title);
      await new Promise((r) => setTimeout(r, 2)); // the tab is open and the capture waits for release
    };
    service.start(['p1', 'p2', 'p3']);
    await capturing('Link p1');
    expect(service.cancel().state).toBe('running');
    release();
    await service.settled();
    expect(service.status()).toMatchObject({ state: 'cancelled', total: 3, done: 1, captured: 1 });
    const restarted = service.start(['p2', 'p3']);
    expect(restarted).toMatchObject({ state: 'running', total: 2, done: 0 });
    await capturing('Link p2');
    release();
    await capturing('Link p3');
    release();
    await service.settled();
    expect(service.status()).toMatchObject({ state: 'done', captured: 2 });
    expect((await store.listArticles()).every((a) => a.state === 'saved')).toBe(true);
  });

  it('joining a running job adds only new ids', async () => {
    await store.importArticles([pending('p1', 'https://one.example/a'), pending('p2', 'https://two.example/b')]);
    const { deps } = fakeBrowser({
      'https://one.example/a': ok(makeCaptured({ url: 'https://one.example/a' })),
      'https://two.example/b': ok(makeCaptured({ url: 'https://two.example/b' })),
    });
    const service = createCapturePendingService(deps);
    service.start(['p1']);
    expect(service.start(['p1', 'p2']).total).toBe(2);
    await service.settled();
    expect(service.status()).toMatchObject({ state: 'done', total: 2, done: 2, captured: 2 });
  });
});

describe('capture protocol messages', () => {
  it('validates capturePending / getCaptureStatus / cancelCapture requests', () => {
    expect(parseRequest({ clipshelf: 1, type: 'capturePending', data: { ids: ['a', 'b'] } })).toEqual({ clipshelf: 1, type: 'capturePending', data: { ids: ['a', 'b'] } });
    expect(parseRequest({ clipshelf: 1, type: 'capturePending', data: { ids: ['a', 3] } })).toBeNull();
    expect(parseRequest({ clipshelf: 1, type: 'capturePending', data: { ids: 'a' } })).toBeNull();
    expect(parseRequest({ clipshelf: 1, type: 'capturePending', data: { ids: [''] } })).toBeNull();
    expect(parseRequest({ clipshelf: 1, type: 'getCaptureStatus', data: { x: 1 } })).toEqual({ clipshelf: 1, type: 'getCaptureStatus', data: {} });
    expect(parseRequest({ clipshelf: 1, type: 'cancelCapture', data: {} })).toEqual({ clipshelf: 1, type: 'cancelCapture', data: {} });
    expect(parseRequest({ clipshelf: 1, type: 'cancelCapture' })).toBeNull();
  });

  it('validates job status responses', () => {
    const status = { state: 'running', total: 3, done: 1, captured: 1, failures: [{ id: 'a', title: 'A', reason: 'r' }], current: 'B' };
    expect(parseCaptureJobStatus(status)).toEqual(status);
    expect(parseCaptureJobStatus({ ...status, state: 'paused' })).toBeNull();
    expect(parseCaptureJobStatus({ ...status, done: -1 })).toBeNull();
    expect(parseCaptureJobStatus({ ...status, failures: [{ id: 1 }] })).toBeNull();
  });

  it('host patterns: http(s) sites only, ports dropped', () => {
    expect(toHostPattern('https://www.example.com/a?b#c')).toBe('https://www.example.com/*');
    expect(toHostPattern('http://127.0.0.1:8080/x')).toBe('http://127.0.0.1/*');
    expect(toHostPattern('javascript:alert(1)')).toBeNull();
    expect(toHostPattern('not a url')).toBeNull();
  });
});
