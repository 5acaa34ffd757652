import type { Analysis, ArticleContent, ArticleMeta, Speaker, Statement, Topic } from '../model';
import { toSpeakerKeys, toTopicKeys } from './create-article-record';

/*
 * Guards for records that cross a trust or version boundary (older database versions, undo/restore,
 * imports). Lenient on purpose: a missing field gets its empty default so no stored article is lost;
 * only a record without a string id is rejected.
 */

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const num = (value: unknown, fallback = 0): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;
const strOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const strList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

function toStatement(value: unknown): Statement | null {
  if (!isFields(value) || typeof value.text !== 'string') return null;
  return {
    text: value.text,
    kind: value.kind === 'indirect' ? 'indirect' : 'direct',
    cue: str(value.cue),
    start: num(value.start, -1),
    end: num(value.end, -1),
  };
}

function toSpeaker(value: unknown): Speaker | null {
  if (!isFields(value) || typeof value.name !== 'string') return null;
  const kind = value.kind === 'organization' || value.kind === 'unnamed' ? value.kind : 'person';
  const statements = Array.isArray(value.statements)
    ? value.statements.map(toStatement).filter((s): s is Statement => s !== null)
    : [];
  return { name: value.name, aliases: strList(value.aliases), role: str(value.role), kind, statements };
}

function toTopic(value: unknown): Topic | null {
  if (!isFields(value) || typeof value.label !== 'string') return null;
  return { label: value.label, score: num(value.score) };
}

/** Validates an analysis; anything missing becomes empty. */
export function toAnalysis(value: unknown): Analysis {
  if (!isFields(value)) return { speakers: [], topics: [], summary: '', lang: '' };
  return {
    speakers: Array.isArray(value.speakers)
      ? value.speakers.map(toSpeaker).filter((s): s is Speaker => s !== null)
      : [],
    topics: Array.isArray(value.topics) ? value.topics.map(toTopic).filter((t): t is Topic => t !== null) : [],
    summary: str(value.summary),
    lang: str(value.lang),
  };
}

/** Validates a stored or incoming article's list-sized part; null when it has no string id. */
export function toArticleMeta(value: unknown): ArticleMeta | null {
  if (!isFields(value) || typeof value.id !== 'string' || value.id === '') return null;
  const analysis = toAnalysis(value.analysis);
  const url = str(value.url);
  const savedAt = num(value.savedAt);
  return {
    id: value.id,
    url,
    pageUrl: str(value.pageUrl, url),
    title: str(value.title),
    authors: strList(value.authors),
    published: strOrNull(value.published),
    modified: strOrNull(value.modified),
    siteName: str(value.siteName),
    source: str(value.source),
    lang: str(value.lang),
    excerpt: str(value.excerpt),
    imageUrl: str(value.imageUrl),
    wordCount: num(value.wordCount),
    readingMinutes: num(value.readingMinutes, 1),
    contentHash: str(value.contentHash),
    savedAt,
    updatedAt: typeof value.updatedAt === 'number' ? value.updatedAt : null,
    tags: strList(value.tags),
    read: value.read === true,
    state: value.state === 'pending' ? 'pending' : 'saved',
    analysis,
    // Keys are derived data: recompute them so the indexes always agree with the analysis.
    speakerKeys: toSpeakerKeys(analysis),
    topicKeys: toTopicKeys(analysis),
  };
}

/** Validates an article's content; `id` is the owning article's id (it wins over the content's own). */
export function toArticleContent(value: unknown, id: string): ArticleContent | null {
  if (!isFields(value)) return null;
  return { id, html: str(value.html), text: str(value.text) };
}
