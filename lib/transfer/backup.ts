import type { ArticleRecord } from '../model';
import { IssueList, isFields, readArticleRecord } from './read-article-record';

/**
 * ClipShelf backup file, version 1: one JSON document holding every article whole (metadata, sanitized
 * HTML, text, analysis, tags, read state, times).
 *
 * ```jsonc
 * {
 *   "format": "clipshelf-backup",   // identifies the file
 *   "version": 1,                   // bumped on a breaking change; parseBackup rejects versions it does not know
 *   "createdAt": "2026-11-28T10:00:00.000Z",
 *   "count": 2,                     // must equal articles.length: catches files cut short at an item boundary
 *   "articles": [ ArticleRecord, … ] // lib/model ArticleRecord, content inline
 * }
 * ```
 */
export const BACKUP_FORMAT = 'clipshelf-backup';
export const BACKUP_VERSION = 1;

export interface ClipShelfBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 UTC time the backup was made. */
  createdAt: string;
  count: number;
  articles: ArticleRecord[];
}

export interface CreateBackupOptions {
  /** Epoch milliseconds, the backup's time. */
  now: number;
}

/** Builds a backup of the given records (oldest save first, so two backups of one library are identical). */
export function createBackup(records: readonly ArticleRecord[], { now }: CreateBackupOptions): ClipShelfBackup {
  const articles = [...records]
    .sort((a, b) => a.savedAt - b.savedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(toCanonicalRecord);
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date(now).toISOString(), count: articles.length, articles };
}

/** The backup as file text (UTF-8 JSON, one line per article is not needed: plain 1-space indentation keeps it diffable and small). */
export function serializeBackup(backup: ClipShelfBackup): string {
  return JSON.stringify(backup, null, 1) + '\n';
}

/** A suggested file name: clipshelf-backup-2026-11-28.json. */
export function backupFileName(now: number): string {
  return `clipshelf-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}

export type ParseBackupResult =
  | { ok: true; backup: ClipShelfBackup }
  | { ok: false; errors: string[] };

/**
 * Reads a backup from file text (or already-parsed JSON). All or nothing: any wrong type, a missing field,
 * an unknown version or a file cut short rejects the whole file, with messages naming the JSON path.
 * The HTML inside is *not* trusted by this function: callers sanitize it again before storing (planImport does).
 */
export function parseBackup(input: unknown): ParseBackupResult {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const truncated = /end of (JSON )?input|Unterminated/i.test(detail);
      return {
        ok: false,
        errors: [truncated
          ? `The backup file is cut short (its JSON ends too early: ${detail}). Use the complete file.`
          : `The backup file is not valid JSON (${detail}).`],
      };
    }
  }
  if (!isFields(data)) return { ok: false, errors: ['The file is not a ClipShelf backup: expected a JSON object.'] };
  if (data.format !== BACKUP_FORMAT) {
    return { ok: false, errors: [`The file is not a ClipShelf backup: "format" is ${JSON.stringify(data.format)?.slice(0, 60) ?? 'missing'}, expected "${BACKUP_FORMAT}".`] };
  }
  if (data.version !== BACKUP_VERSION) {
    return {
      ok: false,
      errors: [typeof data.version === 'number' && data.version > BACKUP_VERSION
        ? `This backup was made by a newer ClipShelf (format version ${data.version}); update ClipShelf to restore it.`
        : `Unknown backup format version ${JSON.stringify(data.version)?.slice(0, 20) ?? '(missing)'}.`],
    };
  }
  const issues = new IssueList();
  if (typeof data.createdAt !== 'string' || Number.isNaN(Date.parse(data.createdAt))) issues.add('createdAt', 'expected an ISO date-time');
  if (!Array.isArray(data.articles)) {
    issues.add('articles', 'expected a list of articles');
    return { ok: false, errors: issues.items };
  }
  if (data.count !== data.articles.length) {
    issues.add('count', `the file says ${JSON.stringify(data.count)} articles but holds ${data.articles.length}: it is incomplete or was edited`);
  }
  const articles: ArticleRecord[] = [];
  const ids = new Set<string>();
  data.articles.forEach((raw, i) => {
    const rec = readArticleRecord(raw, `articles[${i}]`, issues);
    if (!rec) return;
    if (ids.has(rec.id)) issues.add(`articles[${i}].id`, `duplicate id ${JSON.stringify(rec.id)}`);
    ids.add(rec.id);
    articles.push(rec);
  });
  if (!issues.ok) return { ok: false, errors: issues.items };
  return { ok: true, backup: { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: data.createdAt as string, count: articles.length, articles: articles.map(toCanonicalRecord) } };
}

/** A record with its fields in one fixed order and content.id tied to id, so serializations compare equal. */
function toCanonicalRecord(r: ArticleRecord): ArticleRecord {
  return {
    id: r.id,
    url: r.url,
    pageUrl: r.pageUrl,
    title: r.title,
    authors: [...r.authors],
    published: r.published,
    modified: r.modified,
    siteName: r.siteName,
    source: r.source,
    lang: r.lang,
    excerpt: r.excerpt,
    imageUrl: r.imageUrl,
    wordCount: r.wordCount,
    readingMinutes: r.readingMinutes,
    contentHash: r.contentHash,
    savedAt: r.savedAt,
    updatedAt: r.updatedAt,
    tags: [...r.tags],
    read: r.read,
    state: r.state,
    analysis: {
      speakers: r.analysis.speakers.map((s) => ({
        name: s.name,
        aliases: [...s.aliases],
        role: s.role,
        kind: s.kind,
        statements: s.statements.map((st) => ({ text: st.text, kind: st.kind, cue: st.cue, start: st.start, end: st.end })),
      })),
      topics: r.analysis.topics.map((t) => ({ label: t.label, score: t.score })),
      summary: r.analysis.summary,
      lang: r.analysis.lang,
    },
    speakerKeys: [...r.speakerKeys],
    topicKeys: [...r.topicKeys],
    content: { id: r.id, html: r.content.html, text: r.content.text },
  };
}
