import { toFeedItem, type FeedItem } from '../feed';
import type { ArticleMeta, ArticleRecord } from '../model';
import { onLibraryChange, type ArticleStore } from '../store';
import type { SaveOutcome } from './protocol';

/** The current page's state as the popup shows it (the shape <clip-popup>'s `status` takes). */
export type PopupStatus =
  | { kind: 'saving' }
  | { kind: 'saved' | 'updated'; title: string; article: FeedItem | null }
  | { kind: 'not-article'; title: string; message: string }
  | { kind: 'unsupported'; reason: string }
  | { kind: 'failed'; reason: string };

interface RefDetail {
  id: string;
  title: string;
}

/** The view the controller drives: <clip-popup> satisfies it. */
export interface PopupView extends EventTarget {
  status: PopupStatus;
  articles: FeedItem[];
  total: number;
  query: string;
  loading: boolean;
  deleted: RefDetail | null;
  error: string;
}

export interface PopupDeps {
  view: PopupView;
  /** Opens the library; the popup reads it directly so it paints without waiting for the background. */
  openStore(): Promise<ArticleStore>;
  /** Asks the background to save the popup's tab (the toolbar click granted activeTab). */
  saveCurrentTab(force: boolean): Promise<SaveOutcome>;
  /** Opens a URL in a new tab (an article's original page, or the reader). */
  openTab(url: string): void;
  /** The reader's URL for one article. */
  readerUrl(id: string): string;
}

function detailOf(event: Event): RefDetail | null {
  if (!(event instanceof CustomEvent)) return null;
  const detail: unknown = event.detail;
  if (typeof detail !== 'object' || detail === null) return null;
  const id: unknown = Reflect.get(detail, 'id');
  const title: unknown = Reflect.get(detail, 'title');
  return typeof id === 'string' ? { id, title: typeof title === 'string' ? title : '' } : null;
}

/** A library row: the top three named speakers are enough to recognise an article. */
function toListItem(meta: ArticleMeta): FeedItem {
  const item = toFeedItem(meta, { maxStatementsPerSpeaker: 0 });
  const speakers = item._clipshelf.speakers.filter((s) => s.kind !== 'unnamed').slice(0, 3);
  return { ...item, _clipshelf: { ...item._clipshelf, speakers } };
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The popup's behaviour: paint the library at once, save the current page through the background, search,
 * delete with undo. Returns a promise that settles when the first save has been shown, and a stop function.
 */
export function startPopup(deps: PopupDeps): { ready: Promise<void>; stop(): void } {
  const { view } = deps;
  const store = deps.openStore();
  let listSeq = 0;
  let lastDeleted: ArticleRecord | null = null;

  async function refreshList(): Promise<void> {
    const seq = ++listSeq;
    try {
      const s = await store;
      const [results, all] = await Promise.all([s.searchArticles(view.query), view.query ? s.listArticles() : null]);
      if (seq !== listSeq) return; // A newer search answered first.
      view.articles = results.map(toListItem);
      view.total = all ? all.length : results.length;
      view.error = '';
    } catch (error) {
      if (seq === listSeq) view.error = `Could not read the library: ${errorText(error)}`;
    } finally {
      if (seq === listSeq) view.loading = false;
    }
  }

  async function showOutcome(outcome: SaveOutcome): Promise<void> {
    switch (outcome.status) {
      case 'saved':
      case 'updated': {
        view.status = { kind: outcome.status, title: outcome.title, article: null };
        const meta = await (await store).getArticle(outcome.id).catch(() => undefined);
        // One statement per speaker: the popup is a summary; the reader has them all.
        const article = meta ? toFeedItem(meta, { maxStatementWords: 30, maxStatementsPerSpeaker: 1 }) : null;
        view.status = { kind: outcome.status, title: outcome.title, article };
        await refreshList();
        return;
      }
      case 'not-article':
        view.status = { kind: 'not-article', title: outcome.title, message: outcome.message };
        return;
      case 'unsupported':
      case 'failed':
        view.status = { kind: outcome.status, reason: outcome.reason };
        return;
    }
  }

  async function save(force: boolean): Promise<void> {
    view.status = { kind: 'saving' };
    let outcome: SaveOutcome;
    try {
      outcome = await deps.saveCurrentTab(force);
    } catch (error) {
      outcome = { status: 'failed', reason: errorText(error) };
    }
    await showOutcome(outcome);
  }

  const listeners: [string, (event: Event) => void][] = [
    ['clip-search', () => void refreshList()],
    ['clip-save-anyway', () => void save(true)],
    [
      'clip-article-delete',
      (event) => {
        const ref = detailOf(event);
        if (!ref) return;
        void (async () => {
          try {
            const removed = await (await store).deleteArticle(ref.id);
            if (removed) {
              lastDeleted = removed;
              view.deleted = { id: removed.id, title: removed.title };
            }
          } catch (error) {
            view.error = errorText(error);
          }
          await refreshList();
        })();
      },
    ],
    [
      'clip-article-restore',
      (event) => {
        const ref = detailOf(event);
        const record = lastDeleted;
        if (!ref || !record || record.id !== ref.id) return;
        void (async () => {
          try {
            await (await store).restoreArticle(record);
            lastDeleted = null;
            view.deleted = null;
          } catch (error) {
            view.error = errorText(error);
          }
          await refreshList();
        })();
      },
    ],
    [
      'clip-article-read',
      (event) => {
        const ref = detailOf(event);
        if (ref) deps.openTab(deps.readerUrl(ref.id));
      },
    ],
    [
      'clip-article-open',
      (event) => {
        // A link inside the popup would navigate the popup itself: open the original in a tab instead.
        if (!(event instanceof CustomEvent)) return;
        const url: unknown = Reflect.get(Object(event.detail), 'url');
        if (typeof url !== 'string') return;
        event.preventDefault();
        deps.openTab(url);
      },
    ],
  ];
  for (const [type, listener] of listeners) view.addEventListener(type, listener);
  const unsubscribe = onLibraryChange(() => void refreshList());

  void refreshList();
  const ready = save(false);
  return {
    ready,
    stop() {
      for (const [type, listener] of listeners) view.removeEventListener(type, listener);
      unsubscribe();
      void store.then((s) => s.close()).catch(() => undefined);
    },
  };
}
