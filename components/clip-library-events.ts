/*
 * Events of the extension's page components (<clip-popup>, <clip-library>, <clip-library-reader>).
 * They are requests to the page that owns the data (the entrypoint talks to the store); the components
 * never touch storage themselves.
 */

/** Detail of `clip-search`: the popup's search text changed. */
export interface ClipSearchDetail {
  query: string;
}

/** Detail of `clip-filter-change`: the library's filters changed (empty string = no filter). */
export interface ClipFilterChangeDetail {
  query: string;
  speaker: string;
  topic: string;
}

/** Detail of `clip-article-delete`, `clip-article-restore` and `clip-article-read`. */
export interface ClipArticleRefDetail {
  id: string;
  title: string;
}

/** An article the page just deleted, offered for undo. */
export interface ClipDeletedArticle {
  id: string;
  title: string;
}

/** One speaker or topic of the library with the number of articles it appears in. */
export interface ClipFacet {
  /** The value to filter by (an index key). */
  key: string;
  label: string;
  count: number;
}

export interface ClipPageEventMap {
  'clip-search': CustomEvent<ClipSearchDetail>;
  'clip-filter-change': CustomEvent<ClipFilterChangeDetail>;
  'clip-article-delete': CustomEvent<ClipArticleRefDetail>;
  'clip-article-restore': CustomEvent<ClipArticleRefDetail>;
  'clip-article-read': CustomEvent<ClipArticleRefDetail>;
  'clip-save-anyway': CustomEvent<Record<string, never>>;
  'clip-reader-close': CustomEvent<Record<string, never>>;
}

declare global {
  interface GlobalEventHandlersEventMap extends ClipPageEventMap {}
}

/** Dispatches a page event (bubbles out of shadow roots). */
export function emitPageEvent<K extends keyof ClipPageEventMap>(
  target: EventTarget,
  type: K,
  detail: ClipPageEventMap[K]['detail'],
): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
