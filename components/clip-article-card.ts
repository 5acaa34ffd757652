import { LitElement, html, nothing } from 'lit';
import { css } from './css';
import { toSafeHttpUrl, type FeedItem } from '../lib/feed';
import { baseStyles } from './clip-base-styles';
import { emitClipEvent } from './clip-events';
import { defineElement } from './define-element';
import { formatFeedDate, toDateAttribute } from './format-date';
import type { StatementHrefBuilder } from './clip-speaker-list';
import './clip-speaker-list';
import './clip-topic-chips';

/** How a card is laid out: `list` (full), `compact` (title, meta, speaker names) or `cards` (boxed tile). */
export type ClipLayout = 'list' | 'compact' | 'cards';

/**
 * One saved article: title (a link to the original when it has an http(s) URL), site, date,
 * reading time, summary, topic chips and who said what.
 *
 * API (properties / attributes):
 * - `.article: FeedItem` — from lib/feed; convert stored articles with `toFeedItem(meta)`.
 * - `layout` — `list` (default) | `compact` | `cards`.
 * - `heading-level` (number, default 3) — the title's heading level (2–6; 4–6 as `role="heading"` with `aria-level`).
 * - `max-statements` (number, default 2) — statements per speaker before "Show more" (-1 = all).
 * - `.statementHref` — passed to the speaker list (statements become links).
 * - `selectable` (boolean) — topic chips and speaker names become buttons firing select events.
 * - `selected-topic`, `selected-speaker` (strings) — mark the active filter (`aria-pressed`).
 * - `locale` (string) — for the date; default: the document's language.
 * - slot `actions` — extra controls (e.g. the popup's Delete button) shown in the card footer.
 *
 * Clicking the title fires `clip-article-open`; call `event.preventDefault()` to stop the link's
 * navigation (e.g. to open the extension's reader instead). An article without a URL shows its
 * title as a button that only fires the event.
 *
 * @tagname clip-article-card
 * @summary One saved article with its summary, topics and speakers.
 * @fires clip-article-open - The title was activated; `detail: { article, url }`. Cancelable, bubbles, composed.
 * @fires clip-topic-select - From the topic chips (when selectable).
 * @fires clip-speaker-select - From the speaker list (when selectable).
 * @slot actions - Controls shown at the end of the card.
 * @csspart article - The `<article>` box.
 * @csspart title - The title link or button.
 * @csspart meta - The site · date · reading-time line.
 * @csspart summary - The summary paragraph.
 * @csspart topics - The topic chips element (forwards its `chip` part as `chip`).
 * @csspart speakers - The speaker list element (forwards `name`, `role`, `statement`).
 * @cssproperty --clip-card-bg - Card background (cards layout).
 * @cssproperty --clip-border - Border and divider colour.
 * @cssproperty --clip-radius - Corner radius (cards layout).
 */
export class ClipArticleCard extends LitElement {
  // String attributes need no `type` (String is Lit's default).
  static override properties = {
    article: { attribute: false },
    layout: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    maxStatements: { type: Number, attribute: 'max-statements' },
    statementHref: { attribute: false },
    selectable: { type: Boolean },
    selectedTopic: { attribute: 'selected-topic' },
    selectedSpeaker: { attribute: 'selected-speaker' },
    locale: {},
  };

  declare article: FeedItem | null;
  declare layout: ClipLayout;
  declare headingLevel: number;
  declare maxStatements: number;
  declare statementHref: StatementHrefBuilder | null;
  declare selectable: boolean;
  declare selectedTopic: string;
  declare selectedSpeaker: string;
  declare locale: string;

  constructor() {
    super();
    this.article = null;
    this.layout = 'list';
    this.headingLevel = 3;
    this.maxStatements = 2;
    this.statementHref = null;
    this.selectable = false;
    this.selectedTopic = '';
    this.selectedSpeaker = '';
    this.locale = '';
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      article {
        display: grid;
        gap: 0.35rem;
        overflow-wrap: anywhere;
      }
      :host([layout='cards']) article {
        height: 100%;
        padding: 0.85rem 1rem;
        border: 1px solid var(--clip-border, #d5d9e3);
        border-radius: var(--clip-radius, 10px);
        background: var(--clip-card-bg, transparent);
      }
      .title {
        margin: 0;
        font-size: 1.0625rem;
        line-height: 1.3;
        font-weight: 650;
      }
      .title a {
        color: var(--clip-title, var(--clip-fg, #1b1b1f));
        text-decoration: none;
      }
      .title a:hover {
        text-decoration: underline;
      }
      .title button {
        color: inherit;
        text-decoration: none;
      }
      .meta {
        font-size: 0.8125rem;
        display: flex;
        flex-wrap: wrap;
        gap: 0 0.35rem;
      }
      .meta > * + *::before {
        content: '·';
        margin-inline-end: 0.35rem;
      }
      .summary {
        margin: 0;
      }
      :host([layout='cards']) .summary {
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: 5;
        overflow: hidden;
      }
      .names {
        margin: 0;
        font-size: 0.875rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
      }
    `,
  ];

  override render() {
    const a = this.article;
    if (!a?._clipshelf) return nothing;
    const data = a._clipshelf;
    const url = toSafeHttpUrl(a.url);
    const locale = this.locale || document.documentElement.lang || undefined;
    // The publication date; without one, when it was saved (labelled so, never passed off as published).
    const published = formatFeedDate(a.date_published, locale);
    const date = published || formatFeedDate(data.saved_at, locale);
    const dateAttr = toDateAttribute(published ? a.date_published : data.saved_at);
    const compact = this.layout === 'compact';
    const title = a.title || url || 'Untitled article';
    const named = data.speakers.filter((s) => s.kind !== 'unnamed');
    return html`<article part="article" lang=${a.language || nothing}>
      ${this.renderHeading_(
        url
          ? html`<a href=${url} part="title" @click=${(e: Event) => this.open_(e, url)}>${title}</a>`
          : html`<button type="button" class="link-button" part="title" @click=${(e: Event) => this.open_(e, null)}>${title}</button>`,
      )}
      <div class="meta muted" part="meta">
        ${data.site ? html`<span>${data.site}</span>` : nothing}
        ${date ? html`<span>${published ? '' : 'Saved '}<time datetime=${dateAttr || nothing}>${date}</time></span>` : nothing}
        ${data.reading_minutes > 0 ? html`<span>${data.reading_minutes} min read</span>` : nothing}
      </div>
      ${!compact && a.summary ? html`<p class="summary" part="summary">${a.summary}</p>` : nothing}
      ${data.topics.length
        ? html`<clip-topic-chips
            part="topics"
            exportparts="chip"
            .topics=${data.topics.map((t) => t.label)}
            ?selectable=${this.selectable}
            selected=${this.selectedTopic}
            max=${compact ? 4 : this.layout === 'cards' ? 5 : 8}
            label=${`Topics of ${title}`}
          ></clip-topic-chips>`
        : nothing}
      ${compact
        ? named.length
          ? html`<p class="names muted">Speakers: ${named.map((s) => s.name).join(', ')}</p>`
          : nothing
        : data.speakers.length
          ? html`<clip-speaker-list
              part="speakers"
              exportparts="name, role, statement"
              .speakers=${data.speakers}
              .statementHref=${this.statementHref}
              max-statements=${this.maxStatements}
              max-speakers=${this.layout === 'cards' ? 3 : 0}
              ?selectable=${this.selectable}
              selected=${this.selectedSpeaker}
              label=${`Who said what in ${title}`}
            ></clip-speaker-list>`
          : nothing}
      <div class="actions"><slot name="actions"></slot></div>
    </article>`;
  }

  private renderHeading_(content: unknown) {
    const level = Math.min(6, Math.max(2, Math.round(this.headingLevel) || 3));
    // A Lit template cannot pick its tag: the levels our pages use are real elements, deeper ones an ARIA heading.
    if (level === 2) return html`<h2 class="title">${content}</h2>`;
    if (level === 3) return html`<h3 class="title">${content}</h3>`;
    return html`<div class="title" role="heading" aria-level=${level}>${content}</div>`;
  }

  private open_(event: Event, url: string | null) {
    // A listener that called preventDefault() handles the opening itself.
    if (this.article && !emitClipEvent(this, 'clip-article-open', { article: this.article, url })) event.preventDefault();
  }
}

defineElement('clip-article-card', ClipArticleCard);

declare global {
  interface HTMLElementTagNameMap {
    'clip-article-card': ClipArticleCard;
  }
}
