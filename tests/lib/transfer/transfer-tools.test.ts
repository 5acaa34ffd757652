// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openArticleStore, type ArticleStore } from '../../../lib/store';
import { parseBackup, startTransferTools, type ImportFile } from '../../../lib/transfer';
import { createNodeImportDeps } from './node-import-deps';

const fixtures = join(__dirname, '..', '..', 'fixtures', 'imports');
const file = (p: string): ImportFile => ({ name: p.split('/').pop()!, data: new Uint8Array(readFileSync(join(fixtures, p))) });

let store: ArticleStore;
let host: HTMLElement;
const downloads: Array<{ name: string; data: Blob }> = [];
const tools = () =>
  startTransferTools({ host, openStore: async () => store, now: () => Date.UTC(2026, 10, 28), importDeps: createNodeImportDeps(), download: (name, data) => downloads.push({ name, data }) });

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  store = await openArticleStore();
  host = document.createElement('div');
  document.body.append(host);
  downloads.length = 0;
});
afterEach(() => {
  store.close();
  host.remove();
  vi.restoreAllMocks();
});

describe('library transfer tools', () => {
  it('adds its buttons to the toolbar slot and reports in the notices slot', () => {
    tools();
    expect([...host.querySelectorAll('[slot="toolbar"] button')].map((b) => b.textContent)).toEqual(['Back up', 'Export Markdown', 'Export feed', 'Import…']);
    expect(host.querySelector('[slot="notices"]')?.getAttribute('role')).toBe('status');
  });

  it('imports every format into the store and backs the library up; the backup restores to the same library', async () => {
    const t = tools();
    const plan = await t.importFiles(['pocket/pocket-export.zip', 'omnivore/omnivore-export.zip', 'instapaper/instapaper-export.csv', 'bookmarks/bookmarks.html', 'backup/clipshelf-backup.json'].map(file));
    expect(plan).not.toBeNull();
    const list = await store.listArticles();
    expect(list.length).toBe(plan!.records.length + plan!.pending.length);
    expect(t.message).toMatch(/imported/);
    expect(host.querySelector('[slot="notices"]')?.textContent).toBe(t.message);
    await t.backup();
    const backupText = await downloads[0]!.data.text();
    const parsed = parseBackup(backupText);
    expect(parsed.ok && parsed.backup.articles.length).toBe(list.length);
    // Restore into an empty library: same records.
    store.close();
    globalThis.indexedDB = new IDBFactory();
    store = await openArticleStore();
    await tools().importFiles([{ name: 'backup.json', data: backupText }]);
    const restored = await store.listArticles();
    expect(restored.map((m) => [m.id, m.url, m.state, m.tags, m.read])).toEqual(list.map((m) => [m.id, m.url, m.state, m.tags, m.read]));
  });

  it('a write that fails mid-import leaves the library as it was (nothing half-imported)', async () => {
    const t = tools();
    await t.importFiles([file('instapaper/instapaper-old.csv')]);
    const before = await store.listArticles();
    let calls = 0;
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++calls === 4) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await t.importFiles([file('pocket/pocket-export.zip')]);
    vi.restoreAllMocks();
    expect(calls).toBeGreaterThanOrEqual(4);
    expect(t.message).toMatch(/^Nothing was imported: .*no storage space left/);
    expect((await store.listArticles()).map((m) => [m.id, m.tags, m.read])).toEqual(before.map((m) => [m.id, m.tags, m.read]));
  });

  it('a rejected file is reported and changes nothing', async () => {
    const t = tools();
    await t.importFiles([file('broken/truncated-backup.json')]);
    expect(t.message).toMatch(/truncated-backup\.json: .*cut short/);
    expect(await store.listArticles()).toEqual([]);
  });

  it('exports Markdown (zip) and the widget feed', async () => {
    const t = tools();
    await t.importFiles([file('backup/clipshelf-backup.json')]);
    await t.exportMarkdown();
    await t.exportFeed();
    const zip = unzipSync(new Uint8Array(await downloads[0]!.data.arrayBuffer()));
    expect(Object.keys(zip)).toHaveLength(2);
    const feed = JSON.parse(await downloads[1]!.data.text());
    expect(feed.items).toHaveLength(2);
  });
});
