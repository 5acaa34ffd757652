import { LitElement, css, html, nothing } from 'lit';
import { baseStyles } from './clip-base-styles';
import { defineElement } from './define-element';

/** Detail of `clip-live-allow`: what the user typed as their page's address (the page normalizes and checks it). */
export interface ClipLiveAllowDetail {
  origin: string;
}

/** Detail of `clip-live-remove`: the origin to switch off. */
export interface ClipLiveRemoveDetail {
  origin: string;
}

export interface ClipLiveEventMap {
  'clip-live-allow': CustomEvent<ClipLiveAllowDetail>;
  'clip-live-remove': CustomEvent<ClipLiveRemoveDetail>;
}

declare global {
  interface GlobalEventHandlersEventMap extends ClipLiveEventMap {}
  interface HTMLElementTagNameMap {
    'clip-live-settings': ClipLiveSettings;
  }
}

/**
 * "Live on your page": lets the user allow one origin (their own start page) to show the live library through
 * <clip-shelf live>. Presentational: the events go to the page (lib/messaging's live settings controller), which
 * asks for the permission — synchronously, inside the click that fired the event — and registers the bridge.
 *
 * @summary Live mode settings of the library page.
 * @fires clip-live-allow - Allow an origin; `detail: { origin }` as typed.
 * @fires clip-live-remove - Switch live mode off for the allowed origin; `detail: { origin }`.
 */
export class ClipLiveSettings extends LitElement {
  static override properties = {
    origin: { type: String },
    snippet: { type: String },
    busy: { type: Boolean },
    message: { type: String },
    tone: { type: String },
  };

  /** The allowed origin, or "" when live mode is off. */
  declare origin: string;
  /** The embed code for the allowed page. */
  declare snippet: string;
  /** True while the page asks for the permission or registers/unregisters the bridge. */
  declare busy: boolean;
  /** The outcome of the last action, or "". */
  declare message: string;
  declare tone: 'info' | 'error';

  constructor() {
    super();
    this.origin = '';
    this.snippet = '';
    this.busy = false;
    this.message = '';
    this.tone = 'info';
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 76rem;
        margin: 0 auto;
        padding: 0 1.25rem 2rem;
      }
      section {
        border-top: 1px solid var(--clip-border, #d5d9e3);
        padding-top: 1rem;
      }
      h2 {
        margin: 0 0 0.4rem;
        font-size: 1.1rem;
      }
      p {
        margin: 0 0 0.6rem;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
      }
      label {
        display: grid;
        gap: 0.2rem;
        font-size: 0.8125rem;
        font-weight: 600;
      }
      input {
        font: inherit;
        font-weight: 400;
        width: min(24rem, 80vw);
        padding: 0.4rem 0.55rem;
        border: 1px solid var(--clip-border, #b9bfcc);
        border-radius: 6px;
      }
      button {
        padding: 0.4rem 0.8rem;
        border-radius: 6px;
        border: 1px solid var(--clip-border, #b9bfcc);
        background: #fff;
        cursor: pointer;
      }
      pre {
        margin: 0 0 0.6rem;
        padding: 0.6rem 0.75rem;
        overflow-x: auto;
        border-radius: 6px;
        background: #f3f4f7;
        font-size: 0.8125rem;
      }
      .error {
        color: #a40e26;
      }
    `,
  ];

  override render() {
    return html`<section aria-labelledby="live-heading">
      <h2 id="live-heading">Live on your page</h2>
      ${this.origin ? this.renderLive() : this.renderForm()}
      <p class=${this.tone === 'error' ? 'error' : 'muted'} role="status" aria-live="polite">${this.message}</p>
    </section>`;
  }

  private renderForm() {
    return html`<p class="muted">
        Show your library, as it is now, on one page of your own (such as your start page). Only that address gets it,
        and only what an exported feed holds: no full text.
      </p>
      <form @submit=${this.onAllow}>
        <label>
          Your page's address
          <input name="origin" type="text" inputmode="url" placeholder="https://start.example.org" required ?disabled=${this.busy} />
        </label>
        <button type="submit" ?disabled=${this.busy}>Allow</button>
      </form>`;
  }

  private renderLive() {
    return html`<p>Live on <strong class="origin">${this.origin}</strong>. Put this on that page:</p>
      ${this.snippet ? html`<pre><code>${this.snippet}</code></pre>` : nothing}
      <button type="button" class="remove" ?disabled=${this.busy} @click=${this.onRemove}>Remove</button>`;
  }

  private onAllow(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = form instanceof HTMLFormElement ? form.elements.namedItem('origin') : null;
    const origin = input instanceof HTMLInputElement ? input.value : '';
    // Dispatched synchronously within the submit (a user gesture), so the page may ask for the permission.
    this.dispatchEvent(new CustomEvent('clip-live-allow', { detail: { origin }, bubbles: true, composed: true }));
  }

  private onRemove() {
    this.dispatchEvent(new CustomEvent('clip-live-remove', { detail: { origin: this.origin }, bubbles: true, composed: true }));
  }
}

defineElement('clip-live-settings', ClipLiveSettings);
