/**
 * Nothing is lost: concurrent saves (one context and two), saves interrupted mid-transaction, quota errors, and
 * upgrades from every earlier schema version with varied data. Complements tests/lib/store (the store's own tests).
 * Counts are checked with the raw IndexedDB API, independent of the code under test.
 */
import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DB_VERSION, openArticleStore, StoreError, type ArticleStore } from '../../../lib/store';
import { makeAnalysis, makeCaptured } from '../store/article-fixtures';
import { createV1Database, readRawStore } from '../../helpers/raw-idb';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Meta and content of every article agree (no torn record) and each meta has its content. */
async function expectConsistent(): Promise<void> {
  const metas = await readRawStore('articles');
  const contents = new Map((await readRawStore('contents')).map((c) => [c.id, c]));
  expect(contents.size).toBe(metas.length);
  for (const m of metas) {
    const c = contents.get(m.id);
    expect(c).toBeDefined();
    // Each fixture writes its title into its text, so a torn write would show a mismatch.
    if (typeof m.title === 'string' && m.title.startsWith('Take ')) expect(c!.text).toContain(m.title);
  }
}

describe('five saves at the same moment', () => {
  let store: ArticleStore;
  beforeEach(async () => {
    store = await openArticleStore();
  });
  afterEach(() => store.close());

  it('five different articles → five records', async () => {
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => store.saveArticle(makeCaptured({ url: `https://news.example/s${i}`, title: `Take ${i}`, text: `Take ${i} text` }), makeAnalysis(), { now: 1000 + i })),
    );
    expect(results.map((r) => r.status)).toEqual(['saved', 'saved', 'saved', 'saved', 'saved']);
    expect((await readRawStore('articles')).length).toBe(5);
    await expectConsistent();
  });

  it('the same article five times → one record, one save and four updates, no torn write', async () => {
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => store.saveArticle(makeCaptured({ title: `Take ${i}`, text: `Take ${i} text` }), makeAnalysis(), { now: 1000 + i })),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['saved', 'updated', 'updated', 'updated', 'updated']);
    expect(new Set(results.map((r) => r.article.id)).size).toBe(1);
    const metas = await readRawStore('articles');
    expect(metas).toHaveLength(1);
    // The first save's time survives the updates (no lost update of savedAt), the last save wins the content.
    expect(metas[0]!.savedAt).toBe(1001);
    expect(metas[0]!.title).toBe('Take 5');
    await expectConsistent();
  });

  it('the same article from two contexts at once (popup and background connections) → one record', async () => {
    const other = await openArticleStore();
    try {
      const results = await Promise.all([
        ...[1, 2, 3].map((i) => store.saveArticle(makeCaptured({ title: `Take ${i}`, text: `Take ${i} text` }), makeAnalysis(), { now: 2000 + i })),
        ...[4, 5].map((i) => other.saveArticle(makeCaptured({ title: `Take ${i}`, text: `Take ${i} text` }), makeAnalysis(), { now: 2000 + i })),
      ]);
      expect(results.filter((r) => r.status === 'saved')).toHaveLength(1);
      expect(await readRawStore('articles')).toHaveLength(1);
      await expectConsistent();
    } finally {
      other.close();
    }
  });

  it('a tag/read state set by one save is not lost by four concurrent re-saves', async () => {
    const first = await store.saveArticle(makeCaptured({ title: 'Take 0', text: 'Take 0 text' }), makeAnalysis(), { now: 1 });
    const deleted = await store.deleteArticle(first.article.id);
    await store.restoreArticle({ ...deleted!, tags: ['keep'], read: true });
    await Promise.all([1, 2, 3, 4].map((i) => store.saveArticle(makeCaptured({ title: `Take ${i}`, text: `Take ${i} text` }), makeAnalysis(), { now: 10 + i })));
    const [meta] = await readRawStore('articles');
    expect(meta).toMatchObject({ tags: ['keep'], read: true, savedAt: 1 });
  });
});

describe('a save interrupted mid-way leaves the whole record or none', () => {
  it('transaction aborted after the metadata was written: nothing of the new article remains', async () => {
    const store = await openArticleStore();
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'contents') {
        // The browser kills the transaction (tab closed, crash, timeout) after the first write.
        this.transaction.abort();
      }
      return put.apply(this, args);
    });
    const error = await store.saveArticle(makeCaptured(), makeAnalysis()).catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(error).toBeInstanceOf(Error);
    expect(await readRawStore('articles')).toHaveLength(0);
    expect(await readRawStore('contents')).toHaveLength(0);
    // The library still works afterwards.
    await store.saveArticle(makeCaptured(), makeAnalysis());
    expect(await readRawStore('articles')).toHaveLength(1);
    store.close();
  });

  it('an update interrupted mid-way keeps the previous version whole', async () => {
    const store = await openArticleStore();
    const first = await store.saveArticle(makeCaptured({ title: 'Take 1', text: 'Take 1 text' }), makeAnalysis(), { now: 1 });
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'contents') this.transaction.abort();
      return put.apply(this, args);
    });
    await store.saveArticle(makeCaptured({ title: 'Take 2', text: 'Take 2 text' }), makeAnalysis(), { now: 2 }).catch(() => undefined);
    vi.restoreAllMocks();
    expect(await store.getArticle(first.article.id)).toEqual(first.article);
    expect((await store.getContent(first.article.id))?.text).toBe('Take 1 text');
    await expectConsistent();
    store.close();
  });
});

describe('quota', () => {
  it('a quota error says so clearly, the library still opens, and earlier articles are intact', async () => {
    const store = await openArticleStore();
    for (let i = 1; i <= 3; i++) await store.saveArticle(makeCaptured({ url: `https://news.example/q${i}`, title: `Take ${i}`, text: `Take ${i} text` }), makeAnalysis(), { now: i });
    const before = await readRawStore('articles');
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'articles') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const error = await store.saveArticle(makeCaptured({ url: 'https://news.example/q4' }), makeAnalysis()).catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(/no storage space left/);
    store.close();
    const reopened = await openArticleStore();
    expect((await reopened.listArticles()).map((a) => a.title).sort()).toEqual(['Take 1', 'Take 2', 'Take 3']);
    expect(await readRawStore('articles')).toEqual(before);
    await expectConsistent();
    reopened.close();
  });
});

/** Writes a database exactly as schema version 1 did (raw API), then closes it. */
const createV1 = async (records: unknown[]): Promise<void> => (await createV1Database(records)).close();

describe('upgrade from every earlier schema version, with data', () => {
  it('v1 → current: 120 records of every shape v1 wrote, none lost, content split out, indexes filled', async () => {
    expect(DB_VERSION).toBe(2); // When v3 arrives, add a createV2 writer and a v2 → current case here.
    const records: unknown[] = [];
    for (let i = 0; i < 120; i++) {
      const base = { id: `r${i}`, url: `https://news.example/v1/${i}`, title: `Old ${i}`, savedAt: 1_600_000_000_000 + i };
      switch (i % 4) {
        case 0: // complete record
          records.push({ ...base, pageUrl: base.url, authors: ['A'], tags: ['t'], read: i % 8 === 0, state: 'saved', analysis: makeAnalysis([`Speaker ${i}`], ['topic']), content: { id: base.id, html: `<p>Old ${i}</p>`, text: `Old ${i}` } });
          break;
        case 1: // early record: nothing but content
          records.push({ ...base, content: { html: `<p>Old ${i}</p>`, text: `Old ${i}` } });
          break;
        case 2: // pending link, no content
          records.push({ ...base, state: 'pending' });
          break;
        default: // legacy/odd fields: wrong types, extra keys, huge text
          records.push({ ...base, tags: 'not-a-list', read: 'yes', legacyField: { x: 1 }, analysis: { speakers: [{ name: 7 }, { name: 'Ok Name', kind: 'alien' }] }, content: { html: 42, text: 'x'.repeat(100_000) } });
      }
    }
    await createV1(records);
    const store = await openArticleStore();
    const list = await store.listArticles();
    const contents = await readRawStore('contents');
    console.log(`[store-trust] upgrade v1 → v${DB_VERSION}: records before ${records.length}, after ${list.length}; contents ${contents.length}`);
    expect(list).toHaveLength(120);
    expect(contents).toHaveLength(120);
    expect(list.every((m) => !('content' in m))).toBe(true);
    expect(list.filter((m) => m.state === 'pending')).toHaveLength(30);
    expect((await store.getContent('r0'))?.html).toBe('<p>Old 0</p>');
    expect((await store.getContent('r3'))?.text).toHaveLength(100_000);
    expect((await store.listBySpeaker('speaker 8')).map((m) => m.id)).toEqual(['r8']);
    expect((await store.listBySpeaker('ok name')).map((m) => m.id).length).toBe(30);
    expect(list.find((m) => m.id === 'r3')).toMatchObject({ tags: [], read: false });
    store.close();
  });

  it('an empty v1 database upgrades too', async () => {
    await createV1([]);
    const store = await openArticleStore();
    expect(await store.listArticles()).toEqual([]);
    await store.saveArticle(makeCaptured(), makeAnalysis());
    expect(await store.listArticles()).toHaveLength(1);
    store.close();
  });
});
