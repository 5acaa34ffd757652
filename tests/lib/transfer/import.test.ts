import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../lib/analysis';
import type { ArticleMeta } from '../../../lib/model';
import { planImport, readImportFile, summarizeImport, type ImportFile, type ImportPlan } from '../../../lib/transfer';
import { createNodeImportDeps } from './node-import-deps';

const fixtures = join(__dirname, '..', '..', 'fixtures', 'imports');
const file = (p: string): ImportFile => ({ name: p.split('/').pop()!, data: new Uint8Array(readFileSync(join(fixtures, p))) });
const deps = createNodeImportDeps();
const NOW = Date.UTC(2026, 10, 28, 12);
const plan = (files: ImportFile[], existing: ArticleMeta[] = []): Promise<ImportPlan> => planImport(files, { now: NOW, existing, deps });

const findActiveContentLite = (html: string): boolean => /<frame|<script|\son\w+=|javascript:/i.test(html);

/** No executable markup anywhere in stored HTML. */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<script|<iframe|<svg[^>]*onload|\son[a-z]+\s*=|javascript:|data:text\/html/i);
}

describe('readImportFile: formats', () => {
  it('Pocket zip: part_*.csv columns by name, pipe tags, status, annotations', () => {
    const r = readImportFile(file('pocket/pocket-export.zip'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.format).toBe('pocket-csv');
    expect(r.items).toHaveLength(7);
    expect(r.skipped).toEqual([expect.objectContaining({ reason: 'no URL' })]);
    const park = r.items[0]!;
    expect(park).toMatchObject({ title: 'Council approves riverside park plan', tags: ['city', 'parks'], read: false, savedAt: 1763631000000 });
    expect(r.items[1]).toMatchObject({ title: 'Rates, inflation and you: what the bank decided', read: true });
    expect(r.items[4]!.title).toBe('Scientists map the "dark" ocean floor');
    expect(r.items[4]!.highlights).toEqual([{ text: 'Only a quarter of the ocean floor has been mapped in high resolution.' }]);
  });

  it('Pocket ril_export.html: unread and read archive, tags, entities decoded to text', () => {
    const r = readImportFile(file('pocket/ril_export.html'));
    expect(r.ok && r.format).toBe('pocket-html');
    if (!r.ok) return;
    expect(r.items.map((i) => i.read)).toEqual([false, false, false, true, true]);
    expect(r.items[2]).toMatchObject({ url: 'https://music.example.com/review?id=7&lang=en', title: 'Album review: <b>Loud</b> & clear', tags: ['music'] });
  });

  it('Instapaper CSV with and without Tags; Archive → read; folders → tags; selection → highlight', () => {
    const r = readImportFile(file('instapaper/instapaper-export.csv'));
    expect(r.ok && r.format).toBe('instapaper-csv');
    if (!r.ok) return;
    expect(r.items).toHaveLength(5);
    expect(r.items[0]).toMatchObject({ tags: ['city', 'parks'], read: false, highlights: [{ text: '"This is the most important green space decision we have made in a generation"' }] });
    expect(r.items[1]!.read).toBe(true);
    expect(r.items[2]!.tags).toEqual(['longread', 'starred']);
    expect(r.items[3]!.tags).toEqual(['Recipes']);
    const old = readImportFile(file('instapaper/instapaper-old.csv'));
    expect(old.ok && old.items.length).toBe(2);
  });

  it('Omnivore zip: metadata, content, labels, highlights; deleted and path-like slugs handled', () => {
    const r = readImportFile(file('omnivore/omnivore-export.zip'));
    expect(r.ok && r.format).toBe('omnivore-zip');
    if (!r.ok) return;
    expect(r.items).toHaveLength(4);
    expect(r.skipped).toEqual([expect.objectContaining({ reason: 'deleted in Omnivore' })]);
    expect(r.items[0]).toMatchObject({ read: true, tags: ['city', 'parks'], authors: ['Jane Reporter'] });
    expect(r.items[0]!.html).toContain('Maria Delgado');
    expect(r.items[0]!.highlights[0]).toEqual({ text: 'This is the most important green space decision we have made in a generation', note: 'Good quote for the newsletter.' });
    expect(r.items[1]!.tags).toEqual(['security']);
    expect(r.items[2]!.html).toBeUndefined();
    expect(r.items[3]!.html).toBeUndefined(); // "../../etc/passwd" slug: never used as a path
  });

  it('Netscape bookmarks: folders become tags (not browser roots), TAGS kept', () => {
    const r = readImportFile(file('bookmarks/bookmarks.html'));
    expect(r.ok && r.format).toBe('bookmarks-html');
    if (!r.ok) return;
    expect(r.items).toHaveLength(6);
    expect(r.items[0]!.tags).toEqual([]);
    expect(r.items[1]!.tags).toEqual(['longread', 'sea', 'Reading list']);
    expect(r.items[2]!.title).toBe('Scientists map the "dark" ocean floor');
  });
});

describe('readImportFile: broken and foreign files are rejected whole with a reason', () => {
  const expected: Record<string, RegExp> = {
    'truncated-backup.json': /cut short/,
    'backup-count-mismatch.json': /says 5 articles but holds 3/,
    'backup-wrong-types.json': /savedAt: expected a number/,
    'backup-newer-version.json': /newer ClipShelf/,
    'pocket-truncated.zip': /zip file is damaged or incomplete/,
    'not-really.zip': /named \.zip but is not a zip/,
    'instapaper-bad-quotes.csv': /CSV is damaged near row/,
    'foreign.csv': /unrecognized file \(first line: "name,email,phone"\)/,
    'empty.csv': /the file is empty/,
    'image.png': /binary data/,
    'feed.json': /feed .* not a backup/,
    'omnivore-bad-metadata.zip': /metadata_0_to_1\.json is not valid JSON/,
    'unrelated.zip': /holds no export files/,
    'random.html': /not a bookmarks export or a Pocket export/,
  };
  it('covers every broken fixture', () => {
    expect(readdirSync(join(fixtures, 'broken')).sort()).toEqual(Object.keys(expected).sort());
  });
  it.each(Object.entries(expected))('%s', async (name, message) => {
    const r = readImportFile(file(`broken/${name}`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
    const p = await plan([file(`broken/${name}`)]);
    expect(p.records.length + p.pending.length + p.updates.length).toBe(0);
    expect(p.files[0]!.error).toMatch(message);
  });
});

describe('hostile archives', () => {
  it('a zip whose entries declare a huge unpacked size (zip bomb) is refused before inflating', () => {
    const zip = zipSync({ 'part_000000.csv': strToU8('title,url,time_added,tags,status\nA,https://a.example/,1,,unread\n') });
    // Patch the central directory's "uncompressed size" to ~4 GB, as a bomb declares it.
    for (let i = zip.length - 22; i >= 0; i--) {
      if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 0x01 && zip[i + 3] === 0x02) {
        new DataView(zip.buffer, zip.byteOffset).setUint32(i + 24, 0xfffffff0, true);
        break;
      }
    }
    const r = readImportFile({ name: 'bomb.zip', data: zip });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/unpacks to more than/);
  });

  it('a zip with more entries than any export has is refused', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= 50_000; i++) files[`f${i}.txt`] = new Uint8Array(0);
    const r = readImportFile({ name: 'many.zip', data: zipSync(files, { level: 0 }) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/50000 files/);
  });

  it('zip entry names with ../ are only lookup keys, never paths', () => {
    const zip = zipSync({ '../../evil/part_000000.csv': strToU8('title,url,time_added\nA,https://a.example/,1\n') });
    const r = readImportFile({ name: 'traversal.zip', data: zip });
    expect(r.ok && r.items.map((i) => i.url)).toEqual(['https://a.example/']);
  });
});

describe('planImport', () => {
  it('Pocket: dedupes by normalized URL (tracking params, fragment), merges tags and read state, skips non-web links', async () => {
    const p = await plan([file('pocket/pocket-export.zip')]);
    expect(p.records).toHaveLength(0);
    expect(p.pending).toHaveLength(5);
    const park = p.pending.find((r) => r.url === 'https://news.example.org/2026/11/riverside-park')!;
    expect(park).toMatchObject({ state: 'pending', tags: ['city', 'parks', 'local'], read: true, savedAt: 1763000000000, title: 'Council approves riverside park plan' });
    expect(p.merged).toEqual([{ url: park.url, into: 'import', file: 'pocket-export.zip' }]);
    expect(p.skipped.map((s) => s.reason)).toEqual(['no URL', 'not a web address (only http and https pages can be saved)']);
    expect(p.pending.find((r) => r.url.startsWith('https://science.example.org/'))!.url).toBe('https://science.example.org/ocean-floor');
    expect(Object.values(p.highlights).flat()).toHaveLength(1);
  });

  it('Omnivore: content is captured, sanitized and analysed; link-only items stay pending', async () => {
    const p = await plan([file('omnivore/omnivore-export.zip')]);
    expect(p.records.map((r) => r.url).sort()).toEqual(['https://hostile.example.com/story', 'https://news.example.org/2026/11/riverside-park']);
    expect(p.pending.map((r) => r.url).sort()).toEqual(['https://later.example.com/post', 'https://slug.example.com/a']);
    const park = p.records.find((r) => r.url.includes('riverside'))!;
    expect(park.state).toBe('saved');
    expect(park.read).toBe(true);
    expect(park.content.text).toContain('Maria Delgado');
    // The analysis is analyzeArticle's on the captured text (its quality is tested in tests/lib/analysis).
    expect(park.analysis).toEqual(analyzeArticle({ text: park.content.text, title: park.title, lang: park.lang || undefined, authors: park.authors }));
    expect(park.speakerKeys).toEqual(park.analysis.speakers.filter((s) => s.kind !== 'unnamed').map((s) => s.name.toLowerCase()).filter((k, i, a) => a.indexOf(k) === i));
    const hostile = p.records.find((r) => r.url.includes('hostile'))!;
    // The canonical link inside the imported HTML does not re-key the article.
    expect(hostile.url).toBe('https://hostile.example.com/story');
    expectInert(hostile.content.html);
    expect(hostile.content.text).toContain('ferry terminal');
  });

  it('ClipShelf backup: restored whole, HTML sanitized again, unsafe URLs dropped, markup in text kept as text', async () => {
    const p = await plan([file('backup/clipshelf-backup.json')]);
    expect(p.records).toHaveLength(2);
    expect(p.pending).toHaveLength(1);
    const hostile = p.records.find((r) => r.id === 'a0000000000000002')!;
    expectInert(hostile.content.html);
    expect(hostile.imageUrl).toBe('');
    expect(hostile.title).toBe('Backup with <img src=x onerror=__clipCanary(9101)> in the title');
    expect(p.records[0]!.analysis.speakers[0]!.name).toBe('Maria Delgado');
  });

  it('a backup whose HTML the sanitizer cannot handle (frameset) still imports, as text, with a warning', async () => {
    const data = JSON.parse(readFileSync(join(fixtures, 'backup/clipshelf-backup.json'), 'utf8'));
    data.articles[0].content.html = '<frameset onload="__clipCanary(1)"><frame src="javascript:__clipCanary(2)"></frameset>';
    const p = await plan([{ name: 'frameset-backup.json', data: JSON.stringify(data) }]);
    const rec = p.records.find((r) => r.id === data.articles[0].id)!;
    expect(findActiveContentLite(rec.content.html)).toBe(false);
    expect(rec.content.text).toBe(data.articles[0].content.text);
  });

  it('merges into the library: tags united, read kept, a pending article gets content', async () => {
    const first = await plan([file('pocket/pocket-export.zip')]);
    const library: ArticleMeta[] = first.pending.map(({ content: _c, ...meta }) => meta);
    const p = await plan([file('omnivore/omnivore-export.zip'), file('instapaper/instapaper-export.csv'), file('bookmarks/bookmarks.html')], library);
    const park = p.records.find((r) => r.url === 'https://news.example.org/2026/11/riverside-park');
    expect(park?.state).toBe('saved');
    expect(park?.id).toBe(library.find((m) => m.url === park!.url)!.id);
    expect(park?.tags).toEqual(expect.arrayContaining(['city', 'parks', 'local']));
    expect(p.merged.filter((m) => m.into === 'library').length).toBeGreaterThanOrEqual(3);
    const ids = [...p.records, ...p.pending].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('prints a summary with counts per format (figures for the report)', async () => {
    const formats = ['pocket/pocket-export.zip', 'pocket/ril_export.html', 'instapaper/instapaper-export.csv', 'omnivore/omnivore-export.zip', 'bookmarks/bookmarks.html', 'backup/clipshelf-backup.json'];
    for (const f of formats) {
      const p = await plan([file(f)]);
      const s = p.files[0]!;
      console.log(`[import] ${f}: found ${s.found}, with content ${s.added}, to capture ${s.pending}, merged ${s.merged}, skipped ${s.skipped}`);
      expect(s.error).toBeUndefined();
      expect(summarizeImport(p)).toMatch(/imported/);
    }
    const all = await plan(formats.map(file));
    console.log(`[import] all together: ${summarizeImport(all)}`);
  });
});
