import type { ArticleMeta, ArticleRecord } from '../model';
import { cutText, shortenStatement } from './cut-text';
import {
  CLIPSHELF_FEED_VERSION,
  FEED_LIMITS,
  JSON_FEED_VERSION,
  type ClipShelfFeed,
  type FeedItem,
  type FeedSpeaker,
} from './feed-schema';
import { toSafeHttpUrl } from './safe-url';

export interface ToFeedItemOptions {
  /** Put the article's full plain text in `content_text` (records only). Default false: the summary only. */
  includeContent?: boolean;
  /** Statements longer than this are shortened with "…". Default 40. */
  maxStatementWords?: number;
  /** Statements kept per speaker. Default 6. */
  maxStatementsPerSpeaker?: number;
}

export interface ToFeedOptions extends ToFeedItemOptions {
  /** Feed title. Default "ClipShelf". */
  title?: string;
  description?: string;
  /** Kept only when it is an http(s) URL. */
  homePageUrl?: string;
  /** Kept only when it is an http(s) URL. */
  feedUrl?: string;
}

/**
 * Converts one stored article (metadata or full record) to a feed item — the type the
 * components render. Privacy by default: metadata, summary, topics and speakers with short
 * statements; the full text only with `includeContent` and a record that has content.
 */
export function toFeedItem(record: ArticleMeta | ArticleRecord, options: ToFeedItemOptions = {}): FeedItem {
  const maxWords = Math.max(1, options.maxStatementWords ?? 40);
  const maxStatements = Math.max(0, Math.min(FEED_LIMITS.maxStatements, options.maxStatementsPerSpeaker ?? 6));
  const L = FEED_LIMITS;
  const analysis = record.analysis ?? { speakers: [], topics: [], summary: '', lang: '' };
  const summary = cutText(analysis.summary || record.excerpt || '', L.maxText);
  const fullText = options.includeContent && 'content' in record ? record.content?.text : undefined;
  const speakers: FeedSpeaker[] = analysis.speakers.slice(0, L.maxSpeakers).map((s) => ({
    name: cutText(s.name, L.maxShort),
    role: cutText(s.role, L.maxShort),
    kind: s.kind,
    statements: s.statements.slice(0, maxStatements).map((st) => ({
      text: cutText(shortenStatement(st.text, maxWords), L.maxText),
      kind: st.kind,
    })),
  }));
  const topics = analysis.topics.slice(0, L.maxTopics).map((t) => ({
    label: cutText(t.label, L.maxShort),
    score: Math.min(1, Math.max(0.001, Math.round(t.score * 1000) / 1000)),
  }));
  const url = toSafeHttpUrl(record.url);
  const authors = record.authors.filter((a) => a.trim() !== '').slice(0, L.maxAuthors);
  const lang = record.lang || analysis.lang;
  const image = toSafeHttpUrl(record.imageUrl);
  // Key order is the order a person reading the JSON expects; optional keys only when they have a value.
  const item: FeedItem = {
    id: cutText(record.id, L.maxShort),
    ...(url ? { url } : {}),
    title: cutText(record.title, L.maxTitle),
    summary,
    content_text: fullText !== undefined ? cutText(fullText, L.maxContent) : summary,
    ...(record.published ? { date_published: cutText(record.published, 64) } : {}),
    ...(record.modified ? { date_modified: cutText(record.modified, 64) } : {}),
    ...(authors.length ? { authors: authors.map((name) => ({ name: cutText(name, L.maxShort) })) } : {}),
    ...(lang ? { language: cutText(lang, 35) } : {}),
    ...(image ? { image } : {}),
    ...(topics.length ? { tags: topics.slice(0, L.maxTags).map((t) => t.label) } : {}),
    _clipshelf: {
      version: CLIPSHELF_FEED_VERSION,
      site: cutText(record.siteName, L.maxShort),
      source: cutText(record.source, L.maxShort),
      saved_at: Number.isFinite(record.savedAt) ? new Date(record.savedAt).toISOString() : '',
      word_count: toCount(record.wordCount),
      reading_minutes: toCount(record.readingMinutes),
      topics,
      speakers,
    },
  };
  return item;
}

/**
 * Writes a ClipShelf feed (JSON Feed 1.1 + `_clipshelf`) for stored articles, in the given order.
 * `JSON.stringify` the result to publish it; `parseFeed` reads it back unchanged.
 */
export function toFeed(records: readonly (ArticleMeta | ArticleRecord)[], options: ToFeedOptions = {}): ClipShelfFeed {
  const feed: ClipShelfFeed = {
    version: JSON_FEED_VERSION,
    title: cutText(options.title ?? 'ClipShelf', FEED_LIMITS.maxTitle),
    _clipshelf: { version: CLIPSHELF_FEED_VERSION },
    items: records.slice(0, FEED_LIMITS.maxItems).map((r) => toFeedItem(r, options)),
  };
  const home = toSafeHttpUrl(options.homePageUrl);
  if (home) feed.home_page_url = home;
  const self = toSafeHttpUrl(options.feedUrl);
  if (self) feed.feed_url = self;
  if (options.description) feed.description = cutText(options.description, FEED_LIMITS.maxText);
  return feed;
}

function toCount(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.min(Math.floor(n), 1e9) : 0;
}
