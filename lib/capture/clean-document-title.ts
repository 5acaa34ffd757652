import type { ElementsByTag } from './dom-guards';

/** Title separators, including the en and em dashes Readability 0.6 does not know ("Headline – Site"). */
const SEPARATOR = / [|\-–—\\/>»] /;
const SEPARATORS = / [|\-–—\\/>»] /g;
const HIERARCHICAL = / [\\/>»] /;

/**
 * The headline inside a `<title>` ("Headline | Site" → "Headline"), for pages without a metadata title.
 * Readability's `_getArticleTitle` rules, with en/em dashes as separators as in Readability's later versions.
 */
export function cleanDocumentTitle(doc: Document, byTag: ElementsByTag): string {
  const original = (doc.title ?? '').replace(/\s+/g, ' ').trim();
  let title = original;
  let hierarchical = false;
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

  if (SEPARATOR.test(title)) {
    hierarchical = HIERARCHICAL.test(title);
    const all = [...original.matchAll(SEPARATORS)];
    title = original.slice(0, all[all.length - 1]!.index);
    // Too short: the site name came first ("Site | Headline"), so drop the first part instead.
    if (words(title) < 3) title = original.replace(/^[^|\-–—\\/>»]*[|\-–—\\/>»]/, '');
  } else if (title.includes(': ')) {
    const headings = [...byTag('h1'), ...byTag('h2')];
    if (!headings.some((h) => (h.textContent ?? '').trim() === original)) {
      title = original.slice(original.lastIndexOf(':') + 1);
      if (words(title) < 3) title = original.slice(original.indexOf(':') + 1);
      else if (words(original.slice(0, original.indexOf(':'))) > 5) title = original;
    }
  } else if (title.length > 150 || title.length < 15) {
    const h1s = byTag('h1');
    if (h1s.length === 1) title = (h1s[0]!.textContent ?? '').replace(/\s+/g, ' ');
  }

  title = title.replace(/\s+/g, ' ').trim();
  const count = words(title);
  // Four words or fewer is probably not the whole headline, unless only a hierarchical site path was cut.
  if (count <= 4 && (!hierarchical || count !== words(original.replace(/[|\-–—\\/>»]+/g, '')) - 1)) {
    title = original;
  }
  return title;
}
