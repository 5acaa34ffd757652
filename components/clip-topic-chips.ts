import { LitElement, html, nothing } from 'lit';
import { css } from './css';
import { baseStyles } from './clip-base-styles';
import { emitClipEvent } from './clip-events';
import { defineElement } from './define-element';

/**
 * A list of topic phrases shown as chips.
 *
 * API (properties / attributes):
 * - `.topics: string[]` — topic phrases, best first.
 * - `selected` (string attribute) — the active topic; its chip gets `aria-pressed="true"`.
 * - `selectable` (boolean attribute) — chips are buttons that fire `clip-topic-select`; otherwise plain text.
 * - `max` (number attribute, default 0 = all) — show at most this many chips.
 * - `label` (string attribute, default "Topics") — accessible name of the list.
 *
 * @tagname clip-topic-chips
 * @summary Topic phrases as chips; optionally buttons that select a topic.
 * @fires clip-topic-select - A chip was activated; `detail: { topic }`. Bubbles and is composed.
 * @csspart list - The `<ul>` of chips.
 * @csspart chip - Each chip (a `<button>` when selectable, else a `<span>`).
 * @cssproperty --clip-chip-bg - Chip background.
 * @cssproperty --clip-chip-fg - Chip text colour.
 * @cssproperty --clip-accent - Background of the selected chip.
 * @cssproperty --clip-on-accent - Text colour of the selected chip.
 */
export class ClipTopicChips extends LitElement {
  // String attributes need no `type` (String is Lit's default).
  static override properties = {
    topics: { attribute: false },
    selected: {},
    selectable: { type: Boolean },
    max: { type: Number },
    label: {},
  };

  declare topics: string[];
  declare selected: string;
  declare selectable: boolean;
  declare max: number;
  declare label: string;

  constructor() {
    super();
    this.topics = [];
    this.selected = '';
    this.selectable = false;
    this.max = 0;
    this.label = 'Topics';
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
      }
      .chip {
        display: inline-block;
        padding: 0.1rem 0.55rem;
        border-radius: 999px;
        border: 1px solid transparent;
        background: var(--clip-chip-bg, #e8eefb);
        color: var(--clip-chip-fg, #173a7a);
        font-size: 0.8125rem;
        line-height: 1.5;
      }
      button.chip {
        cursor: pointer;
      }
      button.chip:hover {
        border-color: var(--clip-chip-fg, #173a7a);
      }
      button.chip[aria-pressed='true'] {
        background: var(--clip-accent, #0b57d0);
        color: var(--clip-on-accent, #fff);
      }
    `,
  ];

  override render() {
    const list = Array.isArray(this.topics) ? this.topics : [];
    const shown = this.max > 0 ? list.slice(0, this.max) : list;
    if (shown.length === 0) return nothing;
    return html`<ul class="plain" part="list" aria-label=${this.label}>
      ${shown.map(
        (topic) =>
          html`<li>
            ${this.selectable
              ? html`<button
                  type="button"
                  class="chip"
                  part="chip"
                  aria-pressed=${topic === this.selected ? 'true' : 'false'}
                  @click=${() => emitClipEvent(this, 'clip-topic-select', { topic })}
                >
                  ${topic}
                </button>`
              : html`<span class="chip" part="chip">${topic}</span>`}
          </li>`,
      )}
    </ul>`;
  }
}

defineElement('clip-topic-chips', ClipTopicChips);

declare global {
  interface HTMLElementTagNameMap {
    'clip-topic-chips': ClipTopicChips;
  }
}
