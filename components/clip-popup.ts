import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import type { FeedItem } from '../lib/feed';
import { baseStyles } from './clip-base-styles';
import { emitPageEvent, type ClipDeletedArticle } from './clip-library-events';
import { defineElement } from './define-element';
import './clip-article-card';
import './clip-speaker-list';
import './clip-topic-chips';

/** The state of the page the popup was opened on. */
export type PopupPageStatus =
  | { kind: 'saving' }
  /** `article` is the stored article as a feed item (null until it has been read back). */
  | { kind: 'saved' | 'updated'; title: string; article: FeedItem | null }
  | { kind: 'not-article'; title: string; message: string }
  | { kind: 'unsupported'; reason: string }
  | { kind: 'failed'; reason: string };

const STATUS_LABELS: Record<PopupPageStatus['kind'], string> = {
  saving: 'Saving…',
  saved: 'Saved',
  updated: 'Updated',
  'not-article': 'Not an article',
  unsupported: "Can't save this page",
  failed: 'Not saved',
};

const STATUS_ICONS: Record<PopupPageStatus['kind'], string> = {
  saving: '…',
  saved: '✓',
  updated: '↻',
  'not-article': '?',
  unsupported: '⊘',
  failed: '!',
};

/**
 * The toolbar popup: the current page's save result (with who said what and its topics) on top, the
 * library below (newest first, searchable), each item with Read and Delete (undo offered by the page).
 * Presentational: the page owns the data and answers the events.
 *
 * @summary ClipShelf's toolbar popup.
 * @fires clip-search - The search text changed; `detail: { query }`.
 * @fires clip-save-anyway - "Save anyway" on a page that does not look like an article.
 * @fires clip-article-read - Read an article in the library page; `detail: { id, title }`.
 * @fires clip-article-delete - Delete an article; `detail: { id, title }`.
 * @fires clip-article-restore - Undo the last delete; `detail: { id, title }`.
 * @fires clip-article-open - From a card's title (the original page).
 */
export class ClipPopup extends LitElement {
  static override properties = {
    status: { attribute: false },
    articles: { attribute: false },
    total: { type: Number },
    query: { type: String },
    loading: { type: Boolean },
    deleted: { attribute: false },
    libraryHref: { type: String, attribute: 'library-href' },
    error: { type: String },
  };

  /** The current page's state. */
  declare status: PopupPageStatus;
  /** The library items to list (already filtered by `query`), newest first. */
  declare articles: FeedItem[];
  /** How many articles the whole library holds. */
  declare total: number;
  declare query: string;
  /** True until the library has been read the first time. */
  declare loading: boolean;
  /** The article just deleted (offers Undo), or null. */
  declare deleted: ClipDeletedArticle | null;
  declare libraryHref: string;
  /** A library-level error to show (e.g. a failed delete). */
  declare error: string;

  constructor() {
    super();
    this.status = { kind: 'saving' };
    this.articles = [];
    this.total = 0;
    this.query = '';
    this.loading = true;
    this.deleted = null;
    this.libraryHref = 'library.html';
    this.error = '';
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        width: 400px;
        max-width: 100%;
        font-size: 0.875rem;
        background: var(--clip-bg, #fff);
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        padding: 0.5rem 0.75rem;
        border-bottom: 1px solid var(--clip-border, #d5d9e3);
      }
      .brand {
        margin: 0;
        font-size: 0.9375rem;
        font-weight: 700;
        letter-spacing: 0.01em;
      }
      .current {
        /* The library must stay in view below a long "who said what". */
        max-height: 320px;
        overflow-y: auto;
        overflow-x: hidden;
        grid-template-columns: minmax(0, 1fr);
        padding: 0.65rem 0.75rem 0.75rem;
        display: grid;
        gap: 0.4rem;
        border-bottom: 1px solid var(--clip-border, #d5d9e3);
        background: var(--clip-current-bg, #f6f8fb);
      }
      .state {
        display: flex;
        align-items: center;
        gap: 0.4rem;
        margin: 0;
        font-weight: 650;
        font-size: 0.9375rem;
      }
      .icon {
        display: inline-grid;
        place-items: center;
        width: 1.35rem;
        height: 1.35rem;
        border-radius: 50%;
        color: #fff;
        font-size: 0.8rem;
        background: var(--state-color);
        flex: none;
      }
      .state[data-kind='saving'] {
        --state-color: #6e7781;
      }
      .state[data-kind='saved'] {
        --state-color: #1a7f37;
      }
      .state[data-kind='updated'] {
        --state-color: #0969da;
      }
      .state[data-kind='not-article'] {
        --state-color: #9a6700;
      }
      .state[data-kind='unsupported'],
      .state[data-kind='failed'] {
        --state-color: #cf222e;
      }
      .page-title {
        margin: 0;
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .reason {
        margin: 0;
      }
      /* Compact who-said-what: role on one line, each statement at most two lines (the reader has it all). */
      .current clip-speaker-list::part(role) {
        display: block;
        max-width: 100%;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .current clip-speaker-list::part(statement) {
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: 2;
        overflow: hidden;
      }
      .subhead {
        margin: 0.2rem 0 0;
        font-size: 0.75rem;
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
      .primary {
        justify-self: start;
        padding: 0.3rem 0.8rem;
        border-radius: 6px;
        border: 1px solid #0b57d0;
        background: #0b57d0;
        color: #fff;
        cursor: pointer;
        font-weight: 600;
      }
      .library {
        padding: 0.6rem 0.75rem 0.75rem;
      }
      .library-head {
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        gap: 0.5rem;
      }
      h2 {
        margin: 0;
        font-size: 0.9375rem;
      }
      input[type='search'] {
        width: 100%;
        margin: 0.45rem 0 0.35rem;
        padding: 0.4rem 0.55rem;
        font: inherit;
        border: 1px solid var(--clip-border, #b9bfcc);
        border-radius: 6px;
      }
      .items > li {
        padding: 0.55rem 0;
        border-bottom: 1px solid var(--clip-border, #e3e6ee);
      }
      .items > li:last-child {
        border-bottom: 0;
      }
      .item-actions {
        display: flex;
        gap: 0.5rem;
      }
      .small {
        padding: 0.15rem 0.55rem;
        border-radius: 5px;
        border: 1px solid var(--clip-border, #b9bfcc);
        background: #fff;
        cursor: pointer;
        font-size: 0.8125rem;
      }
      .small.danger {
        color: #a40e26;
      }
      .empty {
        margin: 0.5rem 0;
      }
      .toast {
        position: sticky;
        bottom: 0;
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
        margin: 0;
        padding: 0.5rem 0.75rem;
        background: #24292f;
        color: #fff;
      }
      .toast button {
        background: none;
        border: 1px solid #fff;
        color: #fff;
        border-radius: 5px;
        padding: 0.1rem 0.6rem;
        cursor: pointer;
        font-weight: 600;
      }
      .error {
        color: #a40e26;
        margin: 0.35rem 0;
      }
    `,
  ];

  override render() {
    return html`
      <header>
        <h1 class="brand">ClipShelf</h1>
        <a href=${this.libraryHref} target="_blank" rel="noopener">Open library</a>
      </header>
      ${this.renderCurrent()} ${this.renderLibrary()}
      <div role="status" aria-live="polite">
        ${this.deleted
          ? html`<p class="toast">
              <span>Deleted “${this.deleted.title || 'Untitled'}”.</span>
              <button type="button" @click=${this.onUndo}>Undo</button>
            </p>`
          : nothing}
      </div>
    `;
  }

  private renderCurrent(): TemplateResult {
    const s = this.status;
    const body = ((): unknown => {
      switch (s.kind) {
        case 'saving':
          return nothing;
        case 'saved':
        case 'updated':
          return this.renderSaved(s.title, s.article);
        case 'not-article':
          return html`${s.title ? html`<p class="page-title">${s.title}</p>` : nothing}
            <p class="reason">${s.message}</p>
            <button type="button" class="primary" @click=${() => emitPageEvent(this, 'clip-save-anyway', {})}>
              Save anyway
            </button>`;
        case 'unsupported':
        case 'failed':
          return html`<p class="reason">${s.reason}</p>`;
      }
    })();
    // Focusable: it scrolls when the page has many speakers, and keyboard users must be able to scroll it.
    return html`<section class="current" tabindex="0" aria-labelledby="current-state" aria-busy=${s.kind === 'saving' ? 'true' : 'false'}>
      <p class="state" id="current-state" data-kind=${s.kind} role="status">
        <span class="icon" aria-hidden="true">${STATUS_ICONS[s.kind]}</span><span class="label">${STATUS_LABELS[s.kind]}</span>
      </p>
      ${body}
    </section>`;
  }

  private renderSaved(title: string, article: FeedItem | null) {
    const data = article?._clipshelf;
    const speakers = data?.speakers.filter((sp) => sp.kind !== 'unnamed') ?? [];
    return html`<p class="page-title">${article?.title || title}</p>
      ${data?.topics.length
        ? html`<clip-topic-chips .topics=${data.topics.map((t) => t.label)} max="6" label="Topics of this page"></clip-topic-chips>`
        : nothing}
      ${speakers.length
        ? html`<h2 class="subhead muted">Who said what · ${speakers.length} ${speakers.length === 1 ? 'speaker' : 'speakers'}</h2>
            <clip-speaker-list .speakers=${speakers} max-statements="1" label="Speakers on this page"></clip-speaker-list>`
        : data
          ? html`<p class="reason muted">No speakers found in this article.</p>`
          : nothing}`;
  }

  private renderLibrary() {
    const count = this.total;
    return html`<section class="library" aria-labelledby="library-heading">
      <div class="library-head">
        <h2 id="library-heading">Your library</h2>
        <span class="muted">${count} ${count === 1 ? 'article' : 'articles'}</span>
      </div>
      <input
        type="search"
        aria-label="Search saved articles"
        placeholder="Search title, site, speaker, topic"
        .value=${this.query}
        @input=${this.onSearch}
      />
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.loading
        ? html`<p class="empty muted">Loading…</p>`
        : this.articles.length === 0
          ? html`<p class="empty muted">
              ${this.query ? `No saved article matches “${this.query}”.` : 'Nothing saved yet.'}
            </p>`
          : html`<ul class="plain items" aria-label="Saved articles">
              ${this.articles.map((a) => this.renderItem(a))}
            </ul>`}
    </section>`;
  }

  private renderItem(article: FeedItem) {
    const ref = { id: article.id, title: article.title };
    const name = article.title || 'Untitled';
    return html`<li data-id=${article.id}>
      <clip-article-card .article=${article} layout="compact" heading-level="3">
        <div slot="actions" class="item-actions">
          <button type="button" class="small" aria-label=${`Read “${name}” in ClipShelf`} @click=${() => emitPageEvent(this, 'clip-article-read', ref)}>
            Read
          </button>
          <button type="button" class="small danger" aria-label=${`Delete “${name}”`} @click=${() => emitPageEvent(this, 'clip-article-delete', ref)}>
            Delete
          </button>
        </div>
      </clip-article-card>
    </li>`;
  }

  private onSearch(event: Event) {
    const input = event.target;
    if (!(input instanceof HTMLInputElement)) return;
    this.query = input.value;
    emitPageEvent(this, 'clip-search', { query: input.value });
  }

  private onUndo() {
    if (this.deleted) emitPageEvent(this, 'clip-article-restore', { ...this.deleted });
  }
}

defineElement('clip-popup', ClipPopup);

declare global {
  interface HTMLElementTagNameMap {
    'clip-popup': ClipPopup;
  }
}
