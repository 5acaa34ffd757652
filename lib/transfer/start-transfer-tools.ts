import { toFeed } from '../feed';
import type { ArticleMeta, ArticleRecord } from '../model';
import type { ArticleStore } from '../store';
import { backupFileName, createBackup, serializeBackup } from './backup';
import { createBrowserImportDeps } from './browser-import-deps';
import type { ImportFile } from './import-types';
import { createMarkdownZip } from './markdown-export';
import { planImport, summarizeImport, type ImportDeps, type ImportPlan } from './plan-import';

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

async function readAll(store: ArticleStore): Promise<ArticleRecord[]> {
  const metas = await store.listArticles();
  const out: ArticleRecord[] = [];
  for (const m of metas) {
    const content = (await store.getContent(m.id)) ?? { id: m.id, html: '', text: '' };
    out.push({ ...m, content });
  }
  return out;
}

/**
 * Applies a plan so that it lands whole or not at all: every write is undone if one fails. (A store-level
 * `importArticles` in one IndexedDB transaction would make this atomic even across a crash; see the report.)
 */
async function applyPlan(store: ArticleStore, plan: ImportPlan, existing: readonly ArticleMeta[]): Promise<void> {
  const byId = new Map(existing.map((m) => [m.id, m]));
  const undo: Array<() => Promise<unknown>> = [];
  try {
    const replace = async (record: ArticleRecord): Promise<void> => {
      if (byId.has(record.id)) {
        const old = await store.deleteArticle(record.id);
        if (old) undo.push(() => store.restoreArticle(old));
      }
      await store.restoreArticle(record);
      undo.push(() => store.deleteArticle(record.id));
    };
    for (const record of [...plan.records, ...plan.pending]) await replace(record);
    for (const meta of plan.updates) {
      const content = (await store.getContent(meta.id)) ?? { id: meta.id, html: '', text: '' };
      await replace({ ...meta, content });
    }
  } catch (error) {
    for (const step of undo.reverse()) await step().catch(() => undefined);
    throw error;
  }
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
      const store = await deps.openStore();
      const records = await readAll(store);
      download(backupFileName(now()), new Blob([serializeBackup(createBackup(records, { now: now() }))], { type: 'application/json' }));
      show(`Backed up ${records.length} article${records.length === 1 ? '' : 's'}.`);
    },
    async exportMarkdown() {
      const store = await deps.openStore();
      const records = (await readAll(store)).filter((r) => r.state === 'saved');
      const zip = createMarkdownZip(records, { now: now() });
      download(`clipshelf-markdown-${new Date(now()).toISOString().slice(0, 10)}.zip`, new Blob([zip as BlobPart], { type: 'application/zip' }));
      show(`Exported ${records.length} article${records.length === 1 ? '' : 's'} as Markdown.`);
    },
    async exportFeed() {
      const store = await deps.openStore();
      const records = (await readAll(store)).filter((r) => r.state === 'saved');
      download('clipshelf-feed.json', new Blob([JSON.stringify(toFeed(records, { title: 'My ClipShelf' }), null, 1)], { type: 'application/feed+json' }));
      show(`Exported a feed of ${records.length} article${records.length === 1 ? '' : 's'} for the <clip-shelf> widget.`);
    },
    async importFiles(files) {
      if (files.length === 0) return null;
      show(`Reading ${files.length} file${files.length === 1 ? '' : 's'}…`);
      const store = await deps.openStore();
      const existing = await store.listArticles();
      const plan = await planImport(files, { now: now(), existing, deps: deps.importDeps ?? createBrowserImportDeps() });
      if (plan.records.length + plan.pending.length + plan.updates.length > 0) {
        try {
          await applyPlan(store, plan, existing);
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
