import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  formatLibraryLocation,
  parseLibraryLocation,
  startLibrary,
  type LibraryLocation,
  type LibraryView,
} from '../../../lib/messaging';
import { openArticleStore, type ArticleStore } from '../../../lib/store';
import { makeAnalysis, makeCaptured } from '../store/article-fixtures';

class FakeLibraryView extends EventTarget implements LibraryView {
  articles: LibraryView['articles'] = [];
  total = 0;
  speakers: LibraryView['speakers'] = [];
  topics: LibraryView['topics'] = [];
  query = '';
  speaker = '';
  topic = '';
  loading = true;
  deleted: LibraryView['deleted'] = null;
  error = '';
  reader: LibraryView['reader'] = null;
  emit(type: string, detail: unknown, cancelable = false): CustomEvent {
    const event = new CustomEvent(type, { detail, cancelable });
    this.dispatchEvent(event);
    return event;
  }
}

let store: ArticleStore;
const stops: (() => void)[] = [];
const ids: Record<string, string> = {};

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  store = await openArticleStore();
  const rows: [string, string[], string[]][] = [
    ['Chips summit', ['Yan Liang', 'Haeng-A Seo'], ['AI semiconductors']],
    ['Battery news', ['Yan Liang'], ['batteries']],
    ['Ocean report', ['Séverine Dupré'], ['ocean warming']],
  ];
  for (const [i, [title, speakers, topics]] of rows.entries()) {
    const { article } = await store.saveArticle(makeCaptured({ title, url: `https://news.example/${i}` }), makeAnalysis(speakers, topics), { now: i + 1 });
    ids[title] = article.id;
  }
});
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  store.close();
});

function start(initial: Partial<LibraryLocation> = {}) {
  const view = new FakeLibraryView();
  let current: LibraryLocation = { query: '', speaker: '', topic: '', article: '', ...initial };
  const writes: [LibraryLocation, boolean][] = [];
  const library = startLibrary({
    view,
    openStore: () => openArticleStore(),
    readLocation: () => current,
    writeLocation: (location, push) => {
      current = location;
      writes.push([location, push]);
    },
  });
  stops.push(library.stop);
  return { view, library, writes, setLocation: (l: LibraryLocation) => (current = l) };
}

const titles = (view: LibraryView) => view.articles.map((a) => a.title);

describe('startLibrary', () => {
  it('lists the whole library newest first with speaker and topic facets', async () => {
    const { view, library } = start();
    await library.ready;
    expect(titles(view)).toEqual(['Ocean report', 'Battery news', 'Chips summit']);
    expect(view.total).toBe(3);
    expect(view.speakers[0]).toEqual({ key: 'yan liang', label: 'Yan Liang', count: 2 });
    expect(view.topics.map((t) => t.key)).toContain('ocean warming');
    expect(view.loading).toBe(false);
  });

  it('filters by speaker, topic and text, mirroring the filters in the address', async () => {
    const { view, library, writes } = start();
    await library.ready;
    view.emit('clip-filter-change', { query: '', speaker: 'yan liang', topic: '' });
    await vi.waitFor(() => expect(titles(view)).toEqual(['Battery news', 'Chips summit']));
    view.emit('clip-filter-change', { query: '', speaker: 'yan liang', topic: 'ai semiconductors' });
    await vi.waitFor(() => expect(titles(view)).toEqual(['Chips summit']));
    view.emit('clip-filter-change', { query: 'ocean', speaker: '', topic: '' });
    await vi.waitFor(() => expect(titles(view)).toEqual(['Ocean report']));
    expect(view.total).toBe(3);
    expect(writes.at(-1)).toEqual([{ query: 'ocean', speaker: '', topic: '', article: '' }, false]);
  });

  it('starts from the address: filters and an open article', async () => {
    const { view, library } = start({ topic: 'batteries', article: ids['Chips summit'] });
    await library.ready;
    expect(titles(view)).toEqual(['Battery news']);
    expect(view.reader?.article.title).toBe('Chips summit');
    expect(view.reader?.content?.text).toContain('Yan Liang said');
  });

  it('opens the reader from a card title or Read, and goes back', async () => {
    const { view, library, writes } = start();
    await library.ready;
    const open = view.emit('clip-article-open', { article: { id: ids['Ocean report'] }, url: 'https://news.example/2' }, true);
    expect(open.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(view.reader?.content?.id).toBe(ids['Ocean report']));
    expect(writes.at(-1)).toEqual([{ query: '', speaker: '', topic: '', article: ids['Ocean report'] }, true]);
    view.emit('clip-reader-close', {});
    expect(view.reader).toBeNull();
    view.emit('clip-article-read', { id: ids['Battery news'], title: 'Battery news' });
    await vi.waitFor(() => expect(view.reader?.article.title).toBe('Battery news'));
  });

  it('deletes (also from the reader) and undoes, updating facets', async () => {
    const { view, library } = start({ article: ids['Ocean report'] });
    await library.ready;
    view.emit('clip-article-delete', { id: ids['Ocean report'], title: 'Ocean report' });
    await vi.waitFor(() => expect(titles(view)).toEqual(['Battery news', 'Chips summit']));
    expect(view.reader).toBeNull();
    expect(view.deleted).toEqual({ id: ids['Ocean report'], title: 'Ocean report' });
    expect(view.speakers.map((s) => s.key)).not.toContain('séverine dupré');
    view.emit('clip-article-restore', { id: ids['Ocean report'], title: 'Ocean report' });
    await vi.waitFor(() => expect(view.total).toBe(3));
    expect(view.deleted).toBeNull();
    expect((await store.getContent(ids['Ocean report']!))?.text).toContain('Yan Liang said');
  });

  it('says so when the article in the address no longer exists', async () => {
    const { view, library } = start({ article: 'gone' });
    await library.ready;
    expect(view.reader).toBeNull();
    expect(view.error).toMatch(/no longer in the library/);
  });
});

describe('library location', () => {
  it('round-trips through the URL search string', () => {
    const location = { query: 'a b&c', speaker: 'yan liang', topic: '', article: 'a1' };
    expect(parseLibraryLocation(formatLibraryLocation(location))).toEqual(location);
    expect(formatLibraryLocation({ query: '', speaker: '', topic: '', article: '' })).toBe('');
  });
});
