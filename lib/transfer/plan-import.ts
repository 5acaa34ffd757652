import type { Analysis, AnalysisInput, ArticleMeta, ArticleRecord, CapturedArticle } from '../model';
import { createArticleId, createArticleRecord, createPendingRecord, toSpeakerKeys, toTopicKeys } from '../store';
import { IMPORT_FORMAT_NAMES, type ImportFile, type ImportFormat, type ImportHighlight, type ImportItem, type ImportSkip } from './import-types';
import { readImportFile } from './read-import-file';

/**
 * What an import needs from the rest of ClipShelf, injected so planning stays pure and testable in Node:
 * the library page passes the real capture/analysis functions (see createBrowserImportDeps).
 */
export interface ImportDeps {
  /** Captures untrusted article HTML as saved from `url` (Readability + the DOMPurify helper); null when it holds no article text. */
  captureContent(html: string, url: string): Promise<CapturedArticle | null>;
  analyzeArticle(input: AnalysisInput): Analysis;
  /** The same DOMPurify helper capture uses, on an HTML string (for HTML restored from a backup file). */
  sanitizeHtml(html: string, url: string): string;
  /** Dedupe key: the normalized http(s) URL, or null when the address is not a web page. */
  normalizeUrl(url: string): string | null;
}

export interface PlanImportOptions {
  /** Epoch ms of this import (for items without a saved time). */
  now: number;
  /** The library as it is (list-sized records), to merge duplicates into. */
  existing: readonly ArticleMeta[];
  deps: ImportDeps;
}

export interface MergedItem {
  url: string;
  /** 'library': an article already saved (its tags/read state were merged); 'import': a duplicate inside the import. */
  into: 'library' | 'import';
  file: string;
}

export interface ImportFileSummary {
  file: string;
  format: ImportFormat | null;
  /** Items the file listed. */
  found: number;
  /** New articles with content. */
  added: number;
  /** New link-only articles ("to capture"). */
  pending: number;
  merged: number;
  skipped: number;
  /** Why the whole file was rejected (nothing from it is imported). */
  error?: string;
}

export interface ImportPlan {
  /** New articles with content, ready to store (state 'saved'); also pending library articles that now get content. */
  records: ArticleRecord[];
  /** New link-only articles, state 'pending': the background captures them later. */
  pending: ArticleRecord[];
  /** Library articles whose tags or read state change. */
  updates: ArticleMeta[];
  merged: MergedItem[];
  skipped: ImportSkip[];
  /** Highlights found in the exports, by article id (the model has no highlight field yet). */
  highlights: Record<string, ImportHighlight[]>;
  files: ImportFileSummary[];
  /** Non-fatal notes ("content of … could not be read, kept as a link"). */
  warnings: string[];
}

const MAX_TITLE = 500;
const MAX_TAG = 100;

/** Plain, bounded text: no control characters, collapsed whitespace. */
function cleanText(s: string, max: number): string {
  return s.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max);
}

function unionTags(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const t of [...a, ...b]) {
    const tag = cleanText(t, MAX_TAG);
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      out.push(tag);
    }
  }
  return out;
}

const safeHttp = (u: string): string => (/^https?:\/\//i.test(u) ? u : '');

interface Group {
  key: string;
  file: string;
  items: ImportItem[];
}

/** The whole group as one item: tags united, read if any says read, earliest save time, first content found. */
function combine(g: Group): ImportItem {
  const first = g.items[0]!;
  const withRecord = g.items.find((i) => i.record);
  const withHtml = g.items.find((i) => i.html);
  const times = g.items.map((i) => i.savedAt).filter((t): t is number => t !== null && Number.isFinite(t));
  return {
    where: first.where,
    url: first.url,
    title: g.items.map((i) => i.title).find((t) => t.trim()) ?? '',
    tags: g.items.reduce<string[]>((acc, i) => unionTags(acc, i.tags), []),
    read: g.items.some((i) => i.read),
    savedAt: times.length ? Math.min(...times) : null,
    authors: g.items.find((i) => i.authors?.length)?.authors ?? [],
    highlights: g.items.flatMap((i) => i.highlights),
    ...(withRecord?.record ? { record: withRecord.record } : {}),
    ...(withHtml?.html ? { html: withHtml.html } : {}),
  };
}

function pendingRecord(key: string, item: ImportItem, id: string, now: number): ArticleRecord {
  let host = '';
  try {
    host = new URL(key).hostname.replace(/^www\./, '');
  } catch {
    host = '';
  }
  return createPendingRecord({
    id,
    url: key,
    title: cleanText(item.title, MAX_TITLE) || key,
    authors: (item.authors ?? []).map((a) => cleanText(a, 200)).filter(Boolean),
    siteName: host,
    savedAt: item.savedAt ?? now,
    tags: unionTags([], item.tags),
    read: item.read,
  });
}

/** A record from a backup, re-checked: HTML sanitized again, URLs http(s) only, derived keys recomputed. */
function restoredRecord(key: string, item: ImportItem, r: ArticleRecord, id: string, deps: ImportDeps, warnings: string[]): ArticleRecord {
  let html = '';
  if (r.content.html) {
    try {
      html = deps.sanitizeHtml(r.content.html, key);
    } catch (error) {
      // Fail closed: keep the text, drop HTML the sanitizer could not handle.
      warnings.push(`${item.where}: the HTML of ${key} could not be sanitized (${error instanceof Error ? error.message : String(error)}); kept as plain text.`);
      html = '';
    }
  }
  return {
    ...r,
    id,
    url: key,
    pageUrl: deps.normalizeUrl(r.pageUrl) ?? key,
    title: cleanText(r.title, MAX_TITLE),
    imageUrl: safeHttp(r.imageUrl),
    tags: unionTags(r.tags, item.tags),
    read: item.read,
    speakerKeys: toSpeakerKeys(r.analysis),
    topicKeys: toTopicKeys(r.analysis),
    content: { id, html, text: r.content.text },
  };
}

async function capturedRecord(key: string, item: ImportItem, id: string, now: number, deps: ImportDeps): Promise<ArticleRecord | null> {
  const captured = await deps.captureContent(item.html!, key);
  if (!captured || !captured.text.trim()) return null;
  const title = captured.title || cleanText(item.title, MAX_TITLE);
  const authors = captured.authors.length ? captured.authors : item.authors ?? [];
  const analysis = deps.analyzeArticle({ text: captured.text, title, lang: captured.lang || undefined, authors });
  // The export's URL is the identity: a canonical link inside imported HTML must not re-key the article.
  const record = createArticleRecord(
    { ...captured, url: key, pageUrl: key, title, authors, imageUrl: safeHttp(captured.imageUrl) },
    analysis,
    { now: item.savedAt ?? now },
  );
  // The plan's id (it may merge into a saved article) and the export's tags and read state win.
  return { ...record, id, tags: unionTags([], item.tags), read: item.read, content: { ...record.content, id } };
}

/**
 * Plans an import of the offered files against the library: which articles come in (with content, or as links
 * to capture later), which merge into saved ones (same normalized URL), and what is skipped and why. Pure apart
 * from the injected deps: nothing is written; the caller stores `records`, `pending` and `updates` in one
 * transaction, so an import lands whole or not at all. A damaged or foreign file is rejected whole.
 */
export async function planImport(files: readonly ImportFile[], { now, existing, deps }: PlanImportOptions): Promise<ImportPlan> {
  const plan: ImportPlan = { records: [], pending: [], updates: [], merged: [], skipped: [], highlights: {}, files: [], warnings: [] };
  const byUrl = new Map<string, ArticleMeta>();
  const ids = new Set<string>();
  for (const m of existing) {
    byUrl.set(deps.normalizeUrl(m.url) ?? m.url, m);
    ids.add(m.id);
  }
  const groups = new Map<string, Group>();
  const summaries = new Map<string, ImportFileSummary>();

  for (const file of files) {
    const read = readImportFile(file);
    if (!read.ok) {
      plan.skipped.push({ file: file.name, reason: read.error });
      plan.files.push({ file: file.name, format: null, found: 0, added: 0, pending: 0, merged: 0, skipped: 0, error: read.error });
      continue;
    }
    const summary: ImportFileSummary = { file: file.name, format: read.format, found: read.items.length + read.skipped.length, added: 0, pending: 0, merged: 0, skipped: read.skipped.length };
    plan.files.push(summary);
    summaries.set(file.name, summary);
    plan.skipped.push(...read.skipped);
    for (const item of read.items) {
      const key = deps.normalizeUrl(item.url);
      if (!key) {
        plan.skipped.push({ file: file.name, item: item.url.slice(0, 200) || item.where, reason: 'not a web address (only http and https pages can be saved)' });
        summary.skipped++;
        continue;
      }
      const group = groups.get(key);
      if (group) {
        group.items.push(item);
        plan.merged.push({ url: key, into: 'import', file: file.name });
        summary.merged++;
      } else {
        groups.set(key, { key, file: file.name, items: [item] });
      }
    }
  }

  for (const group of groups.values()) {
    const summary = summaries.get(group.file)!;
    const item = combine(group);
    const saved = byUrl.get(group.key);
    if (saved) {
      plan.merged.push({ url: group.key, into: 'library', file: group.file });
      summary.merged++;
      const tags = unionTags(saved.tags, item.tags);
      const read = saved.read || item.read;
      if (saved.state === 'pending' && (item.html || item.record?.state === 'saved')) {
        const upgraded = await buildRecord(group.key, item, saved.id, now, deps, plan.warnings);
        if (upgraded.state === 'saved') {
          plan.records.push({ ...upgraded, savedAt: Math.min(saved.savedAt, upgraded.savedAt), tags, read });
          continue;
        }
      }
      if (tags.length !== saved.tags.length || read !== saved.read) plan.updates.push({ ...saved, tags, read });
      if (item.highlights.length) plan.highlights[saved.id] = item.highlights;
      continue;
    }
    // A backup's id is kept when it is a plain, unused id (it appears in library URLs); otherwise one is derived.
    const backupId = item.record?.id ?? '';
    let id = /^[\w-]{1,100}$/.test(backupId) && !ids.has(backupId) ? backupId : createArticleId(group.key);
    for (let n = 2; ids.has(id); n++) id = `${createArticleId(group.key)}-${n}`;
    ids.add(id);
    const record = await buildRecord(group.key, item, id, now, deps, plan.warnings);
    if (record.state === 'saved') {
      plan.records.push(record);
      summary.added++;
    } else {
      plan.pending.push(record);
      summary.pending++;
    }
    if (item.highlights.length) plan.highlights[id] = item.highlights;
  }
  return plan;
}

async function buildRecord(key: string, item: ImportItem, id: string, now: number, deps: ImportDeps, warnings: string[]): Promise<ArticleRecord> {
  if (item.record) return restoredRecord(key, item, item.record, id, deps, warnings);
  if (item.html) {
    try {
      const rec = await capturedRecord(key, item, id, now, deps);
      if (rec) return rec;
      warnings.push(`${item.where}: the saved content of ${key} has no article text; kept as a link to capture.`);
    } catch (error) {
      warnings.push(`${item.where}: the saved content of ${key} could not be read (${error instanceof Error ? error.message : String(error)}); kept as a link to capture.`);
    }
  }
  return pendingRecord(key, item, id, now);
}

/** One line for the user: what came in, what merged, what was skipped and why. */
export function summarizeImport(plan: ImportPlan): string {
  const parts: string[] = [];
  const added = plan.records.length;
  const pending = plan.pending.length;
  parts.push(`${added + pending} article${added + pending === 1 ? '' : 's'} imported (${added} with content, ${pending} to capture)`);
  if (plan.merged.length) parts.push(`${plan.merged.length} merged with articles you already had or duplicates in the files`);
  if (plan.skipped.length) {
    const reasons = new Map<string, number>();
    for (const s of plan.skipped) reasons.set(s.item ? s.reason : `${s.file}: ${s.reason}`, (reasons.get(s.item ? s.reason : `${s.file}: ${s.reason}`) ?? 0) + 1);
    parts.push(`${plan.skipped.length} skipped (${[...reasons].map(([r, n]) => (n > 1 ? `${n}× ${r}` : r)).join('; ')})`);
  }
  const formats = plan.files.filter((f) => f.format).map((f) => `${f.file}: ${IMPORT_FORMAT_NAMES[f.format!]}`);
  return `${parts.join(', ')}.${formats.length ? ` Read ${formats.join(', ')}.` : ''}`;
}
