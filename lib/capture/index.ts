/**
 * lib/capture: turns a page's DOM into a `CapturedArticle` (lib/model).
 *
 * Browser-safe entry (content script): `import { captureDocument, capturePage } from '../capture'`.
 * Node (CLI, tests, benchmarks): `import { captureHtml } from '../capture/node'` — a separate entry so the
 * extension bundle never pulls in happy-dom. lib/capture/node re-exports everything here as well.
 */
export {
  captureDocument,
  DEFAULT_MAX_ELEMS_TO_PARSE,
  MIN_KEPT_TEXT_RATIO,
} from './capture-document';
export type { CaptureOptions, CaptureResult, CaptureFailureReason } from './capture-document';
export { capturePage } from './capture-page';
export type { CapturePageOptions } from './capture-page';
export { normalizeUrl, selectDedupeUrl } from './normalize-url';
export { sanitizeArticle } from './sanitize-article';
export type { DedupeUrlCandidates } from './normalize-url';
export { parseDateText, normalizeDate } from './parse-date-text';
export { toPlainText, countWords, readingMinutes, hashText } from './to-plain-text';
