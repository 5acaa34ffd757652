import { LitElement, css, html, nothing } from 'lit';
import { baseStyles } from './clip-base-styles';
import { buttonStyles, emit, plural, type ClipCaptureProgress, type ClipImportReport } from './clip-library-tools';
import { defineElement } from './define-element';

declare global {
  interface HTMLElementTagNameMap {
    'clip-library-notices': ClipLibraryNotices;
  }
}

/**
 * What the library's data tools did, above the list: the capture progress bar (with Cancel), the last import's
 * report, or a one-line message (an export finished, something failed).
 *
 * @fires clip-capture-cancel - Stop capturing pending articles.
 * @fires clip-notice-dismiss - Close the report or message.
 */
export class ClipLibraryNotices extends LitElement {
  static override properties = {
    capture: { attribute: false },
    report: { attribute: false },
    message: { type: String },
    tone: { type: String },
  };

  declare capture: ClipCaptureProgress | null;
  declare report: ClipImportReport | null;
  declare message: string;
  /** 'error' shows the message as an alert. */
  declare tone: 'info' | 'error';

  constructor() {
    super();
    this.capture = null;
    this.report = null;
    this.message = '';
    this.tone = 'info';
  }

  static override styles = [
    baseStyles,
    buttonStyles,
    css`
      :host {
        display: block;
      }
      .notice {
        border: 1px solid var(--clip-border, #d5d9e3);
        border-radius: 8px;
        padding: 0.6rem 0.9rem;
        margin: 0 0 0.75rem;
        background: #f6f8fa;
        font-size: 0.9375rem;
      }
      .notice .summary,
      .notice .message {
        flex: 1;
        min-width: 16rem;
      }
      .notice.error {
        border-color: #cf222e;
        background: #fff5f5;
      }
      .row {
        display: flex;
        min-height: 2rem;
        gap: 0.75rem;
        align-items: center;
        justify-content: space-between;
        flex-wrap: wrap;
      }
      progress {
        width: min(24rem, 60vw);
        height: 0.8rem;
      }
      p {
        margin: 0.2rem 0;
      }
      details {
        margin-top: 0.35rem;
        font-size: 0.875rem;
      }
      ul {
        margin: 0.3rem 0;
        padding-inline-start: 1.2rem;
      }
    `,
  ];

  override render() {
    return html`${this.renderCapture()} ${this.renderReport()}
    ${this.message
      ? html`<div class="notice row ${this.tone === 'error' ? 'error' : ''}" role=${this.tone === 'error' ? 'alert' : 'status'}>
          <span class="message">${this.message}</span>
          <button type="button" @click=${() => emit(this, 'clip-notice-dismiss', {})}>Dismiss</button>
        </div>`
      : nothing}`;
  }

  private renderCapture() {
    const c = this.capture;
    if (!c || c.state === 'idle') return nothing;
    const failed = c.done - c.captured;
    return html`<div class="notice capture" role="status" aria-live="polite">
      <div class="row">
        <label>
          ${c.state === 'running'
            ? `Capturing pending articles: ${c.done} of ${c.total}`
            : `${c.state === 'cancelled' ? 'Capture stopped' : 'Capture finished'}: ${plural(c.captured, 'article')} captured${failed ? `, ${failed} failed` : ''}${c.state === 'cancelled' ? `, ${c.total - c.done} left to capture` : ''}.`}
          <progress max=${Math.max(1, c.total)} .value=${c.done}></progress>
        </label>
        ${c.state === 'running'
          ? html`<button type="button" @click=${() => emit(this, 'clip-capture-cancel', {})}>Cancel</button>`
          : html`<button type="button" @click=${() => emit(this, 'clip-notice-dismiss', {})}>Dismiss</button>`}
      </div>
      ${c.current ? html`<p class="muted">Now: ${c.current}</p>` : nothing}
      ${c.failures.length
        ? html`<details>
            <summary>${plural(c.failures.length, 'article')} could not be captured</summary>
            <ul>
              ${c.failures.map((f) => html`<li>${f.title || 'Untitled'}: ${f.reason}</li>`)}
            </ul>
          </details>`
        : nothing}
    </div>`;
  }

  private renderReport() {
    const r = this.report;
    if (!r) return nothing;
    return html`<section class="notice report ${r.ok ? '' : 'error'}" aria-label="Import report" role=${r.ok ? 'status' : 'alert'}>
      <div class="row">
        <p class="summary">${r.summary}</p>
        <button type="button" @click=${() => emit(this, 'clip-notice-dismiss', {})}>Dismiss</button>
      </div>
      ${r.files.length
        ? html`<ul class="files">
            ${r.files.map(
              (f) =>
                html`<li>
                  <strong>${f.file}</strong>${f.format ? ` (${f.format})` : ''}:
                  ${f.error
                    ? `not imported: ${f.error}`
                    : `${f.found} found, ${f.added} came in with content, ${f.pending} to capture, ${f.merged} merged, ${f.skipped} skipped`}
                </li>`,
            )}
          </ul>`
        : nothing}
      ${r.skipped.length
        ? html`<details>
            <summary>Why items were skipped</summary>
            <ul>
              ${r.skipped.map((s) => html`<li>${s}</li>`)}
            </ul>
          </details>`
        : nothing}
      ${r.warnings.length
        ? html`<details>
            <summary>Notes</summary>
            <ul>
              ${r.warnings.map((w) => html`<li>${w}</li>`)}
            </ul>
          </details>`
        : nothing}
    </section>`;
  }
}

defineElement('clip-library-notices', ClipLibraryNotices);
