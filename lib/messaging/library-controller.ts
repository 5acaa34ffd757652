import { toFeedItem, type FeedItem } from '../feed';
import type { ArticleContent, ArticleMeta, ArticleRecord } from '../model';
import { onLibraryChange, type ArticleStore, type LibraryFacet } from '../store';
import { prepareReaderHtml, type ReaderWindow } from './reader-html';

/** What the library page's address holds, so filters and the open article survive reloads and Back. */
export interface LibraryLocation {
  query: string;
  speaker: string;
  topic: string;
  /** The article open in the reader, or "". */
  article: string;
}

interface RefDetail {
  id: string;
  title: string;
}

/** The view the controller drives: <clip-library> satisfies it. */
export interface LibraryView extends EventTarget {
  articles: FeedItem[];
  total: number;
  speakers: LibraryFacet[];
  topics: LibraryFacet[];
  query: string;
  speaker: string;
  topic: string;
  loading: boolean;
  deleted: RefDetail | null;
  error: string;
  /** The open article; `content.html` is already sanitized for rendering (prepareReaderHtml). */
  reader: { article: ArticleMeta; content: ArticleContent | null } | null;
  /** Ids of shown articles that are imported links waiting to be captured (state 'pending'). */
  pending?: string[];
}

export interface LibraryDeps {
  view: LibraryView;
  openStore(): Promise<ArticleStore>;
  /** The state in the address bar now. */
  readLocation(): LibraryLocation;
  /** Writes the state to the address bar; `push` adds a history entry (opening the reader). */
  writeLocation(location: LibraryLocation, push: boolean): void;
  /**
   * The window the reader's HTML is sanitized in; defaults to the page's own. Without one (or where DOMPurify does
   * not work) the reader shows the article's plain text.
   */
  sanitizeWindow?: ReaderWindow | null;
}

/** Reads the library page's state from its URL search string. */
export function parseLibraryLocation(search: string): LibraryLocation {
  const params = new URLSearchParams(search);
  return {
    query: params.get('q') ?? '',
    speaker: params.get('speaker') ?? '',
    topic: params.get('topic') ?? '',
    article: params.get('article') ?? '',
  };
}

/** The URL search string for a library state ("" when everything is default). */
export function formatLibraryLocation(location: LibraryLocation): string {
  const params = new URLSearchParams();
  if (location.query) params.set('q', location.query);
  if (location.speaker) params.set('speaker', location.speaker);
  if (location.topic) params.set('topic', location.topic);
  if (location.article) params.set('article', location.article);
  const search = params.toString();
  return search ? `?${search}` : '';
}

function stringField(event: Event, name: string): string | null {
  if (!(event instanceof CustomEvent) || typeof event.detail !== 'object' || event.detail === null) return null;
  const value: unknown = Reflect.get(event.detail, name);
  return typeof value === 'string' ? value : null;
}

/** The page's own window, when there is one (extension pages; not Node tests). */
function pageWindow(): ReaderWindow | null {
  const global = globalThis as unknown as Partial<ReaderWindow> & { document?: unknown };
  return typeof global.document === 'object' && global.document !== null ? (global as ReaderWindow) : null;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The library page's behaviour: filtered list with facets, reader, delete with undo; state mirrored in the URL,
 * refreshed when another context (the background, the popup) changes the library.
 */
export function startLibrary(deps: LibraryDeps): {
  ready: Promise<void>;
  /** Re-applies the address bar's state (call on popstate). */
  applyLocation(): Promise<void>;
  stop(): void;
} {
  const { view } = deps;
  const sanitizeWindow = deps.sanitizeWindow !== undefined ? deps.sanitizeWindow : pageWindow();
  const store = deps.openStore();
  let seq = 0;
  let readerSeq = 0;
  let lastDeleted: ArticleRecord | null = null;

  const location = (): LibraryLocation => ({
    query: view.query,
    speaker: view.speaker,
    topic: view.topic,
    article: view.reader?.article.id ?? '',
  });

  async function refresh(): Promise<void> {
    const mine = ++seq;
    try {
      const s = await store;
      const [articles, all, facets] = await Promise.all([
        s.queryArticles({ text: view.query, speaker: view.speaker, topic: view.topic }),
        s.listArticles(),
        s.listFacets(),
      ]);
      if (mine !== seq) return;
      view.articles = articles.map((meta) => toFeedItem(meta, { maxStatementWords: 30 }));
      view.pending = articles.filter((meta) => meta.state === 'pending').map((meta) => meta.id);
      view.total = all.length;
      view.speakers = facets.speakers;
      view.topics = facets.topics;
      view.error = '';
    } catch (error) {
      if (mine === seq) view.error = `Could not read the library: ${errorText(error)}`;
    } finally {
      if (mine === seq) view.loading = false;
    }
  }

  async function openReader(id: string): Promise<void> {
    const mine = ++readerSeq;
    if (!id) {
      view.reader = null;
      return;
    }
    try {
      const s = await store;
      const article = await s.getArticle(id);
      if (mine !== readerSeq) return;
      if (!article) {
        view.reader = null;
        view.error = 'That article is no longer in the library.';
        return;
      }
      view.reader = { article, content: null };
      const stored = (await s.getContent(id)) ?? { id, html: '', text: '' };
      if (mine !== readerSeq) return;
      const content = { ...stored, html: prepareReaderHtml(stored, article.url, sanitizeWindow) };
      view.reader = { article, content };
    } catch (error) {
      view.error = `Could not open the article: ${errorText(error)}`;
    }
  }

  async function applyLocation(): Promise<void> {
    const loc = deps.readLocation();
    view.query = loc.query;
    view.speaker = loc.speaker;
    view.topic = loc.topic;
    await Promise.all([refresh(), openReader(loc.article)]);
  }

  async function remove(id: string): Promise<void> {
    try {
      const removed = await (await store).deleteArticle(id);
      if (removed) {
        lastDeleted = removed;
        view.deleted = { id: removed.id, title: removed.title };
      }
      if (view.reader?.article.id === id) {
        view.reader = null;
        deps.writeLocation(location(), false);
      }
    } catch (error) {
      view.error = errorText(error);
    }
    await refresh();
  }

  const read = (id: string): void => {
    void openReader(id).then(() => deps.writeLocation(location(), true));
  };

  const listeners: [string, (event: Event) => void][] = [
    [
      'clip-filter-change',
      (event) => {
        view.query = stringField(event, 'query') ?? view.query;
        view.speaker = stringField(event, 'speaker') ?? view.speaker;
        view.topic = stringField(event, 'topic') ?? view.topic;
        deps.writeLocation(location(), false);
        void refresh();
      },
    ],
    ['clip-article-read', (event) => read(stringField(event, 'id') ?? '')],
    [
      'clip-article-open',
      (event) => {
        // A card's title opens the reader; the reader links to the original page.
        if (!(event instanceof CustomEvent)) return;
        const article: unknown = Reflect.get(Object(event.detail), 'article');
        const id: unknown = article && Reflect.get(Object(article), 'id');
        if (typeof id !== 'string') return;
        event.preventDefault();
        read(id);
      },
    ],
    [
      'clip-reader-close',
      () => {
        view.reader = null;
        deps.writeLocation(location(), true);
      },
    ],
    ['clip-article-delete', (event) => void remove(stringField(event, 'id') ?? '')],
    [
      'clip-article-restore',
      (event) => {
        const record = lastDeleted;
        if (!record || record.id !== stringField(event, 'id')) return;
        void (async () => {
          try {
            await (await store).restoreArticle(record);
            lastDeleted = null;
            view.deleted = null;
          } catch (error) {
            view.error = errorText(error);
          }
          await refresh();
        })();
      },
    ],
  ];
  for (const [type, listener] of listeners) view.addEventListener(type, listener);
  const unsubscribe = onLibraryChange(() => void refresh());

  return {
    ready: applyLocation(),
    applyLocation,
    stop() {
      for (const [type, listener] of listeners) view.removeEventListener(type, listener);
      unsubscribe();
      void store.then((s) => s.close()).catch(() => undefined);
    },
  };
}
