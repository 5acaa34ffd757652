/**
 * ClipShelf's shared data model: plain types only, no runtime code.
 *
 * Every other module depends on this one and on nothing to its left:
 * entrypoints → lib/store, lib/messaging → lib/capture, lib/analysis, lib/feed → lib/model.
 *
 * Offsets (`start`/`end`) always index into `ArticleContent.text`, the plain text of the
 * article whose paragraphs are separated by one blank line ("\n\n").
 */

/** Who a speaker is: a named person, a named organisation, or an unnamed source ("officials said"). */
export type SpeakerKind = 'person' | 'organization' | 'unnamed';

/** A verbatim quotation ('direct') or reported/paraphrased speech ('indirect'). */
export type StatementKind = 'direct' | 'indirect';

/** One thing a speaker said, with its place in the article text. */
export interface Statement {
  /** The reported content: the quote without its quotation marks, or the paraphrased clause. */
  text: string;
  kind: StatementKind;
  /** The reporting word that ties the statement to its speaker ("said", "according to", "is convinced"), or "" for a continuation. */
  cue: string;
  /** Offsets into the article text: `text === articleText.slice(start, end)`. */
  start: number;
  end: number;
}

/** A person, organisation or unnamed source reported in the article. */
export interface Speaker {
  /** The fullest name the article gives, without titles (Professor, Dr, Mr …). */
  name: string;
  /** Other forms used in the article ("Nam", "Professor Nam Eunyoung"); never pronouns. */
  aliases: string[];
  /** Title/affiliation as the article states it, or "". */
  role: string;
  kind: SpeakerKind;
  /** In order of appearance. */
  statements: Statement[];
}

/** A key topic of the article, best first. */
export interface Topic {
  /** A short phrase taken from the text ("AI semiconductors"). */
  label: string;
  /** Relevance in (0, 1]; higher is better. */
  score: number;
}

/** The who-said-what analysis of one article. */
export interface Analysis {
  speakers: Speaker[];
  topics: Topic[];
  /** Two or three sentences taken from the article, in article order, joined by one space. */
  summary: string;
  /** The language the analysis treated the text as (BCP 47 primary tag, e.g. "en"); "" when unknown. */
  lang: string;
}

/** What `analyzeArticle` reads. */
export interface AnalysisInput {
  /** Plain text, paragraphs separated by a blank line ("\n\n"). Offsets in the result index into it. */
  text: string;
  title?: string;
  /** BCP 47 language tag from the page, if any. */
  lang?: string;
  /** Byline author names: never reported as speakers. */
  authors?: string[];
}

/** Article metadata as captured from a page (before it is stored). */
export interface ArticleMetadata {
  title: string;
  /** Byline authors, one name each (JSON-LD authors as a list when present). */
  authors: string[];
  /** ISO 8601 date-time as the page states it ("2024-06-12T10:17:40", with zone if the page gives one), or null. */
  published: string | null;
  modified: string | null;
  /** Human name of the site ("Science and Technology Daily"). */
  siteName: string;
  /** Publisher, or the originating source the page credits ("科技日报"); "" when none. */
  source: string;
  /** BCP 47 language tag, lower-case primary subtag ("en", "fr", "zh-cn"); "" when unknown. */
  lang: string;
  excerpt: string;
  /** Lead image URL (absolute), or "". */
  imageUrl: string;
}

/** The result of capturing one page. */
export interface CapturedArticle extends ArticleMetadata {
  /** Normalized URL used for dedupe: canonical, else og:url, else the address; tracking params and fragment removed. */
  url: string;
  /** The address the user was on. */
  pageUrl: string;
  /** Sanitized article HTML (DOMPurify). */
  html: string;
  /** Plain text, paragraphs separated by "\n\n". */
  text: string;
  wordCount: number;
  /** Whole minutes at 230 words a minute, at least 1. */
  readingMinutes: number;
  /** Hex SHA-256 of `text`. */
  contentHash: string;
  /** Whether the page looked like an article (Readability's isProbablyReaderable and the kept-text ratio). */
  probablyArticle: boolean;
  /** Set when only the user's selection was captured. */
  fromSelection: boolean;
}

/** The stored, list-sized part of an article: metadata plus analysis (no HTML or text). */
export interface ArticleMeta extends ArticleMetadata {
  /** Stable id (opaque string). */
  id: string;
  url: string;
  pageUrl: string;
  wordCount: number;
  readingMinutes: number;
  contentHash: string;
  /** Epoch milliseconds when first saved. */
  savedAt: number;
  /** Epoch milliseconds of the last re-save, or null. */
  updatedAt: number | null;
  tags: string[];
  read: boolean;
  /** 'saved' has content; 'pending' came in as a link only (import) and awaits capture. */
  state: 'saved' | 'pending';
  analysis: Analysis;
  /** Denormalized for multiEntry indexes: lower-cased speaker names (kind person/organization) and topic phrases. */
  speakerKeys: string[];
  topicKeys: string[];
}

/** The bulky part of an article, stored separately and keyed by the same id. */
export interface ArticleContent {
  id: string;
  /** Sanitized HTML. */
  html: string;
  /** Plain text, paragraphs separated by "\n\n"; statement offsets index into it. */
  text: string;
}

/** A whole article as the extension stores it and as the `clip` command prints it. */
export interface ArticleRecord extends ArticleMeta {
  content: ArticleContent;
}
