import type { Analysis, ArticleRecord, Speaker, SpeakerKind, Statement, StatementKind, Topic } from '../model';

/*
 * Strict reader for article records coming from a file (a backup). Unlike the store's lenient guards, a
 * wrong type here is an error with its JSON path: a file that does not say exactly what an article is gets
 * rejected whole rather than half-imported with silent defaults.
 */

/** Collects problems as "path: message" strings, with a cap so a hostile file cannot make the list huge. */
export class IssueList {
  readonly items: string[] = [];
  constructor(private readonly max = 20) {}
  add(path: string, message: string): void {
    if (this.items.length < this.max) this.items.push(path ? `${path}: ${message}` : message);
  }
  get ok(): boolean {
    return this.items.length === 0;
  }
}

type Fields = Record<string, unknown>;
export const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return 'text';
  return `a ${typeof v}`;
}

export function readString(o: Fields, key: string, path: string, issues: IssueList): string {
  const v = o[key];
  if (typeof v === 'string') return v;
  issues.add(`${path}.${key}`, `expected text, found ${v === undefined ? 'nothing' : describe(v)}`);
  return '';
}

function readStringOrNull(o: Fields, key: string, path: string, issues: IssueList): string | null {
  const v = o[key];
  if (v === null || typeof v === 'string') return v;
  issues.add(`${path}.${key}`, `expected text or null, found ${v === undefined ? 'nothing' : describe(v)}`);
  return null;
}

function readNumber(o: Fields, key: string, path: string, issues: IssueList): number {
  const v = o[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  issues.add(`${path}.${key}`, `expected a number, found ${v === undefined ? 'nothing' : describe(v)}`);
  return 0;
}

function readBoolean(o: Fields, key: string, path: string, issues: IssueList): boolean {
  const v = o[key];
  if (typeof v === 'boolean') return v;
  issues.add(`${path}.${key}`, `expected true or false, found ${v === undefined ? 'nothing' : describe(v)}`);
  return false;
}

function readStringList(o: Fields, key: string, path: string, issues: IssueList): string[] {
  const v = o[key];
  if (!Array.isArray(v)) {
    issues.add(`${path}.${key}`, `expected a list of text, found ${v === undefined ? 'nothing' : describe(v)}`);
    return [];
  }
  v.forEach((x, i) => {
    if (typeof x !== 'string') issues.add(`${path}.${key}[${i}]`, `expected text, found ${describe(x)}`);
  });
  return v.filter((x): x is string => typeof x === 'string');
}

function readList<T>(o: Fields, key: string, path: string, issues: IssueList, read: (v: unknown, p: string) => T | null): T[] {
  const v = o[key];
  if (!Array.isArray(v)) {
    issues.add(`${path}.${key}`, `expected a list, found ${v === undefined ? 'nothing' : describe(v)}`);
    return [];
  }
  const out: T[] = [];
  v.forEach((x, i) => {
    const r = read(x, `${path}.${key}[${i}]`);
    if (r !== null) out.push(r);
  });
  return out;
}

function readOneOf<T extends string>(o: Fields, key: string, allowed: readonly T[], path: string, issues: IssueList): T {
  const v = o[key];
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  issues.add(`${path}.${key}`, `expected one of ${allowed.join(', ')}, found ${v === undefined ? 'nothing' : JSON.stringify(v)?.slice(0, 40)}`);
  return allowed[0]!;
}

const SPEAKER_KINDS: readonly SpeakerKind[] = ['person', 'organization', 'unnamed'];
const STATEMENT_KINDS: readonly StatementKind[] = ['direct', 'indirect'];

function readStatement(v: unknown, path: string, issues: IssueList): Statement | null {
  if (!isFields(v)) return issues.add(path, `expected a statement object, found ${describe(v)}`), null;
  return {
    text: readString(v, 'text', path, issues),
    kind: readOneOf(v, 'kind', STATEMENT_KINDS, path, issues),
    cue: readString(v, 'cue', path, issues),
    start: readNumber(v, 'start', path, issues),
    end: readNumber(v, 'end', path, issues),
  };
}

function readSpeaker(v: unknown, path: string, issues: IssueList): Speaker | null {
  if (!isFields(v)) return issues.add(path, `expected a speaker object, found ${describe(v)}`), null;
  return {
    name: readString(v, 'name', path, issues),
    aliases: readStringList(v, 'aliases', path, issues),
    role: readString(v, 'role', path, issues),
    kind: readOneOf(v, 'kind', SPEAKER_KINDS, path, issues),
    statements: readList(v, 'statements', path, issues, (x, p) => readStatement(x, p, issues)),
  };
}

function readTopic(v: unknown, path: string, issues: IssueList): Topic | null {
  if (!isFields(v)) return issues.add(path, `expected a topic object, found ${describe(v)}`), null;
  return { label: readString(v, 'label', path, issues), score: readNumber(v, 'score', path, issues) };
}

function readAnalysis(v: unknown, path: string, issues: IssueList): Analysis {
  if (!isFields(v)) {
    issues.add(path, `expected an analysis object, found ${describe(v)}`);
    return { speakers: [], topics: [], summary: '', lang: '' };
  }
  return {
    speakers: readList(v, 'speakers', path, issues, (x, p) => readSpeaker(x, p, issues)),
    topics: readList(v, 'topics', path, issues, (x, p) => readTopic(x, p, issues)),
    summary: readString(v, 'summary', path, issues),
    lang: readString(v, 'lang', path, issues),
  };
}

/** Reads one whole article record, reporting every wrong or missing field under `path`. */
export function readArticleRecord(v: unknown, path: string, issues: IssueList): ArticleRecord | null {
  if (!isFields(v)) return issues.add(path, `expected an article object, found ${describe(v)}`), null;
  const id = readString(v, 'id', path, issues);
  if (id === '' && typeof v.id === 'string') issues.add(`${path}.id`, 'must not be empty');
  const content = v.content;
  let html = '';
  let text = '';
  if (isFields(content)) {
    html = readString(content, 'html', `${path}.content`, issues);
    text = readString(content, 'text', `${path}.content`, issues);
  } else {
    issues.add(`${path}.content`, `expected an object with html and text, found ${content === undefined ? 'nothing' : describe(content)}`);
  }
  const updatedAt = v.updatedAt;
  if (updatedAt !== null && !(typeof updatedAt === 'number' && Number.isFinite(updatedAt))) {
    issues.add(`${path}.updatedAt`, `expected a number or null, found ${updatedAt === undefined ? 'nothing' : describe(updatedAt)}`);
  }
  return {
    id,
    url: readString(v, 'url', path, issues),
    pageUrl: readString(v, 'pageUrl', path, issues),
    title: readString(v, 'title', path, issues),
    authors: readStringList(v, 'authors', path, issues),
    published: readStringOrNull(v, 'published', path, issues),
    modified: readStringOrNull(v, 'modified', path, issues),
    siteName: readString(v, 'siteName', path, issues),
    source: readString(v, 'source', path, issues),
    lang: readString(v, 'lang', path, issues),
    excerpt: readString(v, 'excerpt', path, issues),
    imageUrl: readString(v, 'imageUrl', path, issues),
    wordCount: readNumber(v, 'wordCount', path, issues),
    readingMinutes: readNumber(v, 'readingMinutes', path, issues),
    contentHash: readString(v, 'contentHash', path, issues),
    savedAt: readNumber(v, 'savedAt', path, issues),
    updatedAt: typeof updatedAt === 'number' && Number.isFinite(updatedAt) ? updatedAt : null,
    tags: readStringList(v, 'tags', path, issues),
    read: readBoolean(v, 'read', path, issues),
    state: readOneOf(v, 'state', ['saved', 'pending'] as const, path, issues),
    analysis: readAnalysis(v.analysis, `${path}.analysis`, issues),
    speakerKeys: readStringList(v, 'speakerKeys', path, issues),
    topicKeys: readStringList(v, 'topicKeys', path, issues),
    content: { id, html, text },
  };
}
