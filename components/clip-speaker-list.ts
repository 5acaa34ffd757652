import { LitElement, html, nothing } from 'lit';
import { css } from './css';
import type { FeedSpeaker, FeedStatement } from '../lib/feed';
import { baseStyles } from './clip-base-styles';
import { emitClipEvent } from './clip-events';
import { defineElement } from './define-element';

/** Builds the href for one statement (e.g. an anchor in the extension's reader), or null for plain text. */
export type StatementHrefBuilder = (speakerIndex: number, statementIndex: number) => string | null;

/**
 * Who said what: each speaker's name, role and statements. Direct quotes are shown in a `<q>`
 * (with quotation marks); reported speech is plain text without quotation marks.
 *
 * API (properties / attributes):
 * - `.speakers: FeedSpeaker[]` — from lib/feed (`toFeedItem(meta)._clipshelf.speakers`).
 * - `max-statements` (number attribute, default 3; 0 = names and roles only, -1 = all) — statements shown per
 *   speaker before a "Show n more" button.
 * - `.statementHref: (speakerIndex, statementIndex) => string | null` — when set, statements become links
 *   (a `javascript:`/`data:` result is ignored).
 * - `max-speakers` (number attribute, default 0 = all) — speakers shown before a "Show all n speakers" button.
 * - `selectable` (boolean attribute) — names are buttons that fire `clip-speaker-select`.
 * - `selected` (string attribute) — the active speaker name (`aria-pressed="true"` on its button).
 * - `label` (string attribute, default "Speakers") — accessible name of the list.
 *
 * @tagname clip-speaker-list
 * @summary A list of speakers with roles and what each said.
 * @fires clip-speaker-select - A speaker name was activated; `detail: { speaker }`. Bubbles and is composed.
 * @csspart list - The `<ul>` of speakers.
 * @csspart speaker - Each speaker `<li>`.
 * @csspart name - The speaker's name.
 * @csspart role - The speaker's role.
 * @csspart statement - Each statement.
 * @csspart more - The "Show n more" button.
 * @cssproperty --clip-fg - Text colour.
 * @cssproperty --clip-muted - Role and secondary text colour.
 * @cssproperty --clip-link - Link and name-button colour.
 * @cssproperty --clip-quote-bar - Colour of the bar beside statements.
 */
export class ClipSpeakerList extends LitElement {
  // String attributes need no `type` (String is Lit's default).
  static override properties = {
    speakers: { attribute: false },
    maxStatements: { type: Number, attribute: 'max-statements' },
    maxSpeakers: { type: Number, attribute: 'max-speakers' },
    statementHref: { attribute: false },
    selectable: { type: Boolean },
    selected: {},
    label: {},
    expanded: { state: true },
    allSpeakers: { state: true },
  };

  declare speakers: FeedSpeaker[];
  declare maxStatements: number;
  declare maxSpeakers: number;
  declare statementHref: StatementHrefBuilder | null;
  declare selectable: boolean;
  declare selected: string;
  declare label: string;
  declare protected expanded: ReadonlySet<number>;
  declare protected allSpeakers: boolean;

  constructor() {
    super();
    this.speakers = [];
    this.maxStatements = 3;
    this.maxSpeakers = 0;
    this.statementHref = null;
    this.selectable = false;
    this.selected = '';
    this.label = 'Speakers';
    this.expanded = new Set();
    this.allSpeakers = false;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        font-size: 0.9375rem;
      }
      .speaker + .speaker {
        margin-top: 0.45rem;
      }
      .who {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0 0.4rem;
      }
      .name {
        font-weight: 600;
      }
      button.name:not(:hover, [aria-pressed='true']) {
        text-decoration: none;
      }
      .role {
        font-size: 0.875rem;
      }
      .statement a {
        color: inherit;
        text-decoration-color: var(--clip-link, #0b57d0);
      }
      .more {
        margin-top: 0.15rem;
        font-size: 0.875rem;
      }
    `,
  ];

  override render() {
    const speakers = Array.isArray(this.speakers) ? this.speakers : [];
    if (speakers.length === 0) return nothing;
    const shown = this.maxSpeakers > 0 && !this.allSpeakers ? speakers.slice(0, this.maxSpeakers) : speakers;
    return html`<ul class="plain" part="list" aria-label=${this.label}>
        ${shown.map((speaker, i) => this.renderSpeaker_(speaker, i))}
      </ul>
      ${shown.length < speakers.length
        ? html`<button type="button" class="more link-button" part="more" @click=${() => (this.allSpeakers = true)}>
            Show all ${speakers.length} speakers
          </button>`
        : nothing}`;
  }

  private renderSpeaker_(speaker: FeedSpeaker, index: number) {
    const max = this.maxStatements < 0 || this.expanded.has(index) ? Infinity : this.maxStatements;
    const statements = speaker.statements.slice(0, max);
    const hidden = speaker.statements.length - statements.length;
    return html`<li class="speaker" part="speaker">
      <div class="who">
        ${this.selectable
          ? html`<button
              type="button"
              class="name link-button"
              part="name"
              aria-pressed=${speaker.name === this.selected ? 'true' : 'false'}
              @click=${() => emitClipEvent(this, 'clip-speaker-select', { speaker: speaker.name })}
            >
              ${speaker.name}
            </button>`
          : html`<span class="name" part="name">${speaker.name}</span>`}
        ${speaker.role ? html`<span class="role muted" part="role">${speaker.role}</span>` : nothing}
      </div>
      ${statements.length
        ? html`<ul class="quotes" aria-label=${`What ${speaker.name} said`}>
            ${statements.map(
              (st, j) => html`<li class="statement" part="statement">${renderStatement(st, this.statementHref?.(index, j) ?? null)}</li>`,
            )}
          </ul>`
        : nothing}
      ${hidden > 0 && this.maxStatements !== 0
        ? html`<button type="button" class="more link-button" part="more" @click=${() => this.expand_(index)}>
            Show ${hidden} more<span class="visually-hidden">&#32;${hidden === 1 ? 'statement' : 'statements'} by ${speaker.name}</span>
          </button>`
        : nothing}
    </li>`;
  }

  private expand_(index: number) {
    this.expanded = new Set([...this.expanded, index]);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('speakers')) {
      this.expanded = new Set();
      this.allSpeakers = false;
    }
  }
}

/**
 * One statement: a direct quote in `<q>` (quotation marks), reported speech as plain text;
 * a link when `href` is given (javascript:/data: refused). Shared with <clip-shelf>'s views.
 */
export function renderStatement(statement: FeedStatement, href: string | null) {
  const body = statement.kind === 'direct' ? html`<q>${statement.text}</q>` : html`<span>${statement.text}</span>`;
  const safe = toSafeHref(href);
  return safe ? html`<a href=${safe}>${body}</a>` : body;
}

function toSafeHref(href: string | null): string | null {
  if (typeof href !== 'string' || href === '') return null;
  return /^\s*(javascript|data|vbscript):/i.test(href) ? null : href;
}

defineElement('clip-speaker-list', ClipSpeakerList);

declare global {
  interface HTMLElementTagNameMap {
    'clip-speaker-list': ClipSpeakerList;
  }
}
