import type { PageIndex } from './dom-guards';

// Readability-readerable.js's REGEXPS and defaults (0.6.0): keep them in step with the installed Readability.
const UNLIKELY_CANDIDATES =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const OK_MAYBE_ITS_A_CANDIDATE = /and|article|body|column|content|main|shadow/i;
const MIN_SCORE = 20;
const MIN_CONTENT_LENGTH = 140;

/**
 * Readability's `isProbablyReaderable`, step for step, on the candidates a `PageIndex` already listed (`<p>`,
 * `<pre>`, `<article>` and the `<div>` parents of `<br>`s). The library's version finds them
 * with two selector queries over the whole page, which in jsdom cost more than the check itself; a test holds the
 * two to the same answer on every fixture page.
 */
export function isReaderable(index: PageIndex, isVisible: (node: Node) => boolean): boolean {
  // The library visits them in document order and stops once the score passes MIN_SCORE; every step adds a non-negative
  // amount, so whether it ever passes does not depend on the order.
  const candidates = [...index.byTag('p'), ...index.byTag('pre'), ...index.byTag('article'), ...index.brParents];
  let score = 0;
  for (const node of candidates) {
    if (!isVisible(node)) continue;
    const matchString = `${node.className} ${node.id}`;
    if (UNLIKELY_CANDIDATES.test(matchString) && !OK_MAYBE_ITS_A_CANDIDATE.test(matchString)) continue;
    if (node.localName === 'p' && hasListItemAncestor(node)) continue; // node.matches('li p')
    const length = (node.textContent ?? '').trim().length;
    if (length < MIN_CONTENT_LENGTH) continue;
    score += Math.sqrt(length - MIN_CONTENT_LENGTH);
    if (score > MIN_SCORE) return true;
  }
  return false;
}

function hasListItemAncestor(node: Element): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) if (el.localName === 'li') return true;
  return false;
}
