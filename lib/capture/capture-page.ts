import { captureDocument, type CaptureResult } from './capture-document';
import { callDocument } from './dom-guards';

export interface CapturePageOptions {
  /** Capture the whole page even when the selection is non-empty. */
  ignoreSelection?: boolean;
  /** "Save anyway": keep pages that do not look like articles. */
  force?: boolean;
  maxElemsToParse?: number;
}

/**
 * Content-script helper: captures the live page the script runs in — the user's selection when there is one,
 * else the whole article. Browser-only (uses the page's `document`, `location` and `getSelection`).
 */
export function capturePage(
  doc: Document = document,
  location: Pick<Location, 'href'> = window.location,
  // Through the prototype: `<img name=getSelection>` would shadow the document's own method.
  selection: Selection | null = callDocument<Selection | null>(doc, 'getSelection'),
  options: CapturePageOptions = {},
): Promise<CaptureResult> {
  return captureDocument(doc, {
    url: location.href,
    selection: options.ignoreSelection ? null : selection,
    force: options.force,
    maxElemsToParse: options.maxElemsToParse,
  });
}
