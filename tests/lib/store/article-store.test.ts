import 'fake-indexeddb/auto';
import { IDBObjectStore } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DB_VERSION, StoreError, type ArticleStore } from '../../../lib/store';
import { makeAnalysis, makeCaptured } from './article-fixtures';
import { useFreshStore } from '../../helpers/use-fresh-store';
import { readRawStore } from '../../helpers/raw-idb';

let store: ArticleStore;
useFreshStore((s) => (store = s));

/** Counts records in a store with the raw API, independent of the code under test. */
const countRaw = async (storeName: 'articles' | 'contents'): Promise<number> => (await readRawStore(storeName)).length;

describe('saveArticle', () => {
  it('saves a new article: list-sized meta and separate content', async () => {
    const result = await store.saveArticle(makeCaptured(), makeAnalysis(), { now: 1000 });
    expect(result.status).toBe('saved');
    expect(result.article).toMatchObject({ savedAt: 1000, updatedAt: null, speakerKeys: ['yan liang'] });
    expect(result.article).not.toHaveProperty('content');
    const stored = await store.getArticle(result.article.id);
    expect(stored).toEqual(result.article);
    expect(stored).not.toHaveProperty('content');
    const content = await store.getContent(result.article.id);
    expect(content?.text).toContain('Yan Liang said');
    expect(content?.html).toContain('<p>');
  });

  it('dedupes by normalized URL: a second save updates in place and keeps savedAt, tags and read state', async () => {
    const first = await store.saveArticle(makeCaptured(), makeAnalysis(), { now: 1000 });
    // The user marked it read and tagged it (restore is the only write path for a whole record).
    await store.deleteArticle(first.article.id);
    await store.restoreArticle({
      ...first.article,
      read: true,
      tags: ['summit'],
      content: { id: first.article.id, html: '<p>old</p>', text: 'old' },
    });
    const second = await store.saveArticle(
      makeCaptured({ title: 'Updated title', text: 'New text.', pageUrl: 'https://news.example/story-1#top' }),
      makeAnalysis(['Osamu Onodera']),
      { now: 5000 },
    );
    expect(second.status).toBe('updated');
    expect(second.article).toMatchObject({
      id: first.article.id,
      savedAt: 1000,
      updatedAt: 5000,
      read: true,
      tags: ['summit'],
      title: 'Updated title',
      speakerKeys: ['osamu onodera'],
    });
    expect(await store.listArticles()).toHaveLength(1);
    expect((await store.getContent(first.article.id))?.text).toBe('New text.');
    expect(await store.listBySpeaker('Yan Liang')).toEqual([]);
    expect(await countRaw('contents')).toBe(1);
  });

  it('a quota error gives a clear message and leaves no partial record', async () => {
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'contents') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const error = await store.saveArticle(makeCaptured(), makeAnalysis()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'quota' });
    expect((error as Error).message).toMatch(/no storage space left/);
    vi.restoreAllMocks();
    expect(await store.listArticles()).toEqual([]);
    expect(await countRaw('articles')).toBe(0);
    expect(await countRaw('contents')).toBe(0);
  });

  it('a quota error during an update keeps the previous version intact', async () => {
    const first = await store.saveArticle(makeCaptured(), makeAnalysis(), { now: 1000 });
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'contents') throw new DOMException('Quota', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await expect(store.saveArticle(makeCaptured({ title: 'New' }), makeAnalysis(), { now: 2000 })).rejects.toThrow(
      StoreError,
    );
    vi.restoreAllMocks();
    expect(await store.getArticle(first.article.id)).toEqual(first.article);
  });
});

describe('listing and search', () => {
  beforeEach(async () => {
    await store.saveArticle(
      makeCaptured({ url: 'https://a.example/1', title: 'Chips summit', siteName: 'Tech Daily' }),
      makeAnalysis(['Yan Liang', 'Haeng-A Seo'], ['AI semiconductors', 'supply chains']),
      { now: 1 },
    );
    await store.saveArticle(
      makeCaptured({ url: 'https://b.example/2', title: 'Ocean report', siteName: 'Le Monde' }),
      makeAnalysis(['Séverine Dupré'], ['ocean warming']),
      { now: 3 },
    );
    await store.saveArticle(
      makeCaptured({ url: 'https://c.example/3', title: 'Battery news', siteName: 'Tech Daily' }),
      makeAnalysis(['Yan Liang'], ['batteries', 'AI semiconductors']),
      { now: 2 },
    );
  });

  const titles = (list: { title: string }[]) => list.map((a) => a.title);

  it('lists newest first', async () => {
    expect(titles(await store.listArticles())).toEqual(['Ocean report', 'Battery news', 'Chips summit']);
  });

  it('searches title, site, speaker and topic; all terms must match; accents and case ignored', async () => {
    expect(titles(await store.searchArticles('ocean'))).toEqual(['Ocean report']);
    expect(titles(await store.searchArticles('tech daily'))).toEqual(['Battery news', 'Chips summit']);
    expect(titles(await store.searchArticles('haeng-a'))).toEqual(['Chips summit']);
    expect(titles(await store.searchArticles('SEMICONDUCTORS'))).toEqual(['Battery news', 'Chips summit']);
    expect(titles(await store.searchArticles('severine'))).toEqual(['Ocean report']);
    expect(titles(await store.searchArticles('yan batteries'))).toEqual(['Battery news']);
    expect(titles(await store.searchArticles('c.example'))).toEqual(['Battery news']);
    expect(await store.searchArticles('nothing-like-this')).toEqual([]);
    expect(await store.searchArticles('  ')).toHaveLength(3);
  });

  it('lists by speaker and by topic through the multiEntry indexes, any case', async () => {
    expect(titles(await store.listBySpeaker('YAN LIANG'))).toEqual(['Battery news', 'Chips summit']);
    expect(titles(await store.listByTopic('ai semiconductors'))).toEqual(['Battery news', 'Chips summit']);
    expect(titles(await store.queryArticles({ speaker: 'yan liang', topic: 'batteries' }))).toEqual(['Battery news']);
    expect(titles(await store.queryArticles({ topic: 'ai semiconductors', text: 'chips' }))).toEqual([
      'Chips summit',
    ]);
  });

  it('counts speakers and topics for the library filters', async () => {
    const facets = await store.listFacets();
    expect(facets.speakers[0]).toEqual({ key: 'yan liang', label: 'Yan Liang', count: 2 });
    expect(facets.speakers.map((f) => f.key)).toEqual(['yan liang', 'haeng-a seo', 'séverine dupré']);
    expect(facets.topics[0]).toEqual({ key: 'ai semiconductors', label: 'AI semiconductors', count: 2 });
  });

  it('the schema has the expected indexes', async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open('clipshelf');
      req.onsuccess = () => resolve(req.result);
    });
    expect(db.version).toBe(DB_VERSION);
    const articles = db.transaction('articles').objectStore('articles');
    expect([...articles.indexNames].sort()).toEqual(['savedAt', 'speakerKeys', 'topicKeys', 'url']);
    expect(articles.index('url').unique).toBe(true);
    expect(articles.index('speakerKeys').multiEntry).toBe(true);
    expect(articles.index('topicKeys').multiEntry).toBe(true);
    db.close();
  });
});

describe('delete and undo', () => {
  it('deletes meta and content, and restores both', async () => {
    const { article } = await store.saveArticle(makeCaptured(), makeAnalysis(), { now: 7 });
    const removed = await store.deleteArticle(article.id);
    expect(removed?.content.text).toContain('Yan Liang');
    expect(await store.getArticle(article.id)).toBeUndefined();
    expect(await store.getContent(article.id)).toBeUndefined();
    expect(await store.deleteArticle(article.id)).toBeUndefined();

    const restored = await store.restoreArticle(removed);
    expect(restored).toEqual(article);
    expect(await store.getArticle(article.id)).toEqual(article);
    expect((await store.getContent(article.id))?.text).toContain('Yan Liang');
  });

  it('refuses an invalid record and a restore that would duplicate a URL', async () => {
    await expect(store.restoreArticle({ title: 'no id' })).rejects.toThrow(/not valid/);
    const { article } = await store.saveArticle(makeCaptured(), makeAnalysis());
    const removed = await store.deleteArticle(article.id);
    await store.saveArticle(makeCaptured(), makeAnalysis()); // saved again meanwhile (same URL, same id)
    await expect(store.restoreArticle({ ...removed, id: 'other' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await store.listArticles()).toHaveLength(1);
  });
});
