import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DB_VERSION, openArticleStore, requestPersistentStorage } from '../../../lib/store';
import { makeAnalysis } from './article-fixtures';
import { createV1Database } from '../../helpers/raw-idb';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const v1Records = [
  {
    // A complete v1 record: content inline.
    id: 'a1',
    url: 'https://news.example/one',
    pageUrl: 'https://news.example/one',
    title: 'One',
    authors: ['A'],
    published: null,
    modified: null,
    siteName: 'News',
    source: '',
    lang: 'en',
    excerpt: '',
    imageUrl: '',
    wordCount: 10,
    readingMinutes: 1,
    contentHash: 'h1',
    savedAt: 100,
    updatedAt: null,
    tags: ['keep-me'],
    read: true,
    state: 'saved',
    analysis: makeAnalysis(['Yan Liang'], ['AI semiconductors']),
    content: { id: 'a1', html: '<p>One</p>', text: 'One' },
  },
  // An early record: no analysis, no keys, no tags; must survive with defaults.
  { id: 'a2', url: 'https://news.example/two', title: 'Two', savedAt: 300, content: { html: '<p>Two</p>', text: 'Two' } },
  // A pending link without content.
  { id: 'a3', url: 'https://news.example/three', title: 'Three', savedAt: 200, state: 'pending' },
];

describe('upgrade', () => {
  it('opens a v1 database with data and upgrades it to the current version, keeping every record', async () => {
    (await createV1Database(v1Records)).close();
    const store = await openArticleStore();
    const list = await store.listArticles();
    expect(list.map((a) => a.id)).toEqual(['a2', 'a3', 'a1']);
    for (const meta of list) expect(meta).not.toHaveProperty('content');
    expect(list.find((a) => a.id === 'a1')).toMatchObject({ tags: ['keep-me'], read: true, speakerKeys: ['yan liang'] });
    expect(list.find((a) => a.id === 'a2')).toMatchObject({ tags: [], read: false, state: 'saved', speakerKeys: [] });
    expect(list.find((a) => a.id === 'a3')).toMatchObject({ state: 'pending' });
    expect(await store.getContent('a1')).toEqual({ id: 'a1', html: '<p>One</p>', text: 'One' });
    expect(await store.getContent('a2')).toEqual({ id: 'a2', html: '<p>Two</p>', text: 'Two' });
    expect(await store.getContent('a3')).toEqual({ id: 'a3', html: '', text: '' });
    // The new indexes cover migrated records.
    expect((await store.listBySpeaker('yan liang')).map((a) => a.id)).toEqual(['a1']);
    expect((await store.listByTopic('AI semiconductors')).map((a) => a.id)).toEqual(['a1']);
    store.close();
  });

  it('creates a fresh database at the current version', async () => {
    const store = await openArticleStore();
    expect(await store.listArticles()).toEqual([]);
    store.close();
    const version = await new Promise<number>((resolve) => {
      const req = indexedDB.open('clipshelf');
      req.onsuccess = () => {
        resolve(req.result.version);
        req.result.close();
      };
    });
    expect(version).toBe(DB_VERSION);
  });
});

describe('connection', () => {
  it('waits while blocked by an older open connection, then upgrades once it closes', async () => {
    const old = await createV1Database(v1Records); // an old page that never handles versionchange
    const onBlocked = vi.fn();
    const opening = openArticleStore({ onBlocked });
    await vi.waitFor(() => expect(onBlocked).toHaveBeenCalled());
    old.close();
    const store = await opening;
    expect(await store.listArticles()).toHaveLength(3);
    store.close();
  });

  it('closes on versionchange so others are not blocked, and reopens on the next call', async () => {
    const store = await openArticleStore();
    await store.restoreArticle({ ...v1Records[0] });
    // Another context deletes the database (the same event fires for a newer version's upgrade).
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase('clipshelf');
      req.onblocked = () => reject(new Error('blocked: the store did not close its connection'));
      req.onsuccess = () => resolve();
    });
    expect(await store.listArticles()).toEqual([]); // a fresh connection on a fresh database
    await store.restoreArticle({ ...v1Records[0] });
    expect(await store.listArticles()).toHaveLength(1);
    store.close();
  });
});

describe('requestPersistentStorage', () => {
  it('asks once per context', async () => {
    const storage = { persisted: vi.fn(async () => false), persist: vi.fn(async () => true) };
    const asStorage = storage as unknown as StorageManager;
    // Node has no navigator.storage, so the openArticleStore calls above did not use up the one request.
    expect(await requestPersistentStorage(asStorage)).toBe(true);
    expect(await requestPersistentStorage(asStorage)).toBe(false);
    expect(storage.persisted).toHaveBeenCalledTimes(1);
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });
});
