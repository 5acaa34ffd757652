import type { Analysis, ArticleMeta, ArticleRecord, CapturedArticle } from '../model';

export interface CreateArticleRecordOptions {
  /** Epoch milliseconds of this save. */
  now: number;
  /** The stored record for the same URL, when this save updates it. */
  previous?: ArticleMeta;
}

/**
 * Builds the record the library stores for a captured, analysed page.
 * A re-save keeps the first save's id, saved time, tags and read state and sets `updatedAt`.
 */
export function createArticleRecord(
  captured: CapturedArticle,
  analysis: Analysis,
  { now, previous }: CreateArticleRecordOptions,
): ArticleRecord {
  const id = previous?.id ?? createArticleId(captured.url);
  return {
    id,
    url: captured.url,
    pageUrl: captured.pageUrl,
    title: captured.title,
    authors: captured.authors,
    published: captured.published,
    modified: captured.modified,
    siteName: captured.siteName,
    source: captured.source,
    lang: captured.lang,
    excerpt: captured.excerpt,
    imageUrl: captured.imageUrl,
    wordCount: captured.wordCount,
    readingMinutes: captured.readingMinutes,
    contentHash: captured.contentHash,
    savedAt: previous?.savedAt ?? now,
    updatedAt: previous ? now : null,
    tags: previous?.tags ?? [],
    read: previous?.read ?? false,
    state: 'saved',
    analysis,
    speakerKeys: toSpeakerKeys(analysis),
    topicKeys: toTopicKeys(analysis),
    content: { id, html: captured.html, text: captured.text },
  };
}

export interface CreatePendingRecordOptions {
  id: string;
  /** The normalized address; also the page URL until the link is captured. */
  url: string;
  title: string;
  authors?: string[];
  siteName?: string;
  savedAt: number;
  tags?: string[];
  read?: boolean;
}

/**
 * Builds the record for a link kept "to capture" (from an import): no content and no analysis yet, so it lists
 * in the library and is captured later in the background.
 */
export function createPendingRecord({ id, url, title, authors = [], siteName = '', savedAt, tags = [], read = false }: CreatePendingRecordOptions): ArticleRecord {
  return {
    id,
    url,
    pageUrl: url,
    title,
    authors,
    published: null,
    modified: null,
    siteName,
    source: '',
    lang: '',
    excerpt: '',
    imageUrl: '',
    wordCount: 0,
    readingMinutes: 0,
    contentHash: '',
    savedAt,
    updatedAt: null,
    tags,
    read,
    state: 'pending',
    analysis: { speakers: [], topics: [], summary: '', lang: '' },
    speakerKeys: [],
    topicKeys: [],
    content: { id, html: '', text: '' },
  };
}

/** Lower-cased names of named speakers, for the multiEntry speaker index. */
export function toSpeakerKeys(analysis: Analysis): string[] {
  const keys = analysis.speakers.filter((s) => s.kind !== 'unnamed').map((s) => s.name.toLowerCase());
  return [...new Set(keys)];
}

/** Lower-cased topic phrases, for the multiEntry topic index. */
export function toTopicKeys(analysis: Analysis): string[] {
  return [...new Set(analysis.topics.map((t) => t.label.toLowerCase()))];
}

/** A stable id from the normalized URL (FNV-1a, 64 bits as two 32-bit halves), so the CLI and the extension agree. */
export function createArticleId(url: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ url.length;
  for (let i = 0; i < url.length; i++) {
    const c = url.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return 'a' + h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
