import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPopup, type PopupView, type SaveOutcome } from '../../../lib/messaging';
import { openArticleStore, type ArticleStore } from '../../../lib/store';
import { makeAnalysis, makeCaptured } from '../store/article-fixtures';

class FakePopupView extends EventTarget implements PopupView {
  status: PopupView['status'] = { kind: 'saving' };
  articles: PopupView['articles'] = [];
  total = 0;
  query = '';
  loading = true;
  deleted: PopupView['deleted'] = null;
  error = '';
  emit(type: string, detail: unknown, cancelable = false): CustomEvent {
    const event = new CustomEvent(type, { detail, cancelable });
    this.dispatchEvent(event);
    return event;
  }
}

let seedStore: ArticleStore;
const stops: (() => void)[] = [];

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  seedStore = await openArticleStore();
  await seedStore.saveArticle(makeCaptured({ url: 'https://a.example/1', title: 'Older story' }), makeAnalysis(['Yan Liang']), { now: 1 });
  await seedStore.saveArticle(
    makeCaptured({ url: 'https://b.example/2', title: 'Newer story', siteName: 'Le Monde' }),
    makeAnalysis(['Osamu Onodera', 'Ni Yueju', 'Nam Eunyoung', 'Haeng-A Seo']),
    { now: 2 },
  );
});
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  seedStore.close();
});

function start(saveCurrentTab: (force: boolean) => Promise<SaveOutcome>) {
  const view = new FakePopupView();
  const openTab = vi.fn();
  const popup = startPopup({
    view,
    openStore: () => openArticleStore(),
    saveCurrentTab,
    openTab,
    readerUrl: (id) => `chrome-extension://x/library.html?article=${id}`,
  });
  stops.push(popup.stop);
  return { view, popup, openTab };
}

describe('startPopup', () => {
  it('paints the library from IndexedDB without waiting for the background', async () => {
    let answer: (outcome: SaveOutcome) => void = () => {};
    const { view } = start(() => new Promise((resolve) => (answer = resolve)));
    await vi.waitFor(() => expect(view.loading).toBe(false));
    expect(view.status).toEqual({ kind: 'saving' });
    expect(view.articles.map((a) => a.title)).toEqual(['Newer story', 'Older story']);
    expect(view.total).toBe(2);
    // Rows carry the top three named speakers only.
    expect(view.articles[0]!._clipshelf.speakers.map((s) => s.name)).toEqual(['Osamu Onodera', 'Ni Yueju', 'Nam Eunyoung']);
    answer({ status: 'failed', reason: 'x' });
  });

  it('shows a saved page with its speakers (one statement each) and topics', async () => {
    const { view, popup } = start(async () => {
      const { article } = await seedStore.saveArticle(makeCaptured({ url: 'https://c.example/3', title: 'Just saved' }), makeAnalysis(['Yan Liang']), { now: 3 });
      return { status: 'saved', id: article.id, title: article.title };
    });
    await popup.ready;
    expect(view.status).toMatchObject({ kind: 'saved', title: 'Just saved' });
    const article = view.status.kind === 'saved' ? view.status.article : null;
    expect(article?._clipshelf.speakers.map((s) => [s.name, s.statements.length])).toEqual([['Yan Liang', 1]]);
    expect(article?._clipshelf.topics.map((t) => t.label)).toEqual(['AI semiconductors']);
    await vi.waitFor(() => expect(view.articles[0]?.title).toBe('Just saved'));
  });

  it('offers "Save anyway" for a non-article and saves with force when asked', async () => {
    const save = vi.fn(async (force: boolean): Promise<SaveOutcome> =>
      force ? { status: 'saved', id: 'none', title: 'Links' } : { status: 'not-article', title: 'Links', message: 'Not an article.' },
    );
    const { view, popup } = start(save);
    await popup.ready;
    expect(view.status).toEqual({ kind: 'not-article', title: 'Links', message: 'Not an article.' });
    view.emit('clip-save-anyway', {});
    await vi.waitFor(() => expect(view.status).toMatchObject({ kind: 'saved' }));
    expect(save.mock.calls).toEqual([[false], [true]]);
  });

  it('shows why a page cannot be saved, and a broken background as a failure', async () => {
    const unsupported = start(async () => ({ status: 'unsupported', reason: "Browser and extension pages can't be saved." }));
    await unsupported.popup.ready;
    expect(unsupported.view.status).toEqual({ kind: 'unsupported', reason: "Browser and extension pages can't be saved." });
    const broken = start(async () => {
      throw new Error('Could not establish connection.');
    });
    await broken.popup.ready;
    expect(broken.view.status).toEqual({ kind: 'failed', reason: 'Could not establish connection.' });
  });

  it('searches, deletes with undo, and opens articles in tabs', async () => {
    const { view, popup, openTab } = start(async () => ({ status: 'failed', reason: 'x' }));
    await popup.ready;
    await vi.waitFor(() => expect(view.articles).toHaveLength(2));

    view.query = 'monde';
    view.emit('clip-search', { query: 'monde' });
    await vi.waitFor(() => expect(view.articles.map((a) => a.title)).toEqual(['Newer story']));
    expect(view.total).toBe(2);
    view.query = '';
    view.emit('clip-search', { query: '' });
    await vi.waitFor(() => expect(view.articles).toHaveLength(2));

    const older = view.articles[1]!;
    view.emit('clip-article-delete', { id: older.id, title: older.title });
    await vi.waitFor(() => expect(view.articles.map((a) => a.title)).toEqual(['Newer story']));
    expect(view.deleted).toEqual({ id: older.id, title: 'Older story' });
    expect(await seedStore.getArticle(older.id)).toBeUndefined();

    view.emit('clip-article-restore', { id: older.id, title: older.title });
    await vi.waitFor(() => expect(view.articles).toHaveLength(2));
    expect(view.deleted).toBeNull();
    expect((await seedStore.getContent(older.id))?.text).toContain('Yan Liang');

    view.emit('clip-article-read', { id: older.id, title: older.title });
    expect(openTab).toHaveBeenLastCalledWith(`chrome-extension://x/library.html?article=${older.id}`);
    const open = view.emit('clip-article-open', { article: older, url: 'https://a.example/1' }, true);
    expect(open.defaultPrevented).toBe(true);
    expect(openTab).toHaveBeenLastCalledWith('https://a.example/1');
  });
});
