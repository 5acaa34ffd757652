import type { CaptureResult } from '../capture';
import type { CapturedArticle } from '../model';

/** What the background asks the capture content script to do. */
export interface CaptureRequest {
  /** "Save anyway": keep a page that does not look like an article. */
  force: boolean;
  /** Capture only the user's selection (context menu "Save selection"). */
  selection: boolean;
}

/**
 * How long the background waits for the capture script. A hostile or pathological page can keep it busy for ever
 * (its tab's renderer is the one that spins); the user gets an answer instead of "Saving…" without end.
 */
export const CAPTURE_TIMEOUT_MS = 30_000;

/** Thrown by `withCaptureTimeout` when the capture script has not answered in time. */
export class CaptureTimeoutError extends Error {
  constructor(ms: number) {
    super(`The page took too long to capture (over ${Math.round(ms / 1000)} s) and was not saved. Reload it and try again, or select the part you want and save the selection.`);
    this.name = 'CaptureTimeoutError';
  }
}

/** `capture`, or a CaptureTimeoutError after `ms` (the script itself cannot be stopped; its late reply is ignored). */
export function withCaptureTimeout<T>(capture: Promise<T>, ms: number = CAPTURE_TIMEOUT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CaptureTimeoutError(ms)), ms);
  });
  return Promise.race([capture, timeout]).finally(() => clearTimeout(timer));
}

/** Where the request waits for the capture script, in the content scripts' isolated world (pages cannot see it). */
export const CAPTURE_REQUEST_KEY = '__clipShelfCaptureRequest';

/**
 * Injected with `scripting.executeScript({ func, args })` right before the capture script file, which cannot
 * take arguments. Self-contained on purpose: the browser serializes this function's source.
 */
export function stashCaptureRequest(key: string, request: CaptureRequest): void {
  Reflect.set(globalThis, key, request);
}

/** Reads and clears the stashed request (content script side); defaults when there is none or it is malformed. */
export function takeCaptureRequest(scope: object = globalThis): CaptureRequest {
  const value: unknown = Reflect.get(scope, CAPTURE_REQUEST_KEY);
  Reflect.deleteProperty(scope, CAPTURE_REQUEST_KEY);
  if (typeof value !== 'object' || value === null) return { force: false, selection: false };
  return {
    force: Reflect.get(value, 'force') === true,
    selection: Reflect.get(value, 'selection') === true,
  };
}

type Fields = Record<string, unknown>;
const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isStringOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Upper bounds that keep a runaway page from filling the library with one record. */
export const MAX_CAPTURE_HTML = 5_000_000;
export const MAX_CAPTURE_TEXT = 2_000_000;
const MAX_HTML = MAX_CAPTURE_HTML;
const MAX_TEXT = MAX_CAPTURE_TEXT;

/** True when a reply is a capture whose article is over the size limits (so the user hears "too large", not "invalid"). */
export function isOversizedCapture(value: unknown): boolean {
  if (!isFields(value) || !isFields(value.article)) return false;
  const { html, text } = value.article;
  return (typeof html === 'string' && html.length > MAX_HTML) || (typeof text === 'string' && text.length > MAX_TEXT);
}

function toCapturedArticle(value: unknown): CapturedArticle | null {
  if (!isFields(value)) return null;
  const v = value;
  if (
    !isString(v.title) ||
    !Array.isArray(v.authors) ||
    !v.authors.every(isString) ||
    !isStringOrNull(v.published) ||
    !isStringOrNull(v.modified) ||
    !isString(v.siteName) ||
    !isString(v.source) ||
    !isString(v.lang) ||
    !isString(v.excerpt) ||
    !isString(v.imageUrl) ||
    !isString(v.url) ||
    !/^https?:\/\//i.test(v.url) ||
    !isString(v.pageUrl) ||
    !isString(v.html) ||
    v.html.length > MAX_HTML ||
    !isString(v.text) ||
    v.text.length > MAX_TEXT ||
    !isCount(v.wordCount) ||
    !isCount(v.readingMinutes) ||
    !isString(v.contentHash) ||
    typeof v.probablyArticle !== 'boolean' ||
    typeof v.fromSelection !== 'boolean'
  ) {
    return null;
  }
  return {
    title: v.title,
    authors: [...v.authors],
    published: v.published,
    modified: v.modified,
    siteName: v.siteName,
    source: v.source,
    lang: v.lang,
    excerpt: v.excerpt,
    // Both end up as an <img src> or a link later: only web addresses survive.
    imageUrl: /^https?:\/\//i.test(v.imageUrl) ? v.imageUrl : '',
    url: v.url,
    pageUrl: /^(https?|file):\/\//i.test(v.pageUrl) ? v.pageUrl : v.url,
    html: v.html,
    text: v.text,
    wordCount: v.wordCount,
    readingMinutes: v.readingMinutes,
    contentHash: v.contentHash,
    probablyArticle: v.probablyArticle,
    fromSelection: v.fromSelection,
  };
}

/** What the capture script returns: the capture's result, or the error it threw (so the popup can say what broke). */
export type CaptureReply = CaptureResult | { ok: false; reason: 'script-error'; message: string };

/** Content-script side: runs the capture for the stashed request and turns a thrown error into a reply. */
export async function replyToCapture(
  capture: (request: CaptureRequest) => Promise<CaptureResult>,
  scope: object = globalThis,
): Promise<CaptureReply> {
  const request = takeCaptureRequest(scope);
  try {
    return await capture(request);
  } catch (error) {
    return { ok: false, reason: 'script-error', message: error instanceof Error ? error.message : String(error) };
  }
}

const FAILURE_REASONS = ['empty', 'too-large', 'invalid-url', 'not-html', 'script-error'] as const;
type OtherFailure = (typeof FAILURE_REASONS)[number];
const isOtherFailure = (value: unknown): value is OtherFailure =>
  FAILURE_REASONS.some((reason) => reason === value);

/**
 * Validates what the capture script returned (it ran in a web page's process, so it is untrusted input).
 * Null when the value is not a CaptureResult.
 */
export function parseCaptureResult(value: unknown): CaptureReply | null {
  if (!isFields(value)) return null;
  if (value.ok === true) {
    const article = toCapturedArticle(value.article);
    return article ? { ok: true, article } : null;
  }
  if (value.ok !== false || !isString(value.message)) return null;
  if (value.reason === 'not-article') {
    const article = toCapturedArticle(value.article);
    return article ? { ok: false, reason: 'not-article', message: value.message, article } : null;
  }
  return isOtherFailure(value.reason) ? { ok: false, reason: value.reason, message: value.message } : null;
}
