import type { WindowLike } from 'dompurify';
import { analyzeArticle } from '../analysis';
// sanitizeArticle: lib/capture's DOMPurify helper, the same configuration that sanitizes captures before storing.
import { captureDocument, normalizeUrl, sanitizeArticle } from '../capture';
import type { ImportDeps } from './plan-import';

/**
 * The real import dependencies for an extension page (the library page): DOMParser documents are inert (no
 * scripts run, nothing loads), captureDocument runs Readability + DOMPurify, analyzeArticle the analysis.
 */
export function createBrowserImportDeps(view: Window = window): ImportDeps {
  const Parser = (view as unknown as typeof globalThis).DOMParser;
  const parse = (html: string): Document => new Parser().parseFromString(html, 'text/html');
  return {
    async captureContent(html, url) {
      const result = await captureDocument(parse(html), { url, force: true, window: view as unknown as WindowLike });
      if (result.ok) return result.article;
      return result.reason === 'not-article' ? result.article : null;
    },
    analyzeArticle,
    sanitizeHtml(html, url) {
      return sanitizeArticle(html, view as unknown as WindowLike, url).innerHTML;
    },
    normalizeUrl: (url) => normalizeUrl(url),
  };
}
