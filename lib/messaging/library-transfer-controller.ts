import { browser } from 'wxt/browser';
import { createEmbedSnippet, toFeed } from '../feed';
import type { ArticleMeta, ArticleRecord } from '../model';
import { onLibraryChange, type ArticleStore } from '../store';
// Types only: the formats, the import pipeline and the analysis engine it needs load on first use (see loadTransfer).
import type * as Transfer from '../transfer';
import { toHostPattern } from './host-pattern';
import { MAX_CAPTURE_IDS, type CaptureJobStatus, type MessageType, type RequestData, type ResponseData } from './protocol';
import { sendRequest } from './send-request';

type TransferModule = Pick<
  typeof Transfer,
  'planImport' | 'summarizeImport' | 'createBackup' | 'serializeBackup' | 'backupFileName' | 'createMarkdownZip' | 'createBrowserImportDeps' | 'IMPORT_FORMAT_NAMES'
>;

type Scope = 'shown' | 'all';
/** The capture job as the views show it (failures without ids). */
type CaptureProgressView = Omit<CaptureJobStatus, 'failures'> & { failures: { title: string; reason: string }[] };
type Busy = '' | 'feed' | 'embed' | 'backup' | 'markdown' | 'import';

/** The import report the notices show (structurally <clip-library-notices>' ClipImportReport). */
export interface TransferReport {
  ok: boolean;
  summary: string;
  files: { file: string; format: string; found: number; added: number; pending: number; merged: number; skipped: number; error?: string }[];
  skipped: string[];
  warnings: string[];
}

/** The toolbar element (<clip-library-tools> satisfies it). */
export interface TransferToolsView extends EventTarget {
  shown: number;
  total: number;
  filtered: boolean;
  pending: number;
  busy: Busy;
  capture: CaptureProgressView | null;
  embedSnippet: string;
  copyState: '' | 'copied' | 'failed';
}

/** The notices element (<clip-library-notices> satisfies it). */
export interface TransferNoticesView extends EventTarget {
  capture: CaptureProgressView | null;
  report: TransferReport | null;
  message: string;
  tone: 'info' | 'error';
}

/** The library's current filters (the <clip-library> element). */
export interface TransferFilterSource extends EventTarget {
  query: string;
  speaker: string;
  topic: string;
}

export interface LibraryTransferDeps {
  tools: TransferToolsView;
  notices: TransferNoticesView;
  library: TransferFilterSource;
  openStore(): Promise<ArticleStore>;
  /** Saves a file for the user; default `downloadBlob` (a Blob + <a download> in the page: no downloads permission). */
  download?(name: string, data: Blob): void;
  /** Writes the clipboard (default navigator.clipboard); rejects when the browser refuses. Called synchronously from the click. */
  copyText?(text: string): Promise<void>;
  /**
   * Asks for host access to these sites (default permissions.request). Called synchronously from the click: it
   * needs the gesture.
   */
  requestHostAccess?(origins: string[]): Promise<boolean>;
  /** Host patterns granted now (default permissions.getAll), so a capture gives back only what it asked for. */
  grantedOrigins?(): Promise<string[]>;
  /** Gives host access back once the capture job is over (default permissions.remove). */
  releaseHostAccess?(origins: string[]): Promise<unknown>;
  /** The typed request client (default sendRequest). */
  send?<K extends MessageType>(type: K, data: RequestData<K>): Promise<ResponseData<K>>;
  /** Loads lib/transfer (default: a dynamic import, so the page's first chunk stays small). */
  loadTransfer?(): Promise<TransferModule>;
  /** The capture/analysis pipeline for imported HTML; default lib/transfer's createBrowserImportDeps(). */
  importDeps?(transfer: TransferModule): Transfer.ImportDeps;
  now?(): number;
  /** How often the capture progress is polled while a job runs. Default 700 ms. */
  pollMs?: number;
  /** Addresses the embed snippet points at; default next to the page (clip-shelf.js, clipshelf-feed.json). */
  embed?: { scriptUrl: string; feedUrl: string };
}

export const FEED_FILE_NAME = 'clipshelf-feed.json';
const MAX_LINES = 50;
/** Above this many sites the prompt would be an unreadable list: ask for web pages in general instead. */
export const MAX_LISTED_SITES = 100;
const ALL_SITES = ['http://*/*', 'https://*/*'];

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;
const day = (now: number): string => new Date(now).toISOString().slice(0, 10);

/** Offers a file to the user from an extension page: a blob URL clicked through <a download>. */
export function downloadBlob(name: string, data: Blob, doc: Document = document): void {
  const url = URL.createObjectURL(data);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Reads a picked file's bytes (File.arrayBuffer, with a FileReader fallback for older engines). */
async function readBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
  return new Uint8Array(await new Response(file).arrayBuffer());
}

/**
 * The library page's data tools: feed export and embed code (issue 4), backup / restore / import / Markdown
 * (issue 5, through lib/transfer's pure functions) and capturing imported links in the background. Answers the
 * tools' `clip-…` events; writes go through lib/store (an import in one transaction).
 */
export function startLibraryTransfer(deps: LibraryTransferDeps): { ready: Promise<void>; refresh(): Promise<void>; stop(): void } {
  const { tools, notices, library } = deps;
  const download = deps.download ?? ((name: string, data: Blob) => downloadBlob(name, data));
  const copyText = deps.copyText ?? ((text: string) => navigator.clipboard.writeText(text));
  const requestHostAccess = deps.requestHostAccess ?? ((origins: string[]) => browser.permissions.request({ origins }));
  const send = deps.send ?? sendRequest;
  const grantedOrigins = deps.grantedOrigins ?? (async () => (await browser.permissions.getAll()).origins ?? []);
  const releaseHostAccess = deps.releaseHostAccess ?? ((origins: string[]) => browser.permissions.remove({ origins }));
  const now = deps.now ?? (() => Date.now());
  const loadTransfer = deps.loadTransfer ?? (() => import('../transfer'));
  const store = deps.openStore();
  let pendingArticles: ArticleMeta[] = [];
  /** Host patterns granted before this page asked (read on every refresh: the click cannot wait for it). */
  let granted = new Set<string>();
  /** Patterns this page was granted for the running job, given back when it ends. */
  let toRelease: string[] = [];
  let refreshSeq = 0;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const filters = () => ({ text: library.query, speaker: library.speaker, topic: library.topic });
  const isFiltered = (): boolean => library.query !== '' || library.speaker !== '' || library.topic !== '';

  function say(message: string, tone: 'info' | 'error' = 'info'): void {
    notices.message = message;
    notices.tone = tone;
  }

  function setCapture(status: CaptureProgressView | null): void {
    tools.capture = status;
    notices.capture = status;
  }

  async function refresh(): Promise<void> {
    const mine = ++refreshSeq;
    try {
      const s = await store;
      const [shown, all, origins] = await Promise.all([
        s.queryArticles(filters()),
        s.listArticles(),
        grantedOrigins().catch((): string[] => []),
      ]);
      if (mine !== refreshSeq) return;
      if (toRelease.length === 0) granted = new Set(origins);
      pendingArticles = all.filter((a) => a.state === 'pending');
      tools.shown = shown.length;
      tools.total = all.length;
      tools.filtered = isFiltered();
      tools.pending = pendingArticles.length;
    } catch (error) {
      if (mine === refreshSeq) say(`Could not read the library: ${errorText(error)}`, 'error');
    }
  }

  async function articlesFor(scope: Scope): Promise<ArticleMeta[]> {
    const s = await store;
    return scope === 'shown' && isFiltered() ? s.queryArticles(filters()) : s.listArticles();
  }

  async function withContent(metas: readonly ArticleMeta[]): Promise<ArticleRecord[]> {
    const s = await store;
    return Promise.all(metas.map(async (m) => ({ ...m, content: (await s.getContent(m.id)) ?? { id: m.id, html: '', text: '' } })));
  }

  /** Runs one tool at a time, with its button showing progress and failures reported, never thrown. */
  async function run(kind: Exclude<Busy, ''>, label: string, work: () => Promise<void>): Promise<void> {
    if (tools.busy !== '') return;
    tools.busy = kind;
    try {
      await work();
    } catch (error) {
      say(`${label} failed: ${errorText(error)}`, 'error');
    } finally {
      tools.busy = '';
    }
  }

  const exportFeed = (scope: Scope, includeContent: boolean) =>
    run('feed', 'Export feed', async () => {
      // Pending articles are links without text or analysis yet: nothing for the widget to show.
      const metas = (await articlesFor(scope)).filter((m) => m.state === 'saved');
      const records = includeContent ? await withContent(metas) : metas;
      const feed = toFeed(records, { title: 'ClipShelf', includeContent });
      download(FEED_FILE_NAME, new Blob([JSON.stringify(feed, null, 1)], { type: 'application/json' }));
      say(`Exported a feed of ${plural(metas.length, 'article')}${includeContent ? ' with full text' : ''} as ${FEED_FILE_NAME}.`);
    });

  function copyEmbed(): void {
    const snippet = createEmbedSnippet({
      scriptUrl: deps.embed?.scriptUrl ?? 'clip-shelf.js',
      feedUrl: deps.embed?.feedUrl ?? FEED_FILE_NAME,
      theme: 'auto',
    });
    tools.copyState = '';
    tools.embedSnippet = snippet;
    // Started in the click itself: clipboard writes need the user's gesture.
    let copying: Promise<void>;
    try {
      copying = copyText(snippet);
    } catch (error) {
      copying = Promise.reject(error);
    }
    copying.then(
      () => (tools.copyState = 'copied'),
      () => (tools.copyState = 'failed'),
    );
  }

  const exportBackup = () =>
    run('backup', 'Export everything', async () => {
      const [t, metas] = await Promise.all([loadTransfer(), (await store).listArticles()]);
      const records = await withContent(metas);
      const at = now();
      const text = t.serializeBackup(t.createBackup(records, { now: at }));
      download(t.backupFileName(at), new Blob([text], { type: 'application/json' }));
      say(`Exported all ${plural(records.length, 'article')}, content included, as ${t.backupFileName(at)}. Restore it with “Restore / Import…”.`);
    });

  const exportMarkdown = (scope: Scope) =>
    run('markdown', 'Export Markdown', async () => {
      const [t, metas] = await Promise.all([loadTransfer(), articlesFor(scope)]);
      const records = await withContent(metas.filter((m) => m.state === 'saved'));
      const at = now();
      const zip = t.createMarkdownZip(records, { now: at });
      const name = `clipshelf-markdown-${day(at)}.zip`;
      download(name, new Blob([zip as BlobPart], { type: 'application/zip' }));
      say(`Exported ${plural(records.length, 'article')} as Markdown files in ${name}.`);
    });

  const importFiles = (files: readonly Blob[]) =>
    run('import', 'Import', async () => {
      notices.report = null;
      say(`Reading ${plural(files.length, 'file')}…`);
      const [t, offered] = await Promise.all([
        loadTransfer(),
        Promise.all(files.map(async (f, i) => ({ name: 'name' in f && typeof f.name === 'string' ? f.name : `file ${i + 1}`, data: await readBytes(f) }))),
      ]);
      const s = await store;
      const existing = await s.listArticles();
      const plan = await t.planImport(offered, { now: now(), existing, deps: deps.importDeps?.(t) ?? t.createBrowserImportDeps() });
      const report: TransferReport = {
        ok: true,
        summary: t.summarizeImport(plan),
        files: plan.files.map((f) => ({
          file: f.file,
          format: f.format ? t.IMPORT_FORMAT_NAMES[f.format] : '',
          found: f.found,
          added: f.added,
          pending: f.pending,
          merged: f.merged,
          skipped: f.skipped,
          ...(f.error ? { error: f.error } : {}),
        })),
        skipped: plan.skipped.slice(0, MAX_LINES).map((k) => `${k.file}${k.item ? ` (${k.item})` : ''}: ${k.reason}`),
        warnings: plan.warnings.slice(0, MAX_LINES),
      };
      if (plan.skipped.length > MAX_LINES) report.skipped.push(`… and ${plan.skipped.length - MAX_LINES} more.`);
      try {
        // One transaction: the import lands whole or not at all.
        await s.importArticles([...plan.records, ...plan.pending], plan.updates);
      } catch (error) {
        report.ok = false;
        report.summary = `Nothing was imported: ${errorText(error)}`;
      }
      if (plan.files.length > 0 && plan.files.every((f) => f.error)) report.ok = false;
      await refresh();
      say('');
      notices.report = report;
    });

  function capturePending(): void {
    const articles = pendingArticles.slice(0, MAX_CAPTURE_IDS);
    if (articles.length === 0) return;
    const sites = [...new Set(articles.map((a) => toHostPattern(a.url)).filter((p): p is string => p !== null))];
    const origins = sites.length > MAX_LISTED_SITES ? ALL_SITES : sites;
    const asked = origins.filter((o) => !granted.has(o));
    // Asked here, synchronously in the click: permissions.request needs the user's gesture.
    let asking: Promise<boolean>;
    try {
      asking = requestHostAccess(origins);
    } catch (error) {
      asking = Promise.reject(error);
    }
    void asking
      .then(async (granted) => {
        if (!granted) {
          say('ClipShelf needs your permission to open those sites to capture them. Nothing was captured.', 'error');
          return;
        }
        say('');
        toRelease = [...new Set([...toRelease, ...asked])];
        setCapture(await send('capturePending', { ids: articles.map((a) => a.id) }));
        if (tools.capture?.state === 'running') poll();
        else releaseAccess();
      })
      .catch((error: unknown) => say(`Could not capture the pending articles: ${errorText(error)}`, 'error'));
  }

  /** Privacy: ClipShelf keeps no standing access to the sites it opened for the capture. */
  function releaseAccess(): void {
    const origins = toRelease;
    toRelease = [];
    if (origins.length === 0) return;
    try {
      void Promise.resolve(releaseHostAccess(origins)).catch(() => undefined);
    } catch {
      // Nothing to give back (already removed by the user).
    }
  }

  function poll(): void {
    clearTimeout(pollTimer);
    if (stopped || tools.capture?.state !== 'running') return;
    pollTimer = setTimeout(() => {
      void send('getCaptureStatus', {})
        .then((status) => {
          setCapture(status);
          if (status.state !== 'running') {
            releaseAccess();
            void refresh();
          }
        })
        .catch(() => undefined)
        .finally(poll);
    }, deps.pollMs ?? 700);
  }

  const listeners: [EventTarget, string, (event: Event) => void][] = [
    [
      tools,
      'clip-export-feed',
      (event) => {
        const detail: unknown = event instanceof CustomEvent ? event.detail : null;
        const scope = Reflect.get(Object(detail), 'scope') === 'shown' ? 'shown' : 'all';
        void exportFeed(scope, Reflect.get(Object(detail), 'includeContent') === true);
      },
    ],
    [tools, 'clip-copy-embed', () => copyEmbed()],
    [tools, 'clip-export-backup', () => void exportBackup()],
    [
      tools,
      'clip-export-markdown',
      (event) => void exportMarkdown(event instanceof CustomEvent && Reflect.get(Object(event.detail), 'scope') === 'shown' ? 'shown' : 'all'),
    ],
    [
      tools,
      'clip-import-files',
      (event) => {
        const files: unknown = event instanceof CustomEvent ? Reflect.get(Object(event.detail), 'files') : null;
        if (Array.isArray(files)) void importFiles(files.filter((f): f is Blob => f instanceof Blob));
      },
    ],
    [tools, 'clip-capture-pending', () => capturePending()],
    [
      notices,
      'clip-capture-cancel',
      () =>
        void send('cancelCapture', {})
          .then(setCapture)
          .catch((error: unknown) => say(`Could not cancel: ${errorText(error)}`, 'error')),
    ],
    [
      notices,
      'clip-notice-dismiss',
      () => {
        notices.report = null;
        say('');
        if (tools.capture?.state !== 'running') setCapture(null);
      },
    ],
    // The library's filters decide what "what's shown" exports.
    [library, 'clip-filter-change', () => void refresh()],
  ];
  for (const [target, type, listener] of listeners) target.addEventListener(type, listener);
  const unsubscribe = onLibraryChange(() => void refresh());

  async function start(): Promise<void> {
    await refresh();
    // A capture job may still be running from before this page was opened.
    try {
      const status = await send('getCaptureStatus', {});
      if (status.state === 'running') {
        setCapture(status);
        poll();
      }
    } catch {
      // No background answer (tests, a restarting worker): the tools work without it.
    }
  }

  return {
    ready: start(),
    refresh,
    stop() {
      stopped = true;
      clearTimeout(pollTimer);
      for (const [target, type, listener] of listeners) target.removeEventListener(type, listener);
      unsubscribe();
      void store.then((s) => s.close()).catch(() => undefined);
    },
  };
}
