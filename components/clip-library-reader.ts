import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { FEED_LIMITS, toFeedItem, toSafeHttpUrl } from '../lib/feed';
import type { ArticleContent, ArticleMeta } from '../lib/model';
import { baseStyles } from './clip-base-styles';
import { emitPageEvent } from './clip-library-events';
import { markStatements, type StatementMark } from './clip-library-html';
import { defineElement } from './define-element';
import { formatFeedDate, toDateAttribute } from './format-date';
import './clip-speaker-list';
import './clip-topic-chips';

/** The id of statement `j` of speaker `i`: the anchor its <mark> gets in the text. */
export const statementId = (speakerIndex: number, statementIndex: number): string =>
  `clip-statement-${speakerIndex}-${statementIndex}`;

/**
 * The reader view of one saved article: its sanitized HTML, metadata, a speaker panel whose statements link to
 * their place in the text (each is found in the rendered article and wrapped in a <mark>), and its topics.
 *
 * @summary One article in reading view with who said what.
 * @fires clip-reader-close - "Back to library".
 * @fires clip-article-delete - Delete this article; `detail: { id, title }`.
 */
export class ClipLibraryReader extends LitElement {
  static override properties = {
    article: { attribute: false },
    content: { attribute: false },
    marked: { state: true },
  };

  declare article: ArticleMeta | null;
  /** The article's content; `html` must already be sanitized for rendering (the page controller does it). */
  declare content: ArticleContent | null;
  /** Ids of the statements found in the text (only those become links). */
  declare marked: ReadonlySet<string>;
  private markedFor: ArticleContent | null = null;

  constructor() {
    super();
    this.article = null;
    this.content = null;
    this.marked = new Set();
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        justify-content: space-between;
        margin-bottom: 0.75rem;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(16rem, 22rem);
        gap: 2rem;
        align-items: start;
      }
      @media (max-width: 860px) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      h1 {
        margin: 0.2rem 0 0.4rem;
        font-size: 1.75rem;
        line-height: 1.2;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0 0.4rem;
        margin: 0;
      }
      .meta > * + *::before {
        content: '·';
        margin-inline-end: 0.4rem;
      }
      .body {
        font-family: var(--clip-reader-font, Georgia, 'Times New Roman', serif);
        font-size: 1.0625rem;
        line-height: 1.65;
        max-width: 44rem;
        overflow-wrap: anywhere;
      }
      .body img,
      .body video,
      .body table {
        max-width: 100%;
        height: auto;
      }
      .body pre {
        overflow: auto;
      }
      mark.clip-statement {
        background: #fff1b8;
        color: inherit;
        border-radius: 2px;
      }
      mark.clip-statement.flash {
        background: #ffd33d;
        outline: 2px solid #bf8700;
      }
      aside {
        position: sticky;
        top: 1rem;
        max-height: calc(100vh - 2rem);
        overflow: auto;
        padding: 0.9rem 1rem;
        border: 1px solid var(--clip-border, #d5d9e3);
        border-radius: 10px;
        background: #f6f8fb;
        font-size: 0.9375rem;
      }
      aside h2 {
        margin: 0 0 0.4rem;
        font-size: 1rem;
      }
      aside h2:not(:first-child) {
        margin-top: 1rem;
      }
      .summary {
        margin: 0;
      }
      .actions {
        display: flex;
        gap: 0.5rem;
      }
      .actions button {
        padding: 0.3rem 0.8rem;
        border-radius: 6px;
        border: 1px solid var(--clip-border, #b9bfcc);
        background: #fff;
        cursor: pointer;
      }
      .actions .danger {
        color: #a40e26;
      }
    `,
  ];

  override render() {
    const a = this.article;
    if (!a) return nothing;
    const feed = toFeedItem(a, { maxStatementWords: 400, maxStatementsPerSpeaker: FEED_LIMITS.maxStatements });
    const speakers = feed._clipshelf.speakers;
    const url = toSafeHttpUrl(a.url);
    const date = formatFeedDate(a.published ?? undefined);
    return html`<article aria-labelledby="reader-title" lang=${a.lang || nothing}>
      <div class="top">
        <button type="button" class="link-button" @click=${() => emitPageEvent(this, 'clip-reader-close', {})}>
          ← Back to library
        </button>
        <div class="actions">
          ${url ? html`<a href=${url} target="_blank" rel="noopener noreferrer">Original page</a>` : nothing}
          <button type="button" class="danger" @click=${() => emitPageEvent(this, 'clip-article-delete', { id: a.id, title: a.title })}>
            Delete
          </button>
        </div>
      </div>
      <div class="layout">
        <div>
          <header>
            <p class="meta muted">
              ${a.siteName ? html`<span>${a.siteName}</span>` : nothing}
              ${date ? html`<time datetime=${toDateAttribute(a.published ?? undefined) || nothing}>${date}</time>` : nothing}
              <span>${a.readingMinutes} min read</span>
            </p>
            <h1 id="reader-title">${a.title || 'Untitled article'}</h1>
            ${a.authors.length ? html`<p class="meta muted">By ${a.authors.join(', ')}</p>` : nothing}
            ${a.source && a.source !== a.siteName ? html`<p class="meta muted">Source: ${a.source}</p>` : nothing}
          </header>
          <div class="body" @click=${this.onBodyClick}>${
            // Sanitized by the page controller (lib/messaging prepareReaderHtml → lib/capture sanitizeArticle).
            this.content ? unsafeHTML(this.content.html) : html`<p class="muted">Loading…</p>`
          }</div>
        </div>
        <aside aria-label="Who said what and topics" @click=${this.onPanelClick}>
          <h2>Who said what</h2>
          ${speakers.length
            ? html`<clip-speaker-list
                .speakers=${speakers}
                .statementHref=${(i: number, j: number) => (this.marked.has(statementId(i, j)) ? `#${statementId(i, j)}` : null)}
                max-statements="-1"
                label="Speakers in this article"
              ></clip-speaker-list>`
            : html`<p class="muted summary">No speakers found in this article.</p>`}
          ${feed._clipshelf.topics.length
            ? html`<h2>Topics</h2>
                <clip-topic-chips .topics=${feed._clipshelf.topics.map((t) => t.label)} label="Topics of this article"></clip-topic-chips>`
            : nothing}
          ${a.analysis.summary ? html`<h2>Summary</h2><p class="summary">${a.analysis.summary}</p>` : nothing}
        </aside>
      </div>
    </article>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if ((changed.has('content') || changed.has('article')) && this.content && this.article && this.markedFor !== this.content) {
      this.markedFor = this.content;
      const body = this.renderRoot.querySelector('.body');
      if (!body) return;
      const marks: StatementMark[] = this.article.analysis.speakers.flatMap((speaker, i) =>
        speaker.statements.map((st, j) => ({ id: statementId(i, j), text: st.text, start: st.start })),
      );
      this.marked = markStatements(body, marks, this.content.text.length);
    }
  }

  /** Statement links point at marks inside this shadow root, which fragment navigation cannot reach. */
  private onPanelClick(event: Event) {
    const link = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    const id = link?.getAttribute('href')?.match(/^#(clip-statement-\d+-\d+)$/)?.[1];
    if (!id) return;
    event.preventDefault();
    this.showStatement(id);
  }

  private onBodyClick(event: Event) {
    const link = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (link?.getAttribute('href')?.startsWith('#')) event.preventDefault(); // In-article anchors lead nowhere here.
  }

  /** Scrolls to a statement's mark, focuses it and flashes every part of it. */
  showStatement(id: string): boolean {
    const mark = this.renderRoot.querySelector<HTMLElement>(`mark[id="${id}"]`);
    if (!mark) return false;
    const parts = this.renderRoot.querySelectorAll<HTMLElement>(`mark[data-statement="${id}"]`);
    for (const part of parts) part.classList.add('flash');
    setTimeout(() => parts.forEach((p) => p.classList.remove('flash')), 1600);
    mark.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    mark.focus({ preventScroll: true });
    return true;
  }
}

defineElement('clip-library-reader', ClipLibraryReader);

declare global {
  interface HTMLElementTagNameMap {
    'clip-library-reader': ClipLibraryReader;
  }
}
