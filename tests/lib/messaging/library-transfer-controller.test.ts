// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseFeed } from '../../../lib/feed';
import { startLibraryTransfer, type LibraryTransferDeps, type TransferNoticesView, type TransferToolsView } from '../../../lib/messaging';
import type { CaptureJobStatus, MessageType, RequestData, ResponseData } from '../../../lib/messaging';
import { openArticleStore, type ArticleStore } from '../../../lib/store';
import { makePendingRecord } from '../../helpers/make-article';
import { makeAnalysis, makeCaptured } from '../store/article-fixtures';

class FakeTools extends EventTarget implements TransferToolsView {
  shown = 0;
  total = 0;
  filtered = false;
  pending = 0;
  busy: TransferToolsView['busy'] = '';
  capture: TransferToolsView['capture'] = null;
  embedSnippet = '';
  copyState: TransferToolsView['copyState'] = '';
  emit(type: string, detail: unknown = {}): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

class FakeNotices extends EventTarget implements TransferNoticesView {
  capture: TransferNoticesView['capture'] = null;
  report: TransferNoticesView['report'] = null;
  message = '';
  tone: TransferNoticesView['tone'] = 'info';
}

class FakeLibrary extends EventTarget {
  query = '';
  speaker = '';
  topic = '';
}

const idle: CaptureJobStatus = { state: 'idle', total: 0, done: 0, captured: 0, failures: [], current: '' };

let store: ArticleStore;
const stops: (() => void)[] = [];

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  store = await openArticleStore();
  await store.saveArticle(makeCaptured({ title: 'Chips summit', url: 'https://news.example/chips', text: 'Chips text.\n\nMore chips.' }), makeAnalysis(['Yan Liang'], ['chips']), { now: 1 });
  await store.saveArticle(makeCaptured({ title: 'Ocean report', url: 'https://news.example/ocean', text: 'Ocean text.' }), makeAnalysis(['Séverine Dupré'], ['ocean']), { now: 2 });
});

afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  store.close();
  vi.useRealTimers();
});

function start(overrides: Partial<LibraryTransferDeps> = {}) {
  const tools = new FakeTools();
  const notices = new FakeNotices();
  const library = new FakeLibrary();
  const downloads: { name: string; data: Blob }[] = [];
  const sent: { type: MessageType; data: unknown }[] = [];
  let status: CaptureJobStatus = idle;
  const send = async <K extends MessageType>(type: K, data: RequestData<K>): Promise<ResponseData<K>> => {
    sent.push({ type, data });
    if (type === 'capturePending') status = { ...idle, state: 'running', total: (data as { ids: string[] }).ids.length };
    if (type === 'cancelCapture') status = { ...status, state: 'cancelled' };
    return status as ResponseData<K>;
  };
  const controller = startLibraryTransfer({
    tools,
    notices,
    library,
    openStore: () => openArticleStore(),
    download: (name, data) => downloads.push({ name, data }),
    copyText: async () => undefined,
    requestHostAccess: async () => true,
    send,
    now: () => Date.UTC(2026, 10, 28),
    pollMs: 5,
    ...overrides,
  });
  stops.push(controller.stop);
  return { controller, tools, notices, library, downloads, sent, setStatus: (s: CaptureJobStatus) => (status = s) };
}

const until = async (check: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('library transfer controller', () => {
  it('counts what is shown, the whole library and pending articles', async () => {
    const { controller, tools, library } = start();
    await controller.ready;
    expect([tools.shown, tools.total, tools.filtered, tools.pending]).toEqual([2, 2, false, 0]);
    library.speaker = 'yan liang';
    library.dispatchEvent(new CustomEvent('clip-filter-change'));
    await until(() => tools.shown === 1, 'the filtered count');
    expect(tools.filtered).toBe(true);
  });

  it('exports a feed of everything, summaries only, that parseFeed reads', async () => {
    const { controller, tools, downloads, notices } = start();
    await controller.ready;
    tools.emit('clip-export-feed', { scope: 'all', includeContent: false });
    await until(() => downloads.length === 1 && tools.busy === '', 'the download');
    expect(downloads[0]!.name).toBe('clipshelf-feed.json');
    const parsed = parseFeed(JSON.parse(await downloads[0]!.data.text()));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.feed.items.map((i) => i.title)).toEqual(['Ocean report', 'Chips summit']);
    expect(parsed.feed.items.every((i) => i.content_text === i.summary)).toBe(true);
    expect(notices.message).toBe('Exported a feed of 2 articles as clipshelf-feed.json.');
  });

  it('exports only what the filter shows, with full text when asked', async () => {
    const { controller, tools, library, downloads } = start();
    await controller.ready;
    library.topic = 'chips';
    tools.emit('clip-export-feed', { scope: 'shown', includeContent: true });
    await until(() => downloads.length === 1, 'the download');
    const parsed = parseFeed(JSON.parse(await downloads[0]!.data.text()));
    if (!parsed.ok) throw new Error('feed did not parse');
    expect(parsed.feed.items.map((i) => i.title)).toEqual(['Chips summit']);
    expect(parsed.feed.items[0]!.content_text).toBe('Chips text.\n\nMore chips.');
  });

  it('puts the embed snippet in the dialog and copies it; a refused clipboard says so', async () => {
    const copied: string[] = [];
    const { controller, tools } = start({ copyText: async (t) => void copied.push(t) });
    await controller.ready;
    tools.emit('clip-copy-embed');
    expect(tools.embedSnippet).toBe('<script type="module" src="clip-shelf.js"></script>\n<clip-shelf src="clipshelf-feed.json" theme="auto"></clip-shelf>\n');
    await until(() => tools.copyState === 'copied', 'the copy');
    expect(copied).toEqual([tools.embedSnippet]);

    const refused = start({ copyText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) });
    await refused.controller.ready;
    refused.tools.emit('clip-copy-embed');
    await until(() => refused.tools.copyState === 'failed', 'the refusal');
    expect(refused.tools.embedSnippet).toContain('<clip-shelf');
  });

  it('backs up everything with content, and the backup restores into an empty library', async () => {
    const { controller, tools, downloads, notices } = start();
    await controller.ready;
    tools.emit('clip-export-backup');
    await until(() => downloads.length === 1 && tools.busy === '', 'the backup');
    expect(downloads[0]!.name).toBe('clipshelf-backup-2026-11-28.json');
    const backupText = await downloads[0]!.data.text();
    const backup = JSON.parse(backupText) as { count: number; articles: { content: { text: string } }[] };
    expect(backup.count).toBe(2);
    expect(backup.articles.map((a) => a.content.text).sort()).toEqual(['Chips text.\n\nMore chips.', 'Ocean text.']);

    for (const a of await store.listArticles()) await store.deleteArticle(a.id);
    expect(await store.listArticles()).toHaveLength(0);
    tools.emit('clip-import-files', { files: [new File([backupText], 'clipshelf-backup-2026-11-28.json')] });
    await until(() => notices.report !== null, 'the import report');
    expect(notices.report!.ok).toBe(true);
    expect(notices.report!.summary).toMatch(/^2 articles imported \(2 with content, 0 to capture\)/);
    const restored = await store.listArticles();
    expect(restored.map((a) => a.title).sort()).toEqual(['Chips summit', 'Ocean report']);
    expect((await store.getContent(restored[0]!.id))!.text.length).toBeGreaterThan(0);
    await until(() => tools.total === 2, 'the total');
  });

  it('exports Markdown as a zip', async () => {
    const { controller, tools, downloads } = start();
    await controller.ready;
    tools.emit('clip-export-markdown', { scope: 'all' });
    await until(() => downloads.length === 1, 'the zip');
    expect(downloads[0]!.name).toBe('clipshelf-markdown-2026-11-28.zip');
    const bytes = new Uint8Array(await downloads[0]!.data.arrayBuffer());
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
  });

  it('imports a Pocket CSV as pending links, merges a known URL, reports skips', async () => {
    const { controller, tools, notices } = start();
    await controller.ready;
    const csv = readFileSync('tests/fixtures/imports/pocket/part_000000.csv');
    const extra = 'title,url,time_added,tags,status\nKnown,https://news.example/chips,1700000000,kept,unread\nBad,javascript:alert(1),1700000000,,unread\n';
    tools.emit('clip-import-files', { files: [new File([csv], 'part_000000.csv'), new File([extra], 'part_000001.csv')] });
    await until(() => notices.report !== null, 'the import report');
    const report = notices.report!;
    expect(report.ok).toBe(true);
    expect(report.files.map((f) => f.format)).toEqual(['Pocket export (CSV)', 'Pocket export (CSV)']);
    expect(report.files[1]).toMatchObject({ merged: 1, skipped: 1, pending: 0 });
    expect(report.skipped.some((s) => s.includes('not a web address'))).toBe(true);
    const all = await store.listArticles();
    const pending = all.filter((a) => a.state === 'pending');
    expect(pending.length).toBe(report.files[0]!.pending);
    expect(pending.length).toBeGreaterThan(0);
    // The counts follow the library (a change notice may refresh them once more).
    await until(() => tools.pending === pending.length, 'the pending count');
    expect(all.find((a) => a.url === 'https://news.example/chips')!.tags).toContain('kept');
  });

  it('a damaged file imports nothing and says why', async () => {
    const { controller, tools, notices } = start();
    await controller.ready;
    const truncated = readFileSync('tests/fixtures/imports/broken/truncated-backup.json');
    tools.emit('clip-import-files', { files: [new File([truncated], 'truncated-backup.json')] });
    await until(() => notices.report !== null, 'the report');
    expect(notices.report!.ok).toBe(false);
    expect(notices.report!.files[0]!.error).toMatch(/cut short|JSON/);
    expect(await store.listArticles()).toHaveLength(2);
  });

  it('a failing store write leaves the library as it was', async () => {
    const { controller, tools, notices } = start({
      openStore: async () => {
        const s = await openArticleStore();
        return { ...s, importArticles: () => Promise.reject(new Error('quota')) };
      },
    });
    await controller.ready;
    tools.emit('clip-import-files', { files: [new File(['title,url,time_added\nA,https://a.example/x,1700000000\n'], 'p.csv')] });
    await until(() => notices.report !== null, 'the report');
    expect(notices.report).toMatchObject({ ok: false, summary: 'Nothing was imported: quota' });
    expect(await store.listArticles()).toHaveLength(2);
  });

  it('"Capture pending" asks for exactly those sites in the click, starts the job and follows it to the end', async () => {
    await store.importArticles([pendingRecord('p1', 'https://one.example/a'), pendingRecord('p2', 'http://two.example:8080/b')]);
    const asked: string[][] = [];
    let resolveAsk: (granted: boolean) => void = () => undefined;
    const released: string[][] = [];
    const { controller, tools, notices, sent, setStatus } = start({
      requestHostAccess: (origins) => {
        asked.push(origins);
        return new Promise((r) => (resolveAsk = r));
      },
      // The user had already allowed one.example (e.g. for live mode): that grant is not ClipShelf's to take back.
      grantedOrigins: async () => ['https://one.example/*'],
      releaseHostAccess: async (origins) => void released.push(origins),
    });
    await controller.ready;
    expect(tools.pending).toBe(2);
    tools.emit('clip-capture-pending');
    // Synchronously, inside the click: the browser only shows the prompt during a user gesture.
    expect(asked).toEqual([['http://two.example/*', 'https://one.example/*']]); // newest first, ports dropped
    resolveAsk(true);
    await until(() => sent.some((s) => s.type === 'capturePending'), 'the request');
    expect(sent.find((s) => s.type === 'capturePending')!.data).toEqual({ ids: ['p2', 'p1'] });
    expect(released).toEqual([]); // not while the job runs
    await until(() => notices.capture?.state === 'running', 'the progress');
    expect(tools.capture).toBe(notices.capture);
    setStatus({ state: 'done', total: 2, done: 2, captured: 2, failures: [], current: '' });
    await until(() => notices.capture?.state === 'done', 'the end of the job');
    // Only the access asked for this job is given back, once it is over.
    await until(() => released.length > 0, 'the release');
    expect(released).toEqual([['http://two.example/*']]);
    const polls = sent.filter((s) => s.type === 'getCaptureStatus').length;
    await new Promise((r) => setTimeout(r, 30));
    expect(sent.filter((s) => s.type === 'getCaptureStatus').length).toBe(polls); // polling stopped
  });

  it('a refused permission captures nothing and explains', async () => {
    await store.importArticles([pendingRecord('p1', 'https://one.example/a')]);
    const { controller, tools, notices, sent } = start({ requestHostAccess: async () => false });
    await controller.ready;
    tools.emit('clip-capture-pending');
    await until(() => notices.message !== '', 'the message');
    expect(notices.tone).toBe('error');
    expect(notices.message).toMatch(/permission/);
    expect(sent.some((s) => s.type === 'capturePending')).toBe(false);
  });

  it('Cancel asks the background to stop; a job already running is picked up on load', async () => {
    const { controller, notices, sent, setStatus } = start({});
    await controller.ready;
    setStatus({ state: 'running', total: 3, done: 1, captured: 1, failures: [], current: 'x' });
    const again = start({ send: async <K extends MessageType>(_type: K) => ({ state: 'running', total: 3, done: 1, captured: 1, failures: [], current: 'x' }) as ResponseData<K> });
    await again.controller.ready;
    expect(again.notices.capture?.state).toBe('running');
    notices.dispatchEvent(new CustomEvent('clip-capture-cancel'));
    await until(() => sent.some((s) => s.type === 'cancelCapture'), 'the cancel');
    await until(() => notices.capture?.state === 'cancelled', 'the cancelled state');
  });
});

const pendingRecord = (id: string, url: string) =>
  makePendingRecord(id, url, { siteName: new URL(url).hostname, savedAt: id === 'p1' ? 10 : 20, tags: ['t'], read: false });
