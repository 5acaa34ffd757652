import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createPendingRecord, toArticleMeta, type ArticleStore } from '../../../lib/store';
import { useFreshStore } from '../../helpers/use-fresh-store';

let store: ArticleStore;
useFreshStore((s) => (store = s));

describe('createPendingRecord', () => {
  it('builds a link to capture: no content, no analysis, the given fields kept', () => {
    const r = createPendingRecord({ id: 'p1', url: 'https://news.example/a', title: 'A link', savedAt: 5, tags: ['x'], read: true, siteName: 'news.example', authors: ['Ann'] });
    expect(r).toMatchObject({ id: 'p1', url: 'https://news.example/a', pageUrl: 'https://news.example/a', title: 'A link', authors: ['Ann'] });
    expect(r).toMatchObject({ siteName: 'news.example', savedAt: 5, updatedAt: null, tags: ['x'], read: true, state: 'pending' });
    expect(r.analysis).toEqual({ speakers: [], topics: [], summary: '', lang: '' });
    expect([r.speakerKeys, r.topicKeys, r.wordCount, r.contentHash]).toEqual([[], [], 0, '']);
    expect(r.content).toEqual({ id: 'p1', html: '', text: '' });
  });

  it('defaults: no authors, site or tags, unread', () => {
    const r = createPendingRecord({ id: 'p2', url: 'https://news.example/b', title: 'B', savedAt: 1 });
    expect([r.authors, r.siteName, r.tags, r.read]).toEqual([[], '', [], false]);
  });

  it('is a record the store validates and lists as pending', async () => {
    const r = createPendingRecord({ id: 'p3', url: 'https://news.example/c', title: 'C', savedAt: 1 });
    expect(toArticleMeta(r)).not.toBeNull();
    expect(await store.importArticles([r])).toEqual({ stored: 1, updated: 0 });
    expect((await store.listArticles()).map((a) => [a.id, a.state])).toEqual([['p3', 'pending']]);
  });
});
