import { JSDOM, VirtualConsole } from 'jsdom';
import type { WindowLike } from 'dompurify';
import type { CapturedArticle } from '../model';
import { captureDocument, type CaptureOptions } from './capture-document';
import { MAX_HTML_DEPTH, nestsDeeperThan } from './dom-guards';

export interface CaptureHtmlOptions extends Omit<CaptureOptions, 'selection' | 'window' | 'documentIsCopy'> {}

/** A parsed page and its window; await `close()` when done with it. */
export interface ParsedPage {
  document: Document;
  window: WindowLike;
  /**
   * Closes the window and gives the event loop a turn: jsdom finishes closing in a later task (a closed page's
   * frame loads and load events still hold it), so a batch that never yields (capture itself has no asynchronous
   * step) would keep every page it parsed alive until memory runs out.
   */
  close(): Promise<void>;
}

let purifyWindow: WindowLike | null = null;

/** One shared jsdom window for sanitizing HTML strings in Node (`sanitizeArticle(html, getPurifyWindow(), url)`). */
export function getPurifyWindow(): WindowLike {
  purifyWindow ??= new JSDOM('<!DOCTYPE html><body></body>', { virtualConsole: new VirtualConsole() })
    .window as unknown as WindowLike;
  return purifyWindow;
}

/**
 * Captures an HTML page in Node. The DOM is jsdom's: DOMPurify needs a spec-complete DOM, and with 3.4 it
 * silently does nothing on linkedom (no `document.implementation`; its hardened accessors find no prototype
 * getters) and removes nothing on happy-dom (`Node.prototype.nodeName` returns undefined). jsdom runs no page
 * scripts and loads nothing here. Pages that do not look like articles are still returned with
 * `probablyArticle: false`. Throws an Error with a clear message on input that is not an HTML page, or when no
 * article text can be found.
 */
export async function captureHtml(html: string, options: CaptureHtmlOptions): Promise<CapturedArticle> {
  const page = parseHtml(html, options.url);
  let result: Awaited<ReturnType<typeof captureDocument>>;
  try {
    result = await captureDocument(page.document, {
      ...options,
      force: options.force ?? true,
      window: page.window,
      documentIsCopy: true,
    });
  } catch (error) {
    // Depth is estimated before parsing; this is the last line against a structure that still recurses too deep.
    if (error instanceof RangeError) {
      throw new Error(`Cannot capture ${options.url}: the page is too deeply nested to read (${error.message})`);
    }
    throw error;
  } finally {
    await page.close();
  }
  if (result.ok || result.reason === 'not-article') return result.article;
  throw new Error(`Cannot capture ${options.url}: ${result.message}`);
}

/** Control characters that never appear at the start of a text file (NUL and C0 controls other than whitespace). */
const BINARY = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/;

/** Parses `html` as the page at `url` (jsdom; no scripts, no sub-resources). Throws on input that is not HTML. */
export function parseHtml(html: string, url: string): ParsedPage {
  if (typeof html !== 'string') throw new TypeError('captureHtml: html must be a string');
  try {
    new URL(url);
  } catch {
    throw new Error(`Cannot capture: "${url}" is not a valid URL`);
  }
  const head = html.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (!head) throw new Error(`Cannot capture ${url}: the page is empty`);
  if (!head.startsWith('<')) {
    throw new Error(`Cannot capture ${url}: the input is not an HTML page (it does not start with markup)`);
  }
  // Binary data shows in its first bytes (magic numbers, NULs); a NUL later in a page is what browsers read as
  // U+FFFD, and so does capture.
  if (BINARY.test(head.slice(0, 16))) {
    throw new Error(`Cannot capture ${url}: the input is not an HTML page (it holds binary data)`);
  }
  if (nestsDeeperThan(html)) {
    throw new Error(`Cannot capture ${url}: the page's markup is nested too deeply (over ${MAX_HTML_DEPTH} levels) to read safely. Open it in the browser and save it from there.`);
  }
  const source = html.includes('\u0000') ? html.replaceAll('\u0000', '\uFFFD') : html;
  // A silent console: pages' CSS and markup errors are not ours to report.
  const dom = new JSDOM(source, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
  const { window } = dom;
  const document = window.document;
  if (!document.documentElement || !document.body) {
    window.close();
    throw new Error(`Cannot capture ${url}: the HTML could not be parsed into a document`);
  }
  return {
    document,
    window: window as unknown as WindowLike,
    close: () => {
      window.close();
      return new Promise((resolve) => setImmediate(resolve));
    },
  };
}
