import type { SpeakerKind, StatementKind } from '../model';
import { cutText } from './cut-text';
import {
  CLIPSHELF_FEED_VERSION,
  FEED_LIMITS,
  JSON_FEED_VERSION,
  type ClipShelfFeed,
  type FeedIssue,
  type FeedItem,
  type FeedSpeaker,
  type FeedStatement,
  type FeedTopic,
  type ParseFeedResult,
} from './feed-schema';
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
  try {
    let value = input;
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        return NOT_JSON;
      }
    }
    const parser = createParser();
    const items = isObject(value) ? value.items : undefined;
    const n = parser.start(value, items);
    for (let i = 0; i < n; i++) parser.add((items as unknown[])[i], i);
    return parser.end();
  } catch (error) {
    return unreadable(error);
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
 * a page for long: the text is split at the boundaries of the `items` array's elements (a scanner that
 * knows strings and nesting), and each element is parsed and validated on its own.
 */
export async function parseFeedText(input: unknown, options: ParseFeedTextOptions = {}): Promise<ParseFeedResult> {
  const pause = options.pause ?? pauseForPage;
  const budget = options.budget ?? 8;
  let t0 = performance.now();
  const tick = async () => {
    if (performance.now() - t0 > budget) {
      await pause();
      t0 = performance.now();
    }
  };
  try {
    let head: unknown = input;
    let elements: unknown[] | null = null;
    let slices: [number, number][] = [];
    let total = 0;
    const text = typeof input === 'string' ? input : null;
    if (text !== null) {
      const split = await splitItems(text, tick);
      if (!split) return parseFeed(text); // not the usual shape: the plain parser reports what is wrong
      try {
        head = JSON.parse(text.slice(0, split.start) + ITEMS_MARK + text.slice(split.end + 1));
      } catch {
        return NOT_JSON;
      }
      // With a duplicate "items" key JSON.parse keeps the last one; unless that is ours, let the plain parser decide.
      if (!isObject(head) || !Array.isArray(head.items) || head.items[0] !== ITEMS_MARK_VALUE) return parseFeed(text);
      slices = split.slices;
      total = split.total;
    } else if (isObject(input) && Array.isArray(input.items)) {
      elements = input.items;
      total = elements.length;
    } else return parseFeed(input);
    const parser = createParser();
    const n = parser.start(head, new Array<unknown>(total));
    for (let i = 0; i < n; i++) {
      let value: unknown;
      if (elements) value = elements[i];
      else {
        const [from, to] = slices[i]!;
        try {
          value = JSON.parse(text!.slice(from, to));
        } catch {
          return NOT_JSON;
        }
      }
      parser.add(value, i);
      await tick();
    }
    return parser.end();
  } catch (error) {
    return unreadable(error);
  }
}

const ITEMS_MARK_VALUE = '\u0000clipshelf-items';
const ITEMS_MARK = JSON.stringify([ITEMS_MARK_VALUE]);
const NOT_JSON: ParseFeedResult = { ok: false, errors: [{ path: '$', message: 'not valid JSON' }] };

function unreadable(error: unknown): ParseFeedResult {
  // Only reachable through exotic inputs (getters that throw, revoked proxies); report, never throw.
  return { ok: false, errors: [{ path: '$', message: `unreadable input: ${String(error).slice(0, 200)}` }] };
}

/**
 * Finds the top-level `"items": [ … ]` array in JSON text and the [start, end) offsets of its first
 * `FEED_LIMITS.maxItems` elements (`total` counts them all). Null when the text has no such array or
 * is not balanced; JSON.parse of the pieces then catches every other syntax error.
 */
async function splitItems(text: string, tick: () => Promise<void>) {
  const slices: [number, number][] = [];
  let depth = 0;
  let start = -1;
  let from = -1;
  let total = 0;
  const push = (to: number, closing: boolean) => {
    if (closing && total === 0 && text.slice(from, to).trim() === '') return;
    if (total++ < L.maxItems) slices.push([from, to]);
  };
  for (let i = 0, steps = 0; i < text.length; i++) {
    if ((++steps & 1023) === 0) await tick();
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Jump to the closing quote: one that is not escaped by an odd number of backslashes.
      let j = i;
      for (;;) {
        j = text.indexOf('"', j + 1);
        if (j < 0) return null;
        let k = j - 1;
        while (text.charCodeAt(k) === 92) k--;
        if ((j - 1 - k) % 2 === 0) break;
      }
      i = j;
    } else if (c === 123 || c === 91) {
      if (c === 91 && depth === 1 && start < 0 && /"items"\s*:\s*$/.test(text.slice(Math.max(0, i - 64), i))) {
        start = i;
        from = i + 1;
      }
      depth++;
    } else if (c === 125 || c === 93) {
      depth--;
      if (c === 93 && depth === 1 && start >= 0 && from >= 0) {
        push(i, true);
        return depth === 1 ? { start, end: i, slices, total } : null;
      }
    } else if (c === 44 && depth === 2 && start >= 0) {
      push(i, false);
      from = i + 1;
    }
  }
  return null;
}

/** A closure rather than a class, so the minifier can shorten every helper name (the widget has a size budget). */
function createParser() {
  const errors: FeedIssue[] = [];
  const warnings: FeedIssue[] = [];
  const items: FeedItem[] = [];
  let shell: ClipShelfFeed | null = null;

  /** Checks everything but the items' contents; returns how many items to read. */
  function start(value: unknown, rawItems: unknown): number {
    if (!isObject(value)) return expected('$', 'a JSON object', value), 0;
    if (value.version !== JSON_FEED_VERSION) error('version', `expected "${JSON_FEED_VERSION}" (a JSON Feed 1.1 document)`);
    const ext = value._clipshelf;
    if (!isObject(ext)) error('_clipshelf', 'missing: not a ClipShelf feed (expected { "version": 1 })');
    else if (ext.version !== CLIPSHELF_FEED_VERSION)
      error('_clipshelf.version', `unsupported ClipShelf feed version ${JSON.stringify(ext.version)?.slice(0, 20)} (this reader knows 1)`);
    shell = {
      version: JSON_FEED_VERSION,
      title: readString(value, 'title', '', L.maxTitle, true) ?? '',
      _clipshelf: { version: CLIPSHELF_FEED_VERSION },
      items,
    };
    copyOptional(value, '', shell, ['home_page_url', 'feed_url'], []);
    const description = readString(value, 'description', '', L.maxText, false);
    if (description !== undefined) shell.description = description;
    if (!Array.isArray(rawItems)) return expected('items', 'an array', rawItems), 0;
    if (rawItems.length > L.maxItems) warn('items', `${rawItems.length} items; only the first ${L.maxItems} are read`);
    return Math.min(rawItems.length, L.maxItems);
  }

  function add(value: unknown, index: number): void {
    if (errors.length >= L.maxErrors) return;
    const path = `items[${index}]`;
    const item = isObject(value) ? readItem(value, path) : expected(path, 'an object', value);
    if (item) items.push(item);
  }

  function end(): ParseFeedResult {
    if (errors.length || !shell) return { ok: false, errors: errors.slice(0, L.maxErrors) };
    return { ok: true, feed: shell, warnings: warnings.slice(0, L.maxErrors) };
  }

  function readItem(value: Obj, path: string): FeedItem | null {
    const before = errors.length;
    const id = readString(value, 'id', path, L.maxShort, true);
    if (id === '') error(join(path, 'id'), 'must not be empty');
    const title = readString(value, 'title', path, L.maxTitle, false) ?? '';
    const summary = readString(value, 'summary', path, L.maxText, false) ?? '';
    const contentText = readString(value, 'content_text', path, L.maxContent, false);
    const ext = value._clipshelf;
    const p = join(path, '_clipshelf');
    let data: FeedItem['_clipshelf'] | null = null;
    if (!isObject(ext)) expected(p, 'an object', ext);
    else {
      if (ext.version !== CLIPSHELF_FEED_VERSION) error(join(p, 'version'), 'expected 1');
      data = {
        version: CLIPSHELF_FEED_VERSION,
        site: readString(ext, 'site', p, L.maxShort, false) ?? '',
        source: readString(ext, 'source', p, L.maxShort, false) ?? '',
        saved_at: readString(ext, 'saved_at', p, 64, false) ?? '',
        word_count: readCount(ext, 'word_count', p),
        reading_minutes: readCount(ext, 'reading_minutes', p),
        topics: readList(ext, 'topics', p, L.maxTopics, readTopic),
        speakers: readList(ext, 'speakers', p, L.maxSpeakers, readSpeaker),
      };
    }
    if (errors.length > before || id === undefined || data === null) return null;
    const item: FeedItem = { id, title, summary, content_text: contentText ?? summary, _clipshelf: data };
    copyOptional(value, path, item, ['url', 'image'], [['date_published', 64], ['date_modified', 64], ['language', 35]]);
    const authors = readList(value, 'authors', path, L.maxAuthors, (v, p) => {
      const name = readString(v, 'name', p, L.maxShort, false);
      return name ? { name } : null;
    });
    if (authors.length) item.authors = authors;
    const tags = readList<string, string>(value, 'tags', path, L.maxTags, (v, p) => cutWarn(v, L.maxShort, p), 'a string');
    if (tags.length) item.tags = tags;
    return errors.length > before ? null : item;
  }

  /** Copies the optional http(s) URLs and the optional strings (with their caps) that are present and valid. */
  function copyOptional(from: Obj, path: string, to: object, urls: string[], strings: [string, number][]) {
    const out = to as Obj;
    for (const key of urls) {
      const url = readUrl(from, key, path);
      if (url) out[key] = url;
    }
    for (const [key, max] of strings) {
      const text = readString(from, key, path, max, false);
      if (text) out[key] = text;
    }
  }

  function readSpeaker(value: Obj, path: string): FeedSpeaker | null {
    const name = readString(value, 'name', path, L.maxShort, true);
    const role = readString(value, 'role', path, L.maxShort, false) ?? '';
    const kind = readOneOf(value, 'kind', path, SPEAKER_KINDS, 'person');
    const statements = readList(value, 'statements', path, L.maxStatements, readStatement);
    return name === undefined || kind === null ? null : { name, role, kind, statements };
  }

  function readStatement(value: Obj, path: string): FeedStatement | null {
    const text = readString(value, 'text', path, L.maxText, true);
    const kind = readOneOf(value, 'kind', path, STATEMENT_KINDS, null);
    return text === undefined || kind === null ? null : { text, kind };
  }

  function readTopic(value: Obj, path: string): FeedTopic | null {
    const phrase = readString(value, 'phrase', path, L.maxShort, true);
    const raw = value.score;
    if (typeof raw !== 'number' || !Number.isFinite(raw)) return expected(join(path, 'score'), 'a number in (0, 1]', raw);
    let score = raw;
    if (score <= 0 || score > 1) {
      warn(join(path, 'score'), `${score} is outside (0, 1]; clamped`);
      score = Math.min(1, Math.max(0.001, score));
    }
    return phrase === undefined ? null : { phrase, score };
  }

  /** A list of objects (or, with `of: 'a string'`, of strings): capped at `max`, each entry checked and read. */
  function readList<T, E = Obj>(
    obj: Obj,
    key: string,
    path: string,
    max: number,
    read: (v: E, p: string) => T | null,
    of: 'an object' | 'a string' = 'an object',
  ): T[] {
    const value = obj[key];
    const p = join(path, key);
    const out: T[] = [];
    if (value === undefined) return out;
    if (!Array.isArray(value)) return expected(p, 'an array', value), out;
    if (value.length > max) warn(p, `${value.length} entries; only the first ${max} are read`);
    for (let i = 0; i < value.length && i < max && errors.length < L.maxErrors; i++) {
      const v: unknown = value[i];
      const entry = (of === 'a string' ? typeof v === 'string' : isObject(v)) ? read(v as E, `${p}[${i}]`) : expected(`${p}[${i}]`, of, v);
      if (entry !== null) out.push(entry);
    }
    return out;
  }

  function readString(obj: Obj, key: string, path: string, max: number, required: boolean): string | undefined {
    const value = obj[key];
    const p = join(path, key);
    if (value == null) {
      if (required) error(p, 'required string is missing');
    } else if (typeof value !== 'string') expected(p, 'a string', value);
    else return cutWarn(value, max, p);
    return undefined;
  }

  function cutWarn(value: string, max: number, path: string): string {
    const cut = cutText(value, max);
    if (cut !== value) warn(path, `${value.length} characters; cut to ${max}`);
    return cut;
  }

  function readUrl(obj: Obj, key: string, path: string): string | null {
    const value = obj[key];
    if (value == null || value === '') return null;
    const safe = toSafeHttpUrl(value);
    if (!safe) warn(join(path, key), 'not an http(s) URL; ignored');
    return safe;
  }

  function readCount(obj: Obj, key: string, path: string): number {
    const value = obj[key];
    if (value === undefined) return 0;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
      return expected(join(path, key), 'a non-negative number', value) ?? 0;
    return Math.min(Math.floor(value), 1e9);
  }

  function readOneOf<T extends string>(obj: Obj, key: string, path: string, allowed: readonly T[], fallback: T | null): T | null {
    const value = obj[key];
    if (value === undefined && fallback !== null) return fallback;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    error(join(path, key), `expected one of "${allowed.join('", "')}"`);
    return null;
  }

  /** Records "expected <what>, got <type>"; returns null so readers can `return expected(…)`. */
  function expected(path: string, what: string, value: unknown): null {
    error(path, `expected ${what}, got ${typeName(value)}`);
    return null;
  }

  function error(path: string, message: string) {
    if (errors.length < L.maxErrors) errors.push({ path: path || '$', message });
  }

  function warn(path: string, message: string) {
    if (warnings.length < L.maxErrors) warnings.push({ path: path || '$', message });
  }

  return { start, add, end };
}

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
