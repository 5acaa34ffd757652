import type { ArticleStore } from '../store';
import { applyImportPlan, readLibrary } from './apply-import-plan';
import type { ImportFile } from './import-types';
import type { ImportDeps, ImportPlan } from './plan-import';

// The formats (yaml, fflate, papaparse, Readability for imported HTML) load on first use, so the library page
// opens without them.
const loadBackup = () => import('./backup');
const loadMarkdown = () => import('./markdown-export');
const loadImport = () => Promise.all([import('./plan-import'), import('./browser-import-deps')]);
const loadFeed = () => import('../feed');

export interface TransferToolsDeps {
  /** The <clip-library> element: the tools go into its `toolbar` slot, reports into its `notices` slot. */
  host: HTMLElement;
  openStore(): Promise<ArticleStore>;
  now?(): number;
  /** Defaults to the browser pipeline (DOMParser + lib/capture + lib/analysis). */
  importDeps?: ImportDeps;
  /** Saves a file for the user; default: an <a download> click on a blob URL. */
  download?(name: string, data: Blob): void;
}

export interface TransferTools {
  backup(): Promise<void>;
  exportMarkdown(): Promise<void>;
  exportFeed(): Promise<void>;
  importFiles(files: readonly ImportFile[]): Promise<ImportPlan | null>;
  /** The last message shown to the user. */
  readonly message: string;
}

function defaultDownload(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Adds Back up / Export Markdown / Export feed / Import to the library page (light DOM in <clip-library>'s
 * `toolbar` slot) and shows what each did in its `notices` slot. Wiring only: formats live in lib/transfer.
 */
export function startTransferTools(deps: TransferToolsDeps): TransferTools {
  const now = deps.now ?? (() => Date.now());
  const download = deps.download ?? defaultDownload;
  const doc = deps.host.ownerDocument;
  let message = '';
  // One connection for the page's lifetime (the store reopens itself after a versionchange).
  let store: Promise<ArticleStore> | null = null;
  const getStore = (): Promise<ArticleStore> => {
    store ??= deps.openStore().catch((error: unknown) => {
      store = null;
      throw error;
    });
    return store;
  };

  const bar = doc.createElement('div');
  bar.slot = 'toolbar';
  bar.className = 'clip-transfer';
  const notice = doc.createElement('p');
  notice.slot = 'notices';
  notice.setAttribute('role', 'status');
  notice.hidden = true;
  const picker = doc.createElement('input');
  picker.type = 'file';
  picker.multiple = true;
  picker.accept = '.zip,.csv,.html,.htm,.json';
  picker.hidden = true;

  const show = (text: string): void => {
    message = text;
    notice.textContent = text; // text only: file names and reasons come from untrusted files
    notice.hidden = !text;
  };
  const button = (label: string, run: () => Promise<unknown>): HTMLButtonElement => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', () => {
      b.disabled = true;
      run()
        .catch((error: unknown) => show(`${label} failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => (b.disabled = false));
    });
    return b;
  };

  const tools: TransferTools = {
    get message() {
      return message;
    },
    async backup() {
      const { backupFileName, createBackup, serializeBackup } = await loadBackup();
      const store = await getStore();
      const records = await readLibrary(store);
      download(backupFileName(now()), new Blob([serializeBackup(createBackup(records, { now: now() }))], { type: 'application/json' }));
      show(`Backed up ${records.length} article${records.length === 1 ? '' : 's'}.`);
    },
    async exportMarkdown() {
      const { createMarkdownZip } = await loadMarkdown();
      const store = await getStore();
      const records = (await readLibrary(store)).filter((r) => r.state === 'saved');
      const zip = createMarkdownZip(records, { now: now() });
      download(`clipshelf-markdown-${new Date(now()).toISOString().slice(0, 10)}.zip`, new Blob([zip as BlobPart], { type: 'application/zip' }));
      show(`Exported ${records.length} article${records.length === 1 ? '' : 's'} as Markdown.`);
    },
    async exportFeed() {
      const { toFeed } = await loadFeed();
      const store = await getStore();
      const records = (await readLibrary(store)).filter((r) => r.state === 'saved');
      download('clipshelf-feed.json', new Blob([JSON.stringify(toFeed(records, { title: 'My ClipShelf' }), null, 1)], { type: 'application/feed+json' }));
      show(`Exported a feed of ${records.length} article${records.length === 1 ? '' : 's'} for the <clip-shelf> widget.`);
    },
    async importFiles(files) {
      if (files.length === 0) return null;
      show(`Reading ${files.length} file${files.length === 1 ? '' : 's'}…`);
      const [{ planImport, summarizeImport }, { createBrowserImportDeps }] = await loadImport();
      const store = await getStore();
      const existing = await store.listArticles();
      const plan = await planImport(files, { now: now(), existing, deps: deps.importDeps ?? createBrowserImportDeps() });
      if (plan.records.length + plan.pending.length + plan.updates.length > 0) {
        try {
          await applyImportPlan(store, plan);
        } catch (error) {
          show(`Nothing was imported: ${error instanceof Error ? error.message : String(error)}`);
          return plan;
        }
      }
      show(summarizeImport(plan));
      return plan;
    },
  };

  picker.addEventListener('change', () => {
    const chosen = Array.from(picker.files ?? []);
    picker.value = '';
    void Promise.all(chosen.map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) })))
      .then((files) => tools.importFiles(files))
      .catch((error: unknown) => show(`Import failed: ${error instanceof Error ? error.message : String(error)}`));
  });
  bar.append(
    button('Back up', () => tools.backup()),
    button('Export Markdown', () => tools.exportMarkdown()),
    button('Export feed', () => tools.exportFeed()),
    button('Import…', async () => picker.click()),
    picker,
  );
  deps.host.append(bar, notice);
  return tools;
}
