import type { SpeakerKind, StatementKind } from '../model';
import { cutText } from './cut-text';
import {
  CLIPSHELF_FEED_VERSION,
  FEED_LIMITS,
  JSON_FEED_VERSION,
  type ClipShelfFeed,
  type FeedAuthor,
  type FeedIssue,
  type FeedItem,
  type FeedItemClipData,
  type FeedSpeaker,
  type FeedStatement,
  type FeedTopic,
  type ParseFeedResult,
} from './feed-schema';
import { isObject } from './is-object';
import { pauseForPage } from './pause-for-page';
import { toSafeHttpUrl } from './safe-url';

const L = FEED_LIMITS;
const SPEAKER_KINDS: readonly SpeakerKind[] = ['person', 'organization', 'unnamed'];
const STATEMENT_KINDS: readonly StatementKind[] = ['direct', 'indirect'];

type Obj = Record<string, unknown>;

/**
 * Validates unknown input (parsed JSON, or a JSON string) as a ClipShelf feed.
 * Never throws. Returns the feed with every string cut to `FEED_LIMITS`, unsafe URLs dropped and
 * lists capped (each such change is a warning), or every error found as `{ path, message }`.
 * Unknown fields are ignored; a `_clipshelf.version` other than 1 is an error.
 */
export function parseFeed(input: unknown): ParseFeedResult {
  const steps = validate(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface ParseFeedTextOptions {
  /** Resolves when the caller is ready for the next slice. Default: `scheduler.yield()`, else a zero timeout. */
  pause?: () => Promise<unknown>;
  /** Milliseconds of work per slice. Default 8. */
  budget?: number;
}

/**
 * Parses a feed's JSON text (or an already parsed value) like `parseFeed`, with the same result, but in
 * slices of about `budget` ms with a `pause` between them, so a feed of thousands of articles never blocks
 * a page for long. Validating the items is the bulk of the work and runs item by item; JSON.parse of the
 * text is one step (native, under 10 ms for a 1,000-article feed of about 5 MB).
 */
export async function parseFeedText(input: unknown, options: ParseFeedTextOptions = {}): Promise<ParseFeedResult> {
  const pause = options.pause ?? pauseForPage;
  const budget = options.budget ?? 8;
  const steps = validate(input);
  let t0 = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - t0 >= budget) {
      await pause();
      t0 = performance.now();
    }
  }
}

/** The validation behind both parsers: yields after JSON.parse and after each item (where parseFeedText may pause). */
function* validate(input: unknown): Generator<void, ParseFeedResult> {
  try {
    let value = input;
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        return NOT_JSON;
      }
      yield;
    }
    const parser = createParser();
    const items = isObject(value) ? value.items : undefined;
    const n = parser.start(value, items);
    for (let i = 0; i < n; i++) {
      parser.add((items as unknown[])[i], i);
      yield;
    }
    return parser.end();
  } catch (error) {
    return unreadable(error);
  }
}

const NOT_JSON: ParseFeedResult = { ok: false, errors: [{ path: '$', message: 'not valid JSON' }] };

function unreadable(error: unknown): ParseFeedResult {
  // Only reachable through exotic inputs (getters that throw, revoked proxies); report, never throw.
  return { ok: false, errors: [{ path: '$', message: `unreadable input: ${String(error).slice(0, 200)}` }] };
}

/**
 * Reads one field of an object (`obj[key]`, at `path`): returns the value to keep, or undefined to leave it out.
 * Problems are recorded on the parser's lists, so a reader never throws.
 */
type Field<T> = (obj: Obj, key: string, path: string) => T | undefined;
/** How to read each field of a T (in this order, which is also the order of the messages). */
type Fields<T> = { [K in keyof T]-?: Field<T[K]> };
/** Reads one list entry (at `path`); null drops it. */
type Entry<T> = (value: unknown, path: string) => T | null;

/** A closure rather than a class, so the minifier can shorten every helper name (the widget has a size budget). */
function createParser() {
  const errors: FeedIssue[] = [];
  const warnings: FeedIssue[] = [];
  const items: FeedItem[] = [];
  let shell: ClipShelfFeed | null = null;

  const error = (path: string, message: string) => void (errors.length < L.maxErrors && errors.push({ path: path || '$', message }));
  const warn = (path: string, message: string) => void (warnings.length < L.maxErrors && warnings.push({ path: path || '$', message }));
  /** Records "expected <what>, got <type>"; returns null so readers can `return expected(…)`. */
  const expected = (path: string, what: string, value: unknown): null => (error(path, `expected ${what}, got ${typeName(value)}`), null);

  const capped = (path: string, length: number, max: number) =>
    length > max && warn(path, `${length} entries; only the first ${max} are read`);

  function cut(value: string, max: number, path: string): string {
    const cutValue = cutText(value, max);
    if (cutValue !== value) warn(path, `${value.length} characters; cut to ${max}`);
    return cutValue;
  }

  /**
   * A string cut to `max` characters. When missing (or null): `'required'` is an error, `''` gives "",
   * and by default the field is left out (so is an empty string).
   */
  const text =
    (max: number, missing?: 'required' | ''): Field<string> =>
    (obj, key, path) => {
      const value = obj[key];
      const p = join(path, key);
      if (value == null) {
        if (missing === 'required') expected(p, 'a string', value);
        return missing === '' ? '' : undefined;
      }
      if (typeof value !== 'string') return void expected(p, 'a string', value);
      return value || missing !== undefined ? cut(value, max, p) : undefined;
    };

  /** An absolute http(s) URL; anything else is left out with a warning. */
  const url: Field<string> = (obj, key, path) => {
    const value = obj[key];
    if (value == null || value === '') return undefined;
    const safe = toSafeHttpUrl(value);
    if (!safe) warn(join(path, key), 'not an http(s) URL; ignored');
    return safe ?? undefined;
  };

  /** A non-negative number (floored, at most 1e9); 0 when missing. */
  const count: Field<number> = (obj, key, path) => {
    const value = obj[key];
    if (value === undefined) return 0;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return expected(join(path, key), 'a non-negative number', value) ?? 0;
    return Math.min(Math.floor(value), 1e9);
  };

  /** One of `allowed`; `fallback` when missing (no fallback: required). */
  const oneOf =
    <T extends string>(allowed: readonly T[], fallback?: T): Field<T> =>
    (obj, key, path) => {
      const value = obj[key];
      if (value === undefined && fallback) return fallback;
      if ((allowed as readonly unknown[]).includes(value)) return value as T;
      error(join(path, key), `expected one of "${allowed.join('", "')}"`);
      return undefined;
    };

  /** Must be exactly `value` (a schema version). */
  const exactly =
    <T>(value: T): Field<T> =>
    (obj, key, path) => {
      if (obj[key] !== value) error(join(path, key), `expected ${value}`);
      return value;
    };

  /** A list of at most `max` entries (more are dropped with a warning); [] when missing, or undefined when `omitEmpty`. */
  const list =
    <T>(max: number, read: Entry<T>, omitEmpty = false): Field<T[]> =>
    (obj, key, path) => {
      const value = obj[key];
      const p = join(path, key);
      const out: T[] = [];
      if (value !== undefined && !Array.isArray(value)) expected(p, 'an array', value);
      else if (value) {
        capped(p, value.length, max);
        for (let i = 0; i < value.length && i < max && errors.length < L.maxErrors; i++) {
          const entry = read(value[i], `${p}[${i}]`);
          if (entry !== null) out.push(entry);
        }
      }
      return out.length || !omitEmpty ? out : undefined;
    };

  /** An object read field by field; null (dropped) when any of its fields had an error. */
  const object =
    <T>(fields: Fields<T>): Entry<T> =>
    (value, path) => {
      if (!isObject(value)) return expected(path, 'an object', value);
      const before = errors.length;
      const out: Partial<T> = {};
      for (const key in fields) {
        const v = fields[key](value, key, path);
        if (v !== undefined) out[key] = v;
      }
      return errors.length > before ? null : (out as T);
    };

  const statement = object<FeedStatement>({ text: text(L.maxText, 'required'), kind: oneOf(STATEMENT_KINDS) });
  const speaker = object<FeedSpeaker>({
    name: text(L.maxShort, 'required'),
    role: text(L.maxShort, ''),
    kind: oneOf(SPEAKER_KINDS, 'person'),
    statements: list(L.maxStatements, statement),
  });
  const topic = object<FeedTopic>({
    label: text(L.maxShort, 'required'),
    score: (obj, key, path) => {
      const score = obj[key];
      const p = join(path, key);
      if (typeof score !== 'number' || !Number.isFinite(score)) return void expected(p, 'a number in (0, 1]', score);
      if (score > 0 && score <= 1) return score;
      warn(p, `${score} is outside (0, 1]; clamped`);
      return Math.min(1, Math.max(0.001, score));
    },
  });
  const clipData = object<FeedItemClipData>({
    version: exactly(CLIPSHELF_FEED_VERSION),
    site: text(L.maxShort, ''),
    source: text(L.maxShort, ''),
    saved_at: text(64, ''),
    word_count: count,
    reading_minutes: count,
    topics: list(L.maxTopics, topic),
    speakers: list(L.maxSpeakers, speaker),
  });
  const author = object<Partial<FeedAuthor>>({ name: text(L.maxShort) });
  const readItem = object<FeedItem>({
    id: (obj, key, path) => {
      const id = text(L.maxShort, 'required')(obj, key, path);
      if (id === '') error(join(path, key), 'must not be empty');
      return id;
    },
    title: text(L.maxTitle, ''),
    summary: text(L.maxText, ''),
    // Filled in from the summary below when missing.
    content_text: text(L.maxContent),
    _clipshelf: (obj, key, path) => clipData(obj[key], join(path, key)) ?? undefined,
    url,
    date_published: text(64),
    date_modified: text(64),
    language: text(35),
    image: url,
    authors: list(L.maxAuthors, (v, p) => {
      const a = author(v, p);
      return a?.name ? { name: a.name } : null;
    }, true),
    tags: list(L.maxTags, (v, p) => (typeof v === 'string' ? cut(v, L.maxShort, p) : expected(p, 'a string', v)), true),
  });
  const feedHead = object<Pick<ClipShelfFeed, 'title' | 'home_page_url' | 'feed_url' | 'description'>>({
    title: text(L.maxTitle, 'required'),
    home_page_url: url,
    feed_url: url,
    description: text(L.maxText),
  });

  /** Checks everything but the items' contents; returns how many items to read. */
  function start(value: unknown, rawItems: unknown): number {
    if (!isObject(value)) return expected('$', 'a JSON object', value) ?? 0;
    if (value.version !== JSON_FEED_VERSION) error('version', `expected "${JSON_FEED_VERSION}"`);
    const ext = value._clipshelf;
    // A plain JSON Feed has none: "_clipshelf: expected an object, got undefined".
    if (!isObject(ext)) expected('_clipshelf', 'an object', ext);
    else exactly(CLIPSHELF_FEED_VERSION)(ext, 'version', '_clipshelf');
    const head = feedHead(value, '');
    if (head) shell = { version: JSON_FEED_VERSION, ...head, _clipshelf: { version: CLIPSHELF_FEED_VERSION }, items };
    if (!Array.isArray(rawItems)) return expected('items', 'an array', rawItems) ?? 0;
    capped('items', rawItems.length, L.maxItems);
    return Math.min(rawItems.length, L.maxItems);
  }

  function add(value: unknown, index: number): void {
    if (errors.length >= L.maxErrors) return;
    const item = readItem(value, `items[${index}]`);
    if (item) items.push({ ...item, content_text: item.content_text ?? item.summary });
  }

  function end(): ParseFeedResult {
    // Both lists are capped at FEED_LIMITS.maxErrors as they fill.
    return errors.length || !shell ? { ok: false, errors } : { ok: true, feed: shell, warnings };
  }

  return { start, add, end };
}


function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
