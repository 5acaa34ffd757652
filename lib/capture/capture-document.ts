import { Readability } from '@mozilla/readability';
import type { WindowLike } from 'dompurify';
import type { CapturedArticle } from '../model';
import { selectDedupeUrl } from './normalize-url';
import { normalizeDate } from './parse-date-text';
import { isNodeVisible } from './is-node-visible';
import { isReaderable } from './is-readerable';
import { promoteLazyImages } from './promote-lazy-images';
import { baseUrl, isJsonLdScript, normalizeLang, readPageMetadata, splitAuthors, type PageMetadata } from './read-page-metadata';
import { sanitizeArticle } from './sanitize-article';
import { cloneDocument, countElements, prepareCopy, readDocument, type PageIndex } from './dom-guards';
import { countWords, hashText, readingMinutes, toPlainText } from './to-plain-text';

/** Default element limit: far above real articles (the largest of the 130 test pages has about 10,000 elements). */
export const DEFAULT_MAX_ELEMS_TO_PARSE = 100_000;

/**
 * Below this share of the page's text, the extraction probably missed the page's point (a front page or a
 * listing where Readability picked one teaser block), so the page is not treated as an article.
 */
export const MIN_KEPT_TEXT_RATIO = 0.1;

/**
 * An extraction with at least this many visible characters (about 500 words) is an article whatever else the
 * page holds (a long story above a longer comment thread is still a story); only shorter ones are checked
 * against the page's text. It also spares counting the page's characters on most captures.
 */
export const MIN_ARTICLE_CHARS = 3000;

export interface CaptureOptions {
  /** The address the user is on (`location.href`). Relative links resolve against it (or the page's `<base>`). */
  url: string;
  /**
   * The user's selection: when it is non-empty, only the selected content is captured (with the page's metadata)
   * and the result has `fromSelection: true`. A collapsed/empty selection is ignored.
   */
  selection?: Selection | Range | readonly Range[] | null;
  /** Readability's element limit; pages with more elements fail with reason 'too-large'. 0 = no limit. */
  maxElemsToParse?: number;
  /** Return pages that do not look like articles as `ok: true` ("Save anyway"). */
  force?: boolean;
  /**
   * The window DOMPurify runs on. Defaults to the global window when `doc` is the global document, else
   * `doc.defaultView`, else the global window. Node callers pass a jsdom window (see `captureHtml`).
   */
  window?: WindowLike;
  /**
   * `doc` is a private copy made for this capture (Node: `captureHtml` parses one per call), so the defensive
   * clone is skipped and `doc` is modified. Never set this for a live page.
   */
  documentIsCopy?: boolean;
}

/** Why a capture produced no article to save ('not-html': a JSON, text, image … document). */
export type CaptureFailureReason = 'not-article' | 'empty' | 'too-large' | 'invalid-url' | 'not-html';

/** Document types capture reads (`document.contentType`); others are refused with reason 'not-html'. */
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

export type CaptureResult =
  | { ok: true; article: CapturedArticle }
  /** The page does not look like an article; `article` is what "Save anyway" would store (same as `force`). */
  | { ok: false; reason: 'not-article'; message: string; article: CapturedArticle }
  | { ok: false; reason: Exclude<CaptureFailureReason, 'not-article'>; message: string };

/**
 * Captures a page as a `CapturedArticle`: metadata, lazy images, Readability extraction (bounded by
 * `maxElemsToParse`), DOMPurify, plain text, word count and content hash. Works on `doc.cloneNode(true)`; the live
 * page is never modified. Browser-safe: no Node imports (Node callers use `captureHtml` from `lib/capture/node`).
 */
export async function captureDocument(doc: Document, options: CaptureOptions): Promise<CaptureResult> {
  const pageUrl = options.url;
  try {
    new URL(pageUrl);
  } catch {
    return { ok: false, reason: 'invalid-url', message: `Cannot capture: "${pageUrl}" is not a valid URL.` };
  }
  const view = options.window ?? defaultWindow(doc);
  const ranges = selectionRanges(options.selection);
  const maxElems = options.maxElemsToParse ?? DEFAULT_MAX_ELEMS_TO_PARSE;

  if (ranges.length === 0) {
    // A JSON, text, image or SVG document shown by the browser is not a page to read: say so, even on "Save anyway".
    const contentType = readDocument(doc, 'contentType');
    if (typeof contentType === 'string' && contentType !== '' && !HTML_TYPES.has(contentType.toLowerCase())) {
      return {
        ok: false,
        reason: 'not-html',
        message: `This is not an HTML page (${contentType}), so there is no article to save. Select the text you want and save the selection.`,
      };
    }
  }
  // On a live page, refuse huge documents before copying them (a native count is cheap in a browser); a private
  // copy is left to Readability's own check below.
  if (!options.documentIsCopy && maxElems > 0 && ranges.length === 0) {
    const count = countElements(doc);
    if (count > maxElems) return tooLarge(count, maxElems);
  }
  // Readability needs a copy it can tear apart. The page's element names must not shadow DOM properties in it
  // (DOM clobbering can send Readability's tree walk into an endless loop), so they go before anything reads it,
  // in the walk that also lists the elements the passes below read.
  const clone = options.documentIsCopy ? doc : cloneDocument(doc);
  const index = prepareCopy(clone);
  const readerable = isReaderable(index, isNodeVisible);
  const meta = readPageMetadata(clone, pageUrl, index.byTag);
  const base = baseUrl(index.byTag, pageUrl);

  if (ranges.length > 0) {
    const holder = clone.createElement('div');
    for (const range of ranges) holder.appendChild(clone.importNode(range.cloneContents(), true));
    promoteLazyImages(holder);
    const body = finishArticle(holder, view, base, meta, pageUrl, { readerable, fromSelection: true });
    if (!body.text) return { ok: false, reason: 'empty', message: 'The selection contains no text to save.' };
    return { ok: true, article: body };
  }

  removeScriptsAndStyles(index);
  // The page's visible text, for the kept-text ratio, is counted only when the extraction is short. A live page is
  // still intact then; a private copy is about to be torn apart, so its text is taken now.
  const pageText = options.documentIsCopy ? takePageText(clone, index) : (exact: boolean) => visibleTextLength(doc, exact);
  promoteLazyImages(clone, index.byTag);

  let parsed: ReturnType<Readability<Element>['parse']>;
  try {
    // Readability checks the element limit first thing and throws; the article comes back as
    // an element, which DOMPurify sanitizes in place when it can (no serialize/parse round trip).
    parsed = new Readability<Element>(clone, {
      maxElemsToParse: maxElems,
      serializer: (node) => node as Element,
      // JSON-LD stays on although our metadata pass reads it too: without a JSON-LD byline Readability tests every
      // node as a possible byline, which costs more than parsing the JSON again.
    }).parse();
  } catch (error) {
    const m = /Aborting parsing document; (\d+) elements found/.exec(error instanceof Error ? error.message : '');
    if (m) return tooLarge(Number(m[1]), maxElems);
    throw error;
  }

  let content: Element | null = parsed?.content ?? null;
  const extracted = (parsed?.textContent ?? '').trim() !== '';
  if (!extracted) {
    if (!options.force) {
      return { ok: false, reason: 'empty', message: 'No article text was found on this page.' };
    }
    // "Save anyway" on a page Readability cannot read: keep the whole body (a fresh copy: Readability mangled
    // the first one).
    const fresh = cloneDocument(doc);
    promoteLazyImages(fresh, prepareCopy(fresh).byTag);
    // A frameset page has no <body> (its `body` is the <frameset>): there is no text to keep.
    const body = readDocument(fresh, 'body') as Element | null;
    content = body?.localName === 'body' ? body : null;
    if (!content) return { ok: false, reason: 'empty', message: 'No article text was found on this page.' };
  }
  const merged = mergeReadability(meta, parsed);
  const article = finishArticle(content!, view, base, merged, pageUrl, { readerable, fromSelection: false });
  if (!article.text) return { ok: false, reason: 'empty', message: 'No article text was found on this page.' };
  article.probablyArticle = extracted && readerable && keepsEnoughText(article.text, pageText);
  if (!article.probablyArticle && !options.force) {
    return {
      ok: false,
      reason: 'not-article',
      message: "This page doesn't look like an article. Save it anyway, or select the part you want first.",
      article,
    };
  }
  return { ok: true, article };
}

/**
 * The window DOMPurify uses for `doc`: the script's own global when `doc` is its document (in a Firefox content
 * script `doc.defaultView` is an Xray of the page's window; the sandbox global is what DOMPurify supports there),
 * else the document's window (a DOMParser document has none: then the global window).
 */
function defaultWindow(doc: Document): WindowLike {
  const global = globalThis as unknown as WindowLike & { document?: Document };
  if (global.document === doc || !doc.defaultView) return global;
  return doc.defaultView as unknown as WindowLike;
}

function tooLarge(count: number, limit: number): CaptureResult {
  return {
    ok: false,
    reason: 'too-large',
    message: `This page is too large to capture (${count} elements; the limit is ${limit}). Select the part you want and capture the selection.`,
  };
}

/** Fills gaps in the page metadata from what Readability found in the content (byline, title heuristics). */
function mergeReadability(meta: PageMetadata, parsed: ReturnType<Readability<Element>['parse']>): PageMetadata {
  if (!parsed) return meta;
  const byline = parsed.byline?.trim() ?? '';
  const authors = (meta.authors.length === 0 || meta.authorsWeak) && byline ? splitAuthors(byline) : meta.authors;
  return {
    ...meta,
    // meta.title is a metadata title or the cleaned <title> (cleanDocumentTitle); Readability's is a fallback.
    title: meta.title || parsed.title?.trim() || '',
    authors: authors.length > 0 ? authors : meta.authors,
    siteName: meta.siteName || parsed.siteName?.trim() || '',
    lang: meta.lang || normalizeLang(parsed.lang ?? ''),
    excerpt: meta.excerpt || parsed.excerpt?.replace(/\s+/g, ' ').trim() || '',
    published: meta.published ?? normalizeDate(parsed.publishedTime),
  };
}

function finishArticle(
  content: Element,
  view: WindowLike,
  base: string,
  meta: PageMetadata,
  pageUrl: string,
  flags: { readerable: boolean; fromSelection: boolean },
): CapturedArticle {
  const root = sanitizeArticle(content, view, base);
  const text = toPlainText(root);
  const html = root.innerHTML;
  const wordCount = countWords(text);
  const firstImage = meta.imageUrl ? '' : (root.getElementsByTagName('img')[0]?.getAttribute('src') ?? '');
  return {
    title: meta.title,
    authors: meta.authors,
    published: meta.published,
    modified: meta.modified,
    siteName: meta.siteName,
    source: meta.source,
    lang: meta.lang,
    excerpt: meta.excerpt || firstParagraph(text).slice(0, 300),
    imageUrl: meta.imageUrl || (/^https?:/i.test(firstImage) ? firstImage : ''),
    url: selectDedupeUrl({ canonical: meta.canonical, ogUrl: meta.ogUrl, address: pageUrl }),
    pageUrl,
    html,
    text,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    contentHash: hashText(text),
    probablyArticle: flags.readerable,
    fromSelection: flags.fromSelection,
  };
}

function firstParagraph(text: string): string {
  const end = text.indexOf('\n\n');
  return end === -1 ? text : text.slice(0, end);
}

function selectionRanges(selection: CaptureOptions['selection']): Range[] {
  if (!selection) return [];
  let ranges: Range[];
  if ('rangeCount' in selection) {
    ranges = [];
    for (let i = 0; i < selection.rangeCount; i++) ranges.push(selection.getRangeAt(i));
  } else if ('cloneContents' in selection) {
    ranges = [selection];
  } else {
    ranges = [...selection];
  }
  return ranges.filter((r) => !r.collapsed && r.toString().trim() !== '');
}

/** Whether the extraction is long (MIN_ARTICLE_CHARS) or kept at least MIN_KEPT_TEXT_RATIO of the page's text. */
function keepsEnoughText(text: string, pageText: (exact: boolean) => number): boolean {
  const kept = countVisible(text);
  if (kept >= MIN_ARTICLE_CHARS) return true;
  // Raw lengths (whitespace included, native .length, no character loop) bound the visible text from above and
  // settle most pages; count characters only when the bound cannot.
  if (kept >= MIN_KEPT_TEXT_RATIO * pageText(false)) return true;
  const visible = pageText(true);
  return visible === 0 || kept / visible >= MIN_KEPT_TEXT_RATIO;
}

/**
 * Readability removes every script and style sheet first thing (after reading JSON-LD); capture does it on its copy
 * before taking the page text, which then holds no code or CSS to copy and skip. JSON-LD scripts stay for Readability.
 */
function removeScriptsAndStyles(index: PageIndex): void {
  for (const script of index.byTag('script')) if (!isJsonLdScript(script)) script.remove();
  for (const style of index.byTag('style')) style.remove();
}

const HIDDEN_TAGS = ['script', 'style', 'noscript', 'template'] as const;

/**
 * The page text of a private copy, taken before Readability tears the copy apart and measured only if asked: the
 * body's text as one string, and the script/style/noscript/template elements in it (Readability detaches them,
 * their text stays as it was).
 */
function takePageText(doc: Document, index: PageIndex): (exact: boolean) => number {
  const body = readDocument(doc, 'body') as Element | null;
  if (!body) return () => 0;
  const text = body.textContent ?? '';
  const hidden = HIDDEN_TAGS.flatMap((tag) => index.byTag(tag)).filter((el) => body.contains(el));
  return (exact) => measureText(text, hidden, exact);
}

/** Non-whitespace characters of the page's text outside script/style: what the reader sees, without a layout. */
function visibleTextLength(doc: Document, exact: boolean): number {
  const body = readDocument(doc, 'body') as Element | null;
  if (!body) return 0;
  // One pass for all four tags (the same elements as four getElementsByTagName lookups, which walk four times).
  return measureText(body.textContent ?? '', [...body.querySelectorAll(HIDDEN_TAGS.join(','))], exact);
}

function measureText(text: string, hidden: readonly Element[], exact: boolean): number {
  const measure = exact ? countVisible : (value: string) => value.length;
  let length = measure(text);
  for (const el of hidden) length -= measure(el.textContent ?? '');
  return Math.max(0, length);
}

function countVisible(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 0xa0) n++;
  }
  return n;
}
