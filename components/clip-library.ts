import { LitElement, css, html, nothing } from 'lit';
import type { FeedItem } from '../lib/feed';
import type { ArticleContent, ArticleMeta } from '../lib/model';
import { baseStyles } from './clip-base-styles';
import { emitPageEvent, type ClipDeletedArticle, type ClipFacet } from './clip-library-events';
import { defineElement } from './define-element';
import './clip-article-card';
import './clip-library-reader';

/** The article open in the reader. */
export interface LibraryReaderArticle {
  article: ArticleMeta;
  /** Null while it loads. */
  content: ArticleContent | null;
}

/**
 * The library page: every saved article with search and speaker/topic filters, or one article in the reader.
 * Presentational: the page owns the data and answers the events.
 *
 * @summary ClipShelf's library page.
 * @fires clip-filter-change - Search text, speaker or topic filter changed; `detail: { query, speaker, topic }`.
 * @fires clip-article-read - Open an article in the reader; `detail: { id, title }`.
 * @fires clip-article-delete - Delete an article; `detail: { id, title }`.
 * @fires clip-article-restore - Undo the last delete; `detail: { id, title }`.
 * @fires clip-reader-close - Back from the reader to the list.
 * @slot toolbar - Library-wide tools in the header (backup, import, export).
 * @slot notices - Messages shown above the list (e.g. an import report).
 */
export class ClipLibrary extends LitElement {
  static override properties = {
    articles: { attribute: false },
    total: { type: Number },
    speakers: { attribute: false },
    topics: { attribute: false },
    query: { type: String },
    speaker: { type: String },
    topic: { type: String },
    loading: { type: Boolean },
    deleted: { attribute: false },
    error: { type: String },
    reader: { attribute: false },
    pending: { attribute: false },
  };

  /** The articles matching the filters, newest first. */
  declare articles: FeedItem[];
  /** How many articles the whole library holds. */
  declare total: number;
  /** Speakers across the library (filter options), most frequent first. */
  declare speakers: ClipFacet[];
  declare topics: ClipFacet[];
  declare query: string;
  /** The speaker filter (a facet key), or "". */
  declare speaker: string;
  /** The topic filter (a facet key), or "". */
  declare topic: string;
  declare loading: boolean;
  declare deleted: ClipDeletedArticle | null;
  declare error: string;
  /** The article in the reader, or null for the list. */
  declare reader: LibraryReaderArticle | null;
  /** Ids of imported articles that are links only, waiting to be captured (shown as "To capture"). */
  declare pending: string[];

  constructor() {
    super();
    this.articles = [];
    this.total = 0;
    this.speakers = [];
    this.topics = [];
    this.query = '';
    this.speaker = '';
    this.topic = '';
    this.loading = true;
    this.deleted = null;
    this.error = '';
    this.reader = null;
    this.pending = [];
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 76rem;
        margin: 0 auto;
        padding: 1rem 1.25rem 3rem;
      }
      .masthead {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.75rem;
        padding-bottom: 0.75rem;
        margin-bottom: 1rem;
        border-bottom: 1px solid var(--clip-border, #d5d9e3);
      }
      h1 {
        margin: 0;
        font-size: 1.35rem;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem 1rem;
        align-items: end;
        margin-bottom: 0.75rem;
      }
      .filters label {
        display: grid;
        gap: 0.2rem;
        font-size: 0.8125rem;
        font-weight: 600;
      }
      input[type='search'],
      select {
        font: inherit;
        font-weight: 400;
        padding: 0.4rem 0.55rem;
        border: 1px solid var(--clip-border, #b9bfcc);
        border-radius: 6px;
        background: #fff;
      }
      input[type='search'] {
        width: min(26rem, 80vw);
      }
      select {
        max-width: 16rem;
      }
      .clear {
        padding: 0.4rem 0.7rem;
        border-radius: 6px;
        border: 1px solid var(--clip-border, #b9bfcc);
        background: #fff;
        cursor: pointer;
      }
      .count {
        margin: 0 0 0.5rem;
      }
      .items > li {
        padding: 0.9rem 0;
        border-top: 1px solid var(--clip-border, #e3e6ee);
      }
      .item-actions {
        display: flex;
        gap: 0.5rem;
      }
      .item-actions button {
        padding: 0.2rem 0.7rem;
        border-radius: 5px;
        border: 1px solid var(--clip-border, #b9bfcc);
        background: #fff;
        cursor: pointer;
      }
      .item-actions .to-capture {
        align-self: center;
        padding: 0.1rem 0.5rem;
        border-radius: 999px;
        font-size: 0.8125rem;
        background: #fff8e1;
        color: #6b4700;
        border: 1px solid #d4a72c;
      }
      .item-actions .danger {
        color: #a40e26;
      }
      .toast {
        position: fixed;
        left: 50%;
        bottom: 1rem;
        transform: translateX(-50%);
        display: flex;
        gap: 0.75rem;
        align-items: center;
        margin: 0;
        padding: 0.6rem 1rem;
        border-radius: 8px;
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
      }
    `,
  ];

  override render() {
    return html`
      <header class="masthead">
        <h1>ClipShelf library</h1>
        <div class="toolbar"><slot name="toolbar"></slot></div>
      </header>
      <slot name="notices"></slot>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.reader
        ? html`<clip-library-reader .article=${this.reader.article} .content=${this.reader.content}></clip-library-reader>`
        : this.renderList()}
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

  private renderList() {
    const filtered = this.query !== '' || this.speaker !== '' || this.topic !== '';
    return html`<section aria-label="Saved articles">
      <div class="filters" role="search">
        <label>
          Search
          <input
            type="search"
            placeholder="Title, site, speaker, topic"
            .value=${this.query}
            @input=${(e: Event) => this.change({ query: valueOf(e) })}
          />
        </label>
        ${this.renderFacetSelect('Speaker', 'All speakers', this.speakers, this.speaker, (speaker) => this.change({ speaker }))}
        ${this.renderFacetSelect('Topic', 'All topics', this.topics, this.topic, (topic) => this.change({ topic }))}
        ${filtered
          ? html`<button type="button" class="clear" @click=${() => this.change({ query: '', speaker: '', topic: '' })}>
              Clear filters
            </button>`
          : nothing}
      </div>
      <p class="count muted" role="status">
        ${this.loading
          ? 'Loading…'
          : filtered
            ? `${this.articles.length} of ${this.total} ${this.total === 1 ? 'article' : 'articles'}`
            : `${this.total} ${this.total === 1 ? 'article' : 'articles'}`}
      </p>
      ${!this.loading && this.articles.length === 0
        ? html`<p class="muted">
            ${filtered ? 'No saved article matches these filters.' : 'Nothing saved yet. Click the ClipShelf button on an article to save it.'}
          </p>`
        : html`<ul class="plain items" aria-label="Articles">
            ${this.articles.map((a) => this.renderItem(a))}
          </ul>`}
    </section>`;
  }

  private renderFacetSelect(label: string, all: string, facets: ClipFacet[], value: string, onChange: (key: string) => void) {
    const known = value === '' || facets.some((f) => f.key === value);
    return html`<label>
      ${label}
      <select @change=${(e: Event) => onChange(valueOf(e))}>
        <option value="" ?selected=${value === ''}>${all}</option>
        ${known ? nothing : html`<option value=${value} selected>${value}</option>`}
        ${facets.map((f) => html`<option value=${f.key} ?selected=${f.key === value}>${f.label} (${f.count})</option>`)}
      </select>
    </label>`;
  }

  private renderItem(article: FeedItem) {
    const ref = { id: article.id, title: article.title };
    const name = article.title || 'Untitled';
    return html`<li data-id=${article.id}>
      <clip-article-card
        .article=${article}
        layout="compact"
        heading-level="2"
        selectable
        selected-topic=${this.topicLabel()}
        selected-speaker=${this.speakerLabel()}
        @clip-topic-select=${(e: CustomEvent<{ topic: string }>) => this.toggle('topic', e.detail.topic)}
        @clip-speaker-select=${(e: CustomEvent<{ speaker: string }>) => this.toggle('speaker', e.detail.speaker)}
      >
        <div slot="actions" class="item-actions">
          ${this.pending.includes(article.id)
            ? html`<span class="to-capture" title="Imported as a link: its text is captured with “Capture pending”">To capture</span>`
            : nothing}
          <button type="button" aria-label=${`Read “${name}”`} @click=${() => emitPageEvent(this, 'clip-article-read', ref)}>Read</button>
          <button type="button" class="danger" aria-label=${`Delete “${name}”`} @click=${() => emitPageEvent(this, 'clip-article-delete', ref)}>
            Delete
          </button>
        </div>
      </clip-article-card>
    </li>`;
  }

  private topicLabel(): string {
    return this.topics.find((f) => f.key === this.topic)?.label ?? '';
  }

  private speakerLabel(): string {
    return this.speakers.find((f) => f.key === this.speaker)?.label ?? '';
  }

  /** A chip or name in a card toggles that filter. */
  private toggle(kind: 'topic' | 'speaker', label: string) {
    const key = label.toLowerCase();
    const current = kind === 'topic' ? this.topic : this.speaker;
    this.change({ [kind]: current === key ? '' : key });
  }

  private change(patch: Partial<Record<'query' | 'speaker' | 'topic', string>>) {
    const next = { query: this.query, speaker: this.speaker, topic: this.topic, ...patch };
    this.query = next.query;
    this.speaker = next.speaker;
    this.topic = next.topic;
    emitPageEvent(this, 'clip-filter-change', next);
  }

  private onUndo() {
    if (this.deleted) emitPageEvent(this, 'clip-article-restore', { ...this.deleted });
  }
}

function valueOf(event: Event): string {
  const target = event.target;
  return target instanceof HTMLInputElement || target instanceof HTMLSelectElement ? target.value : '';
}

defineElement('clip-library', ClipLibrary);

declare global {
  interface HTMLElementTagNameMap {
    'clip-library': ClipLibrary;
  }
}
