import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../lib/model';
import { createArticleRecord, StoreError, type ArticleStore } from '../../../lib/store';
import { makeAnalysis, makeCaptured } from './article-fixtures';
import { useFreshStore } from '../../helpers/use-fresh-store';

let store: ArticleStore;
useFreshStore((s) => (store = s));

const record = (url: string, title = 'T'): ArticleRecord => createArticleRecord(makeCaptured({ url, title }), makeAnalysis(), { now: 1 });

describe('store.importArticles', () => {
  it('stores new records with content and replaces metadata of updates, in one go', async () => {
    const { article } = await store.saveArticle(makeCaptured({ url: 'https://a.example/old' }), makeAnalysis());
    const result = await store.importArticles([record('https://a.example/1'), record('https://a.example/2')], [{ ...article, tags: ['x'], read: true }]);
    expect(result).toEqual({ stored: 2, updated: 1 });
    expect((await store.listArticles()).length).toBe(3);
    expect(await store.getArticle(article.id)).toMatchObject({ tags: ['x'], read: true });
    expect((await store.getContent(article.id))!.text).toBe(makeCaptured().text); // an update leaves content alone
    expect((await store.getContent(record('https://a.example/1').id))!.html).toContain('<p>');
  });

  it('an invalid item rejects the whole import before anything is written', async () => {
    await expect(store.importArticles([record('https://a.example/1'), { id: 'x', title: 3 }])).rejects.toThrow(/item 2 is not a valid article/);
    expect(await store.listArticles()).toEqual([]);
  });

  it('a write that fails inside the transaction (duplicate address) rolls everything back', async () => {
    await store.saveArticle(makeCaptured({ url: 'https://a.example/taken' }), makeAnalysis());
    const clash = { ...record('https://a.example/taken'), id: 'other-id', content: { id: 'other-id', html: '', text: '' } };
    const error = await store.importArticles([record('https://a.example/new'), clash]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toMatch(/nothing was imported/);
    expect((await store.listArticles()).map((a) => a.url)).toEqual(['https://a.example/taken']);
  });

  it('an empty import is a no-op', async () => {
    expect(await store.importArticles([])).toEqual({ stored: 0, updated: 0 });
  });
});
