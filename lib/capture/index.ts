/**
 * lib/capture: turns a page's DOM into a `CapturedArticle` (lib/model).
 *
 * Browser-safe entry (content script, extension pages): `import { captureDocument, capturePage } from '../capture'`.
 * Node (CLI, tests, benchmarks): `import { captureHtml, parseHtml, getPurifyWindow } from '../capture/node'` — a
 * separate entry so the extension bundle never pulls in jsdom. lib/capture/node re-exports everything here too.
 *
 * `CaptureResult` (ok / not-article with the article attached / empty / too-large / invalid-url) lives here, not
 * in lib/model: only capture's callers (content script, messaging) see it.
 */
export {
  captureDocument,
  DEFAULT_MAX_ELEMS_TO_PARSE,
  MIN_KEPT_TEXT_RATIO,
  MIN_ARTICLE_CHARS,
} from './capture-document';
export type { CaptureOptions, CaptureResult, CaptureFailureReason } from './capture-document';
export { capturePage } from './capture-page';
export type { CapturePageOptions } from './capture-page';
export { normalizeUrl, selectDedupeUrl } from './normalize-url';
export type { DedupeUrlCandidates } from './normalize-url';
export { sanitizeArticle } from './sanitize-article';
export { parseDateText, normalizeDate } from './parse-date-text';
export { toPlainText, countWords, readingMinutes, hashText } from './to-plain-text';
