import { LitElement, css, html, nothing } from 'lit';
import { baseStyles } from './clip-base-styles';
import { defineElement } from './define-element';

/*
 * The library's data tools: export a feed for the <clip-shelf> widget, copy its embed code, back up, restore and
 * import, export Markdown, capture imported links. Presentational: each button fires a `clip-…` event and the page
 * (lib/messaging's library transfer controller) does the work and sets the properties back.
 */

/** Which articles an export covers: the ones the library shows now (its filters), or the whole library. */
export type ClipExportScope = 'shown' | 'all';

/** Detail of `clip-export-feed`. */
export interface ClipExportFeedDetail {
  scope: ClipExportScope;
  /** Put each article's full text in the feed (off by default: summaries, speakers and short quotes only). */
  includeContent: boolean;
}

/** Detail of `clip-import-files`: the files the user picked (backup, Pocket, Instapaper, Omnivore, bookmarks). */
export interface ClipImportFilesDetail {
  files: File[];
}

/** The background's capture job for pending (imported, link-only) articles, as the tools show it. */
export interface ClipCaptureProgress {
  state: 'idle' | 'running' | 'done' | 'cancelled';
  total: number;
  done: number;
  captured: number;
  /** Why articles failed (title: reason), at most a few dozen. */
  failures: { title: string; reason: string }[];
  current: string;
}

/** What the last import (or restore) did, for the report in <clip-library-notices>. */
export interface ClipImportReport {
  /** False when nothing was written (a rejected file, a failed transaction). */
  ok: boolean;
  /** One sentence: came in, merged, skipped. */
  summary: string;
  /** Per file: name, format and counts. */
  files: { file: string; format: string; found: number; added: number; pending: number; merged: number; skipped: number; error?: string }[];
  /** Why items were skipped ("row 7: not a web address"), at most a few dozen. */
  skipped: string[];
  warnings: string[];
}

export interface ClipToolsEventMap {
  'clip-export-feed': CustomEvent<ClipExportFeedDetail>;
  'clip-copy-embed': CustomEvent<Record<string, never>>;
  'clip-export-backup': CustomEvent<Record<string, never>>;
  'clip-export-markdown': CustomEvent<{ scope: ClipExportScope }>;
  'clip-import-files': CustomEvent<ClipImportFilesDetail>;
  'clip-capture-pending': CustomEvent<Record<string, never>>;
  'clip-capture-cancel': CustomEvent<Record<string, never>>;
  'clip-notice-dismiss': CustomEvent<Record<string, never>>;
}

declare global {
  interface GlobalEventHandlersEventMap extends ClipToolsEventMap {}
  interface HTMLElementTagNameMap {
    'clip-library-tools': ClipLibraryTools;
  }
}

/** Fires one of the data tools' events (bubbling, composed), typed by `ClipToolsEventMap`. */
export function emit<K extends keyof ClipToolsEventMap>(target: EventTarget, type: K, detail: ClipToolsEventMap[K]['detail']): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/** The formats "Import…" reads (extensions only: browsers give .csv/.zip files inconsistent MIME types). */
export const IMPORT_ACCEPT = '.json,.csv,.zip,.html,.htm';

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Buttons of the data tools and their notices. */
export const buttonStyles = css`
  button,
  .file-button {
    padding: 0.35rem 0.7rem;
    border-radius: 6px;
    border: 1px solid var(--clip-border, #b9bfcc);
    background: #fff;
    cursor: pointer;
    font-size: 0.875rem;
    line-height: 1.3;
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  button.primary {
    background: var(--clip-accent, #0b57d0);
    border-color: var(--clip-accent, #0b57d0);
    color: #fff;
  }
`;

/**
 * Export, backup and import tools for the library page's toolbar.
 *
 * @fires clip-export-feed - Download a feed; `detail: { scope, includeContent }`.
 * @fires clip-copy-embed - Copy the widget's embed code.
 * @fires clip-export-backup - Download a backup of every article, content included.
 * @fires clip-export-markdown - Download a zip of Markdown files; `detail: { scope }`.
 * @fires clip-import-files - Restore or import files; `detail: { files }`.
 * @fires clip-capture-pending - Capture the imported links (the listener asks for host permission: it runs in the click).
 * @fires clip-capture-cancel - Stop capturing.
 */
export class ClipLibraryTools extends LitElement {
  static override properties = {
    shown: { type: Number },
    total: { type: Number },
    filtered: { type: Boolean },
    pending: { type: Number },
    busy: { type: String },
    capture: { attribute: false },
    embedSnippet: { attribute: false },
    copyState: { attribute: false },
  };

  /** Articles the library shows now (after its filters). */
  declare shown: number;
  /** Articles in the whole library. */
  declare total: number;
  /** Whether a search or speaker/topic filter is on (then exports offer "what's shown"). */
  declare filtered: boolean;
  /** Imported articles still waiting to be captured. */
  declare pending: number;
  /** The export or import in progress ('' when none): its button shows it and every tool waits. */
  declare busy: '' | 'feed' | 'embed' | 'backup' | 'markdown' | 'import';
  declare capture: ClipCaptureProgress | null;
  /** The embed code to show in the dialog ('' closes it). */
  declare embedSnippet: string;
  /** Whether copying the embed code to the clipboard worked. */
  declare copyState: '' | 'copied' | 'failed';

  constructor() {
    super();
    this.shown = 0;
    this.total = 0;
    this.filtered = false;
    this.pending = 0;
    this.busy = '';
    this.capture = null;
    this.embedSnippet = '';
    this.copyState = '';
  }

  static override styles = [
    baseStyles,
    buttonStyles,
    css`
      :host {
        display: block;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        align-items: center;
      }
      .file-button {
        display: inline-block;
      }
      .file-button:focus-within {
        outline: 2px solid var(--clip-focus, #0b57d0);
        outline-offset: 2px;
      }
      .pending {
        border-color: #9a6700;
        color: #6b4700;
        background: #fff8e1;
      }
      dialog {
        border: 1px solid var(--clip-border, #b9bfcc);
        border-radius: 10px;
        padding: 1.1rem 1.25rem;
        max-width: min(36rem, 92vw);
        box-shadow: 0 12px 32px rgb(0 0 0 / 0.18);
      }
      dialog h2 {
        margin: 0 0 0.6rem;
        font-size: 1.1rem;
      }
      fieldset {
        border: 0;
        margin: 0 0 0.6rem;
        padding: 0;
      }
      legend {
        font-weight: 600;
        margin-bottom: 0.25rem;
      }
      fieldset label {
        display: flex;
        gap: 0.4rem;
        align-items: baseline;
        margin: 0.2rem 0;
        font-size: 0.9375rem;
      }
      .actions {
        display: flex;
        justify-content: flex-end;
        gap: 0.5rem;
        margin-top: 0.9rem;
      }
      textarea {
        width: 100%;
        min-height: 5.5rem;
        font: 0.8125rem/1.4 ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
        padding: 0.5rem;
        border: 1px solid var(--clip-border, #b9bfcc);
        border-radius: 6px;
      }
      .note {
        font-size: 0.875rem;
        margin: 0.4rem 0;
      }
      .copied {
        color: #1a7f37;
        font-weight: 600;
      }
    `,
  ];

  override render() {
    const waiting = this.busy !== '';
    const capturing = this.capture?.state === 'running';
    return html`
      <div class="bar" role="group" aria-label="Library tools">
        <button type="button" ?disabled=${waiting} @click=${this.openFeedDialog}>${this.busy === 'feed' ? 'Exporting…' : 'Export feed…'}</button>
        <button type="button" ?disabled=${waiting} @click=${() => emit(this, 'clip-copy-embed', {})}>Copy embed code</button>
        <button type="button" ?disabled=${waiting} @click=${() => emit(this, 'clip-export-markdown', { scope: this.filtered ? 'shown' : 'all' })}>
          ${this.busy === 'markdown' ? 'Exporting…' : this.filtered ? 'Export shown as Markdown' : 'Export Markdown'}
        </button>
        <button type="button" ?disabled=${waiting} @click=${() => emit(this, 'clip-export-backup', {})}>
          ${this.busy === 'backup' ? 'Exporting…' : 'Export everything'}
        </button>
        <label class="file-button" title="ClipShelf backup, Pocket (zip, CSV or ril_export.html), Instapaper CSV, Omnivore zip, bookmarks HTML">
          ${this.busy === 'import' ? 'Importing…' : 'Restore / Import…'}
          <input class="visually-hidden" type="file" multiple accept=${IMPORT_ACCEPT} ?disabled=${waiting} @change=${this.onFiles} />
        </label>
        ${this.pending > 0 && !capturing
          ? html`<button type="button" class="pending" @click=${() => emit(this, 'clip-capture-pending', {})}>
              Capture ${this.pending} pending
            </button>`
          : nothing}
      </div>
      ${this.renderFeedDialog()} ${this.renderEmbedDialog()}
    `;
  }

  private renderFeedDialog() {
    return html`<dialog id="feed" aria-labelledby="feed-title">
      <form method="dialog" @submit=${this.onFeedSubmit}>
        <h2 id="feed-title">Export feed</h2>
        <p class="note muted">A feed file for the &lt;clip-shelf&gt; widget on your own site: titles, summaries, speakers and short quotes.</p>
        <fieldset>
          <legend>Articles</legend>
          <label
            ><input type="radio" name="scope" value="shown" ?checked=${this.filtered} ?disabled=${!this.filtered} />
            What the library shows now (${plural(this.shown, 'article')})</label
          >
          <label><input type="radio" name="scope" value="all" ?checked=${!this.filtered} /> Everything (${plural(this.total, 'article')})</label>
        </fieldset>
        <fieldset>
          <legend>Privacy</legend>
          <label><input type="checkbox" name="content" /> Include full text (anyone who can read the feed can read the articles)</label>
        </fieldset>
        <div class="actions">
          <button type="button" @click=${() => this.dialog('feed')?.close()}>Cancel</button>
          <button type="submit" class="primary">Download feed</button>
        </div>
      </form>
    </dialog>`;
  }

  private renderEmbedDialog() {
    return html`<dialog id="embed" aria-labelledby="embed-title" @close=${() => (this.embedSnippet = '')}>
      <h2 id="embed-title">Embed code</h2>
      ${this.copyState === 'copied'
        ? html`<p class="note copied" role="status">Copied to the clipboard.</p>`
        : this.copyState === 'failed'
          ? html`<p class="note" role="status">The browser did not allow copying: select the code below and copy it.</p>`
          : nothing}
      <label for="snippet" class="note">Paste this where the articles should appear on your page:</label>
      <textarea id="snippet" readonly .value=${this.embedSnippet} @focus=${(e: Event) => (e.target as HTMLTextAreaElement).select()}></textarea>
      <p class="note muted">
        Put the exported feed next to the page as <code>clipshelf-feed.json</code> and the widget script (<code>clip-shelf.js</code>) beside
        it, or change both addresses.
      </p>
      <div class="actions"><button type="button" class="primary" @click=${() => this.dialog('embed')?.close()}>Done</button></div>
    </dialog>`;
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('embedSnippet')) {
      const dialog = this.dialog('embed');
      if (this.embedSnippet && dialog && !dialog.open) showDialog(dialog);
      if (!this.embedSnippet && dialog?.open) dialog.close();
    }
  }

  private dialog(id: 'feed' | 'embed'): HTMLDialogElement | null {
    return this.renderRoot.querySelector<HTMLDialogElement>(`dialog#${id}`);
  }

  private openFeedDialog = (): void => {
    const dialog = this.dialog('feed');
    if (dialog) showDialog(dialog);
  };

  private onFeedSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const scope = form.querySelector<HTMLInputElement>('input[name="scope"][value="shown"]')?.checked ? 'shown' : 'all';
    const includeContent = form.querySelector<HTMLInputElement>('input[name="content"]')?.checked ?? false;
    this.dialog('feed')?.close();
    emit(this, 'clip-export-feed', { scope, includeContent });
  };

  private onFiles = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = ''; // picking the same file again must fire change again
    if (files.length) emit(this, 'clip-import-files', { files });
  };
}

/** showModal where supported (every browser ClipShelf runs in); a plain open attribute in test DOMs without it. */
function showDialog(dialog: HTMLDialogElement): void {
  if (typeof dialog.showModal === 'function') {
    try {
      dialog.showModal();
      return;
    } catch {
      // Not connected or already open: fall through.
    }
  }
  dialog.setAttribute('open', '');
}

defineElement('clip-library-tools', ClipLibraryTools);
