/**
 * Import plans stored through lib/store: every format lands, a backup restores the same library, a write that
 * fails mid-import leaves the library as it was, and a rejected file changes nothing.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { ArticleStore } from '../../../lib/store';
import { applyImportPlan, createBackup, planImport, readLibrary, serializeBackup, type ImportFile } from '../../../lib/transfer';
import { createNodeImportDeps } from './node-import-deps';
import { useFreshStore } from '../../helpers/use-fresh-store';

const fixtures = join(__dirname, '..', '..', 'fixtures', 'imports');
const file = (p: string): ImportFile => ({ name: p.split('/').pop()!, data: new Uint8Array(readFileSync(join(fixtures, p))) });
const NOW = Date.UTC(2026, 10, 28);
const deps = createNodeImportDeps();

let store: ArticleStore;
const startOver = useFreshStore((s) => (store = s));

async function importFiles(files: ImportFile[]) {
  const plan = await planImport(files, { now: NOW, existing: await store.listArticles(), deps });
  await applyImportPlan(store, plan);
  return plan;
}

describe('applyImportPlan', () => {
  it('imports every format; a backup of the result restores the same library', async () => {
    const plan = await importFiles(['pocket/pocket-export.zip', 'omnivore/omnivore-export.zip', 'instapaper/instapaper-export.csv', 'bookmarks/bookmarks.html', 'backup/clipshelf-backup.json'].map(file));
    const library = await readLibrary(store);
    expect(library.length).toBe(plan.records.length + plan.pending.length);
    const text = serializeBackup(createBackup(library, { now: NOW }));
    await startOver();
    await importFiles([{ name: 'backup.json', data: text }]);
    const restored = await readLibrary(store);
    const key = (r: (typeof restored)[number]) => [r.id, r.url, r.state, r.tags, r.read, r.content.text, r.analysis];
    expect(restored.map(key)).toEqual(library.map(key));
    // And the second backup is the first one again.
    expect(serializeBackup(createBackup(restored, { now: NOW }))).toBe(text);
  });

  it('a second import merges tags and read state into the library, without duplicates', async () => {
    await importFiles([file('pocket/pocket-export.zip')]);
    const plan = await importFiles([file('bookmarks/bookmarks.html')]);
    expect(plan.updates.map((m) => m.url)).toEqual(['https://science.example.org/ocean-floor']);
    const ocean = (await store.listArticles()).find((m) => m.url === 'https://science.example.org/ocean-floor')!;
    expect(ocean).toMatchObject({ tags: ['science', 'ocean', 'maps', 'Reading list'], read: true });
    const urls = (await store.listArticles()).map((m) => m.url);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('a write that fails mid-import leaves the library as it was (nothing half-imported)', async () => {
    await importFiles([file('instapaper/instapaper-old.csv')]);
    const before = await readLibrary(store);
    let calls = 0;
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++calls === 4) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const error = await importFiles([file('pocket/pocket-export.zip')]).catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(calls).toBeGreaterThanOrEqual(4);
    expect(String(error)).toMatch(/no storage space left|nothing was imported/i);
    expect(await readLibrary(store)).toEqual(before);
  });

  it('a rejected file changes nothing', async () => {
    const plan = await importFiles([file('broken/truncated-backup.json')]);
    expect(plan.files[0]!.error).toMatch(/cut short/);
    expect(await store.listArticles()).toEqual([]);
  });
});
