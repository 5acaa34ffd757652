import { unzipSync } from 'fflate';
import { parseBackup } from './backup';
import { IMPORT_LIMITS, type ImportFile, type ImportHighlight, type ImportItem, type ImportSkip, type ReadImportResult } from './import-types';
import { isInstapaperHeader, isPocketHeader, parseCsv, parseTime, readInstapaperCsv, readPocketCsv } from './parse-csv-exports';
import { isNetscapeBookmarks, isPocketHtml, readNetscapeBookmarks, readPocketHtml } from './parse-html-exports';
import { isFields } from './read-article-record';

const EXPECTED =
  'expected a Pocket export (zip, part_*.csv or ril_export.html), an Instapaper CSV, an Omnivore export zip, a bookmarks HTML file or a ClipShelf backup (.json)';

const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);

/** Bytes → text: UTF-8 (BOM stripped) or UTF-16 with a BOM; null for binary data. */
export function decodeText(data: Uint8Array | string): string | null {
  if (typeof data === 'string') return data.replace(/^\uFEFF/, '');
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  const head = data.subarray(0, 4096);
  if (head.includes(0)) return null;
  return new TextDecoder('utf-8').decode(data).replace(/^\uFEFF/, '');
}

function unzip(data: Uint8Array): { ok: true; entries: Map<string, Uint8Array> } | { ok: false; error: string } {
  let declared = 0;
  let count = 0;
  let tooBig = false;
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(data, {
      filter: (f) => {
        if (f.name.endsWith('/')) return false;
        count++;
        declared += f.originalSize;
        if (count > IMPORT_LIMITS.maxZipEntries || declared > IMPORT_LIMITS.maxUnzippedBytes) tooBig = true;
        return !tooBig;
      },
    });
  } catch (error) {
    return { ok: false, error: `the zip file is damaged or incomplete (${error instanceof Error ? error.message : String(error)})` };
  }
  if (tooBig) return { ok: false, error: `the zip file unpacks to more than ${IMPORT_LIMITS.maxUnzippedBytes / 1024 / 1024} MB or ${IMPORT_LIMITS.maxZipEntries} files; it is not a plain export` };
  let actual = 0;
  const entries = new Map<string, Uint8Array>();
  for (const [name, bytes] of Object.entries(raw)) {
    actual += bytes.length;
    // Zip entry names are only used as lookup keys, never as paths on disk.
    entries.set(name.replace(/\\/g, '/'), bytes);
  }
  if (actual > IMPORT_LIMITS.maxUnzippedBytes) return { ok: false, error: 'the zip file unpacks to more data than it declares; it is not a plain export' };
  return { ok: true, entries };
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Reads one offered file: detects its format and lists its items. A damaged or foreign file is rejected whole. */
export function readImportFile(file: ImportFile): ReadImportResult {
  const fail = (error: string): ReadImportResult => ({ ok: false, file: file.name, error });
  const size = typeof file.data === 'string' ? file.data.length : file.data.byteLength;
  if (size === 0) return fail('the file is empty');
  if (size > IMPORT_LIMITS.maxFileBytes) return fail(`the file is larger than ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB`);
  if (typeof file.data !== 'string' && isZip(file.data)) return readZip(file.name, file.data);
  if (/\.zip$/i.test(file.name)) return fail('the file is named .zip but is not a zip archive (it may be damaged or incomplete)');
  const text = decodeText(file.data);
  if (text === null) return fail(`the file is binary data, not an export; ${EXPECTED}`);
  const head = text.trimStart().slice(0, 1);
  if (head === '{' || head === '[') return readJson(file.name, text);
  if (head === '<') {
    if (isNetscapeBookmarks(text)) return finish(file.name, 'bookmarks-html', readNetscapeBookmarks(text, file.name), []);
    if (isPocketHtml(text)) return finish(file.name, 'pocket-html', readPocketHtml(text, file.name), []);
    return fail(`this HTML file is not a bookmarks export or a Pocket export; ${EXPECTED}`);
  }
  const csv = parseCsv(text);
  if (!csv.ok) return fail(csv.error);
  if (isPocketHeader(csv.table.header)) {
    const r = readPocketCsv(csv.table, file.name);
    return 'error' in r ? fail(r.error) : finish(file.name, 'pocket-csv', r.items, r.skipped);
  }
  if (isInstapaperHeader(csv.table.header)) {
    const r = readInstapaperCsv(csv.table, file.name);
    return 'error' in r ? fail(r.error) : finish(file.name, 'instapaper-csv', r.items, r.skipped);
  }
  return fail(`unrecognized file (first line: ${JSON.stringify(text.split(/\r?\n/, 1)[0]!.slice(0, 80))}); ${EXPECTED}`);
}

function finish(file: string, format: Extract<ReadImportResult, { ok: true }>['format'], items: ImportItem[], skipped: ImportSkip[]): ReadImportResult {
  if (items.length > IMPORT_LIMITS.maxItems) {
    return { ok: false, file, error: `the file lists ${items.length} items; ClipShelf imports at most ${IMPORT_LIMITS.maxItems} from one file` };
  }
  return { ok: true, file, format, items, skipped };
}

function readJson(name: string, text: string): ReadImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, file: name, error: /end of (JSON )?input|Unterminated/i.test(detail) ? `the JSON file is cut short (${detail})` : `the file is not valid JSON (${detail})` };
  }
  if (isFields(data) && typeof data.format === 'string' && data.format.startsWith('clipshelf-backup')) {
    const parsed = parseBackup(data);
    if (!parsed.ok) return { ok: false, file: name, error: `the ClipShelf backup is invalid: ${parsed.errors.join('; ')}` };
    const items: ImportItem[] = parsed.backup.articles.map((r, i) => ({
      where: `${name} article ${i + 1}`,
      url: r.url,
      title: r.title,
      tags: r.tags,
      read: r.read,
      savedAt: r.savedAt,
      authors: r.authors,
      highlights: [],
      record: r,
    }));
    return finish(name, 'clipshelf-backup', items, []);
  }
  if (isFields(data) && typeof data.version === 'string' && data.version.includes('jsonfeed')) {
    return { ok: false, file: name, error: 'this is a ClipShelf/JSON feed (made for the <clip-shelf> widget), not a backup; export a backup from the library page instead' };
  }
  return { ok: false, file: name, error: `this JSON file is not a ClipShelf backup; ${EXPECTED}` };
}

function readZip(name: string, data: Uint8Array): ReadImportResult {
  const z = unzip(data);
  if (!z.ok) return { ok: false, file: name, error: z.error };
  const paths = [...z.entries.keys()];
  const pocketParts = paths.filter((p) => /^part_\d+\.csv$/i.test(baseName(p))).sort();
  const omnivoreMeta = paths.filter((p) => /^metadata_.*\.json$/i.test(baseName(p))).sort();
  if (omnivoreMeta.length > 0) return readOmnivore(name, z.entries, omnivoreMeta);
  if (pocketParts.length > 0) return readPocketZip(name, z.entries, pocketParts);
  const single = paths.filter((p) => !baseName(p).startsWith('.') && !p.startsWith('__MACOSX/'));
  if (single.length === 1) {
    const inner = readImportFile({ name: `${name}/${single[0]}`, data: z.entries.get(single[0]!)! });
    return inner;
  }
  return { ok: false, file: name, error: `this zip holds no export files (no part_*.csv, no metadata_*.json); ${EXPECTED}` };
}

function readPocketZip(name: string, entries: Map<string, Uint8Array>, parts: string[]): ReadImportResult {
  const items: ImportItem[] = [];
  const skipped: ImportSkip[] = [];
  for (const part of parts) {
    const text = decodeText(entries.get(part)!);
    if (text === null) return { ok: false, file: name, error: `${part} is binary data, not CSV` };
    const csv = parseCsv(text);
    if (!csv.ok) return { ok: false, file: name, error: `${part}: ${csv.error}` };
    if (!isPocketHeader(csv.table.header)) return { ok: false, file: name, error: `${part} lacks Pocket's columns (found: ${csv.table.header.slice(0, 8).join(', ')})` };
    const r = readPocketCsv(csv.table, `${name}/${part}`);
    if ('error' in r) return { ok: false, file: name, error: `${part}: ${r.error}` };
    items.push(...r.items);
    skipped.push(...r.skipped.map((s) => ({ ...s, file: name, item: `${part} ${s.item ?? ''}`.trim() })));
  }
  // annotations/part_*.json: [{ url, title, highlights: [{ quote, created_at }] }]
  const byUrl = new Map(items.map((it) => [it.url, it]));
  for (const [path, bytes] of entries) {
    if (!/(^|\/)annotations\/[^/]+\.json$/i.test(path)) continue;
    const text = decodeText(bytes);
    let list: unknown;
    try {
      list = text === null ? null : JSON.parse(text);
    } catch {
      list = null;
    }
    if (!Array.isArray(list)) {
      skipped.push({ file: name, item: path, reason: 'highlights file is not valid JSON; highlights in it were not imported' });
      continue;
    }
    for (const entry of list) {
      if (!isFields(entry) || typeof entry.url !== 'string' || !Array.isArray(entry.highlights)) continue;
      const item = byUrl.get(entry.url);
      if (!item) continue;
      for (const h of entry.highlights) if (isFields(h) && typeof h.quote === 'string' && h.quote.trim()) item.highlights.push({ text: h.quote.trim() });
    }
  }
  return finish(name, 'pocket-csv', items, skipped);
}

/** Omnivore's highlights/<slug>.md: blocks of "> quote" lines, optionally followed by a note. */
export function parseOmnivoreHighlights(md: string): ImportHighlight[] {
  const out: ImportHighlight[] = [];
  for (const block of md.split(/\n\s*\n/)) {
    const lines = block.split('\n');
    const quote = lines.filter((l) => l.startsWith('>')).map((l) => l.replace(/^>\s?/, '')).join(' ');
    const text = quote.replace(/\s*\[⤴️\]\([^)]*\)\s*$/u, '').trim();
    if (text) out.push({ text });
    else if (out.length > 0 && block.trim()) out[out.length - 1]!.note = block.trim();
  }
  return out;
}

function readOmnivore(name: string, entries: Map<string, Uint8Array>, metaFiles: string[]): ReadImportResult {
  const items: ImportItem[] = [];
  const skipped: ImportSkip[] = [];
  const find = (dir: string, file: string): Uint8Array | undefined => {
    for (const [path, bytes] of entries) if (path === `${dir}/${file}` || path.endsWith(`/${dir}/${file}`)) return bytes;
    return undefined;
  };
  for (const metaPath of metaFiles) {
    const text = decodeText(entries.get(metaPath)!);
    let list: unknown;
    try {
      list = text === null ? null : JSON.parse(text);
    } catch (error) {
      return { ok: false, file: name, error: `${metaPath} is not valid JSON (${error instanceof Error ? error.message : String(error)}); the export is damaged` };
    }
    if (!Array.isArray(list)) return { ok: false, file: name, error: `${metaPath} should hold a list of articles` };
    list.forEach((entry, i) => {
      const where = `${metaPath} item ${i + 1}`;
      if (!isFields(entry)) return void skipped.push({ file: name, item: where, reason: 'not an article object' });
      if (typeof entry.url !== 'string' || !entry.url.trim()) return void skipped.push({ file: name, item: where, reason: 'no URL' });
      if (entry.state === 'Deleted') return void skipped.push({ file: name, item: entry.url, reason: 'deleted in Omnivore' });
      const slug = typeof entry.slug === 'string' && /^[\w.-]+$/.test(entry.slug) ? entry.slug : null;
      const htmlBytes = slug ? find('content', `${slug}.html`) : undefined;
      const mdBytes = slug ? find('highlights', `${slug}.md`) : undefined;
      const html = htmlBytes ? decodeText(htmlBytes) ?? undefined : undefined;
      const labels = Array.isArray(entry.labels)
        ? entry.labels.map((l) => (typeof l === 'string' ? l : isFields(l) && typeof l.name === 'string' ? l.name : '')).filter(Boolean)
        : [];
      items.push({
        where,
        url: entry.url.trim(),
        title: typeof entry.title === 'string' ? entry.title : '',
        tags: [...new Set(labels)],
        read: entry.state === 'Archived' || (typeof entry.readingProgress === 'number' && entry.readingProgress >= 100),
        savedAt: typeof entry.savedAt === 'string' ? parseTime(entry.savedAt) : null,
        authors: typeof entry.author === 'string' && entry.author.trim() ? [entry.author.trim()] : [],
        highlights: mdBytes ? parseOmnivoreHighlights(decodeText(mdBytes) ?? '') : [],
        ...(html && html.trim() ? { html } : {}),
      });
    });
  }
  return finish(name, 'omnivore-zip', items, skipped);
}
