import type { SpeakerKind, StatementKind } from '../model';

/**
 * The ClipShelf feed, version 1: a JSON Feed 1.1 document (https://jsonfeed.org/version/1.1)
 * whose items carry ClipShelf's who-said-what data in the `_clipshelf` extension object.
 * Any JSON Feed reader can show the items (title, url, summary, content_text); ClipShelf
 * readers (the <clip-shelf> widget) also show speakers and topics.
 *
 * ```jsonc
 * {
 *   "version": "https://jsonfeed.org/version/1.1",
 *   "title": "My ClipShelf",                  // required
 *   "home_page_url": "https://example.org/",  // optional, http(s) only
 *   "feed_url": "https://example.org/feed.json", // optional, http(s) only
 *   "description": "…",                       // optional
 *   "_clipshelf": { "version": 1 },            // required: the ClipShelf schema version
 *   "items": [{
 *     "id": "a1b2…",                           // required, stable article id
 *     "url": "https://news.example/story",     // optional, http(s) only: the original article
 *     "title": "…",                            // required ("" allowed)
 *     "summary": "…",                          // 2–3 sentences from the article
 *     "content_text": "…",                     // the summary, or the full text when exported with includeContent
 *     "date_published": "2024-06-12T10:17:40", // optional, as the page states it
 *     "date_modified": "…",                    // optional
 *     "authors": [{ "name": "…" }],            // optional, byline
 *     "language": "en",                        // optional, BCP 47
 *     "image": "https://…",                    // optional, http(s) only
 *     "tags": ["…"],                           // optional: topic phrases (plain JSON Feed readers see them)
 *     "_clipshelf": {
 *       "version": 1,
 *       "site": "Science and Technology Daily", // site name ("" when unknown)
 *       "source": "科技日报",                    // credited source ("" when none)
 *       "saved_at": "2026-11-28T10:00:00.000Z", // when it was saved (ISO 8601, UTC)
 *       "word_count": 812, "reading_minutes": 4,
 *       "topics": [{ "label": "AI semiconductors", "score": 0.92 }],  // best first, score in (0, 1]
 *       "speakers": [{
 *         "name": "Yan Liang", "role": "professor at …", "kind": "person", // person | organization | unnamed
 *         "statements": [{ "text": "…", "kind": "direct" }]                 // direct = verbatim quote; indirect = reported
 *       }]
 *     }
 *   }]
 * }
 * ```
 *
 * Readers ignore unknown fields (forward compatible). A change that breaks readers bumps
 * `_clipshelf.version`; `parseFeed` rejects versions it does not know.
 * Limits (`FEED_LIMITS`) keep hostile or absurd feeds cheap: longer strings and lists are cut
 * (with a warning), a feed over `maxItems` is cut to its first `maxItems` items.
 */
export const CLIPSHELF_FEED_VERSION = 1;
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** Caps applied by `parseFeed`; strings are cut to these lengths (in UTF-16 units), lists to these counts. */
export const FEED_LIMITS = {
  maxItems: 5000,
  maxTitle: 500,
  maxText: 4000,
  maxContent: 200_000,
  maxShort: 300,
  maxUrl: 2048,
  maxSpeakers: 60,
  maxStatements: 40,
  maxTopics: 40,
  maxAuthors: 20,
  maxTags: 40,
  maxErrors: 50,
} as const;

export interface FeedStatement {
  /** What was said: a direct quote without its quotation marks, or reported speech. May end in "…" when shortened. */
  text: string;
  kind: StatementKind;
}

export interface FeedSpeaker {
  name: string;
  /** Title/affiliation as the article states it, or "". */
  role: string;
  kind: SpeakerKind;
  statements: FeedStatement[];
}

export interface FeedTopic {
  label: string;
  /** Relevance in (0, 1]. */
  score: number;
}

/** The `_clipshelf` object of a feed item. */
export interface FeedItemClipData {
  version: typeof CLIPSHELF_FEED_VERSION;
  site: string;
  source: string;
  /** ISO 8601 UTC time of the first save, or "" when unknown. */
  saved_at: string;
  word_count: number;
  reading_minutes: number;
  topics: FeedTopic[];
  speakers: FeedSpeaker[];
}

export interface FeedAuthor {
  name: string;
}

/** One article in the feed: a JSON Feed 1.1 item plus `_clipshelf`. */
export interface FeedItem {
  id: string;
  /** The original article; only http(s) URLs survive `parseFeed`. */
  url?: string;
  title: string;
  summary: string;
  content_text: string;
  date_published?: string;
  date_modified?: string;
  authors?: FeedAuthor[];
  language?: string;
  image?: string;
  tags?: string[];
  _clipshelf: FeedItemClipData;
}

/** A whole ClipShelf feed (a JSON Feed 1.1 document). */
export interface ClipShelfFeed {
  version: typeof JSON_FEED_VERSION;
  title: string;
  home_page_url?: string;
  feed_url?: string;
  description?: string;
  _clipshelf: { version: typeof CLIPSHELF_FEED_VERSION };
  items: FeedItem[];
}

/** One problem found by `parseFeed`: a JSON path ("items[3]._clipshelf.speakers[0].name") and what is wrong. */
export interface FeedIssue {
  path: string;
  message: string;
}

export type ParseFeedResult =
  | { ok: true; feed: ClipShelfFeed; warnings: FeedIssue[] }
  | { ok: false; errors: FeedIssue[] };
