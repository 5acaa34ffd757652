import Papa from 'papaparse';
import type { ImportHighlight, ImportItem, ImportSkip } from './import-types';

export interface CsvTable {
  /** Lower-cased, trimmed header names. */
  header: string[];
  rows: string[][];
}

/** Parses CSV text strictly: quoting errors reject the file (a damaged export), ragged rows are reported by caller. */
export function parseCsv(text: string): { ok: true; table: CsvTable } | { ok: false; error: string } {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const fatal = result.errors.find((e) => e.type === 'Quotes');
  if (fatal) return { ok: false, error: `the CSV is damaged near row ${(fatal.row ?? 0) + 1}: ${fatal.message}` };
  const [head, ...rows] = result.data;
  if (!head || head.length === 0) return { ok: false, error: 'the CSV file is empty' };
  return { ok: true, table: { header: head.map((h) => String(h).trim().toLowerCase()), rows } };
}

/** Epoch seconds or an ISO date → epoch ms; null when missing or absurd. */
export function parseTime(value: string | undefined): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d{9,11}$/.test(v)) return Number(v) * 1000;
  if (/^\d{12,14}$/.test(v)) return Number(v);
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : t;
}

function splitTags(value: string | undefined, separator: RegExp): string[] {
  if (!value) return [];
  return [...new Set(value.split(separator).map((t) => t.trim()).filter((t) => t.length > 0 && t.length <= 100))];
}

/** Does the header look like a Pocket CSV (title,url,time_added,tags,status in any order)? */
export function isPocketHeader(header: readonly string[]): boolean {
  return header.includes('url') && header.includes('time_added');
}

/** Does the header look like Instapaper's CSV (URL,Title,Selection,Folder,Timestamp[,Tags])? */
export function isInstapaperHeader(header: readonly string[]): boolean {
  return header.includes('url') && header.includes('folder') && header.includes('timestamp');
}

export interface CsvItems {
  items: ImportItem[];
  skipped: ImportSkip[];
}

/** Pocket's part_*.csv: columns found by name; tags pipe-separated; status unread | archive. */
export function readPocketCsv(table: CsvTable, fileName: string): CsvItems | { error: string } {
  const col = (name: string): number => table.header.indexOf(name);
  const url = col('url');
  if (url < 0) return { error: 'the Pocket CSV has no "url" column' };
  const title = col('title');
  const added = col('time_added');
  const tags = col('tags');
  const status = col('status');
  const items: ImportItem[] = [];
  const skipped: ImportSkip[] = [];
  table.rows.forEach((row, i) => {
    const where = `${fileName} row ${i + 2}`;
    const u = row[url]?.trim() ?? '';
    if (!u) return void skipped.push({ file: fileName, item: `row ${i + 2}`, reason: 'no URL' });
    const st = status >= 0 ? (row[status] ?? '').trim().toLowerCase() : '';
    items.push({
      where,
      url: u,
      title: title >= 0 ? (row[title] ?? '').trim() : '',
      tags: splitTags(tags >= 0 ? row[tags] : '', /\|/),
      read: st === 'archive' || st === 'archived' || st === 'read',
      savedAt: parseTime(added >= 0 ? row[added] : undefined),
      highlights: [],
    });
  });
  return { items, skipped };
}

function parseInstapaperTags(value: string | undefined): string[] {
  if (!value) return [];
  const v = value.trim();
  if (v.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(v);
      if (Array.isArray(parsed)) return [...new Set(parsed.filter((t): t is string => typeof t === 'string').map((t) => t.trim()).filter(Boolean))];
    } catch {
      // Not JSON after all: fall back to a comma list.
    }
    return splitTags(v.replace(/^\[|\]$/g, '').replace(/"/g, ''), /,/);
  }
  return splitTags(v, /[,|]/);
}

/** Instapaper's CSV: URL,Title,Selection,Folder,Timestamp[,Tags]. Archive → read; other folders become tags. */
export function readInstapaperCsv(table: CsvTable, fileName: string): CsvItems | { error: string } {
  const col = (name: string): number => table.header.indexOf(name);
  const url = col('url');
  if (url < 0) return { error: 'the Instapaper CSV has no "URL" column' };
  const title = col('title');
  const selection = col('selection');
  const folder = col('folder');
  const time = col('timestamp');
  const tags = col('tags');
  const items: ImportItem[] = [];
  const skipped: ImportSkip[] = [];
  table.rows.forEach((row, i) => {
    const u = row[url]?.trim() ?? '';
    if (!u) return void skipped.push({ file: fileName, item: `row ${i + 2}`, reason: 'no URL' });
    const f = folder >= 0 ? (row[folder] ?? '').trim() : '';
    const rowTags = parseInstapaperTags(tags >= 0 ? row[tags] : '');
    const lf = f.toLowerCase();
    if (lf === 'starred') rowTags.push('starred');
    else if (f && lf !== 'unread' && lf !== 'archive') rowTags.push(f);
    const sel = selection >= 0 ? (row[selection] ?? '').trim() : '';
    const highlights: ImportHighlight[] = sel ? [{ text: sel }] : [];
    items.push({
      where: `${fileName} row ${i + 2}`,
      url: u,
      title: title >= 0 ? (row[title] ?? '').trim() : '',
      tags: [...new Set(rowTags)],
      read: lf === 'archive',
      savedAt: parseTime(time >= 0 ? row[time] : undefined),
      highlights,
    });
  });
  return { items, skipped };
}
