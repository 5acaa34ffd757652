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

/** Lower-cased names of named speakers, for the multiEntry speaker index. */
export function toSpeakerKeys(analysis: Analysis): string[] {
  const keys = analysis.speakers.filter((s) => s.kind !== 'unnamed').map((s) => s.name.toLowerCase());
  return [...new Set(keys)];
}

/** Lower-cased topic phrases, for the multiEntry topic index. */
export function toTopicKeys(analysis: Analysis): string[] {
  return [...new Set(analysis.topics.map((t) => t.phrase.toLowerCase()))];
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
