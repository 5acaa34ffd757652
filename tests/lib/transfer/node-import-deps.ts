import { analyzeArticle } from '../../../lib/analysis';
import { captureHtml, getPurifyWindow, normalizeUrl } from '../../../lib/capture/node';
import { sanitizeArticle } from '../../../lib/capture/sanitize-article';
import type { ImportDeps } from '../../../lib/transfer';

/** The real capture/analysis pipeline in Node (lib/capture's Node entry), as the library page wires it in the browser. */
export function createNodeImportDeps(): ImportDeps {
  return {
    async captureContent(html, url) {
      try {
        return await captureHtml(html, { url, force: true });
      } catch {
        return null;
      }
    },
    analyzeArticle,
    sanitizeHtml: (html, url) => sanitizeArticle(html, getPurifyWindow(), url).innerHTML,
    normalizeUrl: (url) => normalizeUrl(url),
  };
}
