import { JSDOM, VirtualConsole } from 'jsdom';
import type { WindowLike } from 'dompurify';
import type { CapturedArticle } from '../model';
import { captureDocument, type CaptureOptions } from './capture-document';

export interface CaptureHtmlOptions extends Omit<CaptureOptions, 'selection' | 'window' | 'documentIsCopy'> {}

/** A parsed page and its window; call `close()` when done with it. */
export interface ParsedPage {
  document: Document;
  window: WindowLike;
  close(): void;
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
  try {
    const result = await captureDocument(page.document, {
      ...options,
      force: options.force ?? true,
      window: page.window,
      documentIsCopy: true,
    });
    if (result.ok || result.reason === 'not-article') return result.article;
    throw new Error(`Cannot capture ${options.url}: ${result.message}`);
  } finally {
    page.close();
  }
}

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
  if (!head.startsWith('<') || html.includes('\u0000')) {
    throw new Error(`Cannot capture ${url}: the input is not an HTML page (it does not start with markup)`);
  }
  // A silent console: pages' CSS and markup errors are not ours to report.
  const dom = new JSDOM(html, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
  const { window } = dom;
  const document = window.document;
  if (!document.documentElement || !document.body) {
    window.close();
    throw new Error(`Cannot capture ${url}: the HTML could not be parsed into a document`);
  }
  return { document, window: window as unknown as WindowLike, close: () => window.close() };
}
