/**
 * Capture's first walk over its copy (`prepareCopy`) lists the elements later passes read instead of querying for
 * them, and `isReaderable` runs Readability's `isProbablyReaderable` on those lists. Both must give exactly what
 * the queries and the library give: checked on every page of ../shared/fixtures/readability-pages and on
 * hand-made pages for the cases those pages may not hold (div > br, li p, hidden and unlikely candidates).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isProbablyReaderable } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { elementsByTagName, prepareCopy, type IndexedTag } from '../../../lib/capture/dom-guards';
import { isNodeVisible } from '../../../lib/capture/is-node-visible';
import { isReaderable } from '../../../lib/capture/is-readerable';
import { parseHtml } from '../../../lib/capture/node';

const PAGES = join(import.meta.dirname, '../../../../shared/fixtures/readability-pages');
const slugs = readdirSync(PAGES).filter((s) => statSync(join(PAGES, s)).isDirectory()).sort();
const TAGS: IndexedTag[] = ['meta', 'script', 'link', 'time', 'base', 'h1', 'h2', 'img', 'source', 'noscript', 'p',
  'pre', 'article', 'style', 'template'];

async function withPage<T>(html: string, run: (doc: Document) => T): Promise<T> {
  const page = parseHtml(html, 'http://fakehost/test/page.html');
  try {
    return run(page.document);
  } finally {
    await page.close();
  }
}

/**
 * What the index and the library say about one page, next to what the queries say. Elements are given as their
 * positions in the document (toEqual on elements would only compare their markup, not their identity).
 */
function compare(html: string): Promise<{ ours: unknown; queries: unknown }> {
  return withPage(html, (doc) => {
    const index = prepareCopy(doc);
    const position = new Map([...doc.getElementsByTagName('*')].map((el, i) => [el, i]));
    const at = (list: readonly (Element | null)[]) => list.map((el) => (el ? (position.get(el) ?? -1) : -1));
    const query = elementsByTagName(doc);
    const brParents = [...new Set([...doc.querySelectorAll('div > br')].map((br) => br.parentElement))];
    return {
      ours: {
        lists: TAGS.map((tag) => [tag, at(index.byTag(tag))]),
        brParents: at(index.brParents),
        readerable: isReaderable(index, isNodeVisible),
      },
      queries: {
        lists: TAGS.map((tag) => [tag, at(query(tag))]),
        brParents: at(brParents),
        readerable: isProbablyReaderable(doc, { visibilityChecker: isNodeVisible }),
      },
    };
  });
}

describe('page index', () => {
  it('lists the same elements as the queries, and agrees with isProbablyReaderable, on every fixture page', async () => {
    let readerable = 0;
    for (const slug of slugs) {
      const { ours, queries } = await compare(readFileSync(join(PAGES, slug, 'source.html'), 'utf8'));
      expect(ours, slug).toEqual(queries);
      if ((ours as { readerable: boolean }).readerable) readerable++;
    }
    // Both verdicts occur, so the agreement means something.
    console.log(`[page-index] ${slugs.length} pages, ${readerable} readerable, index = queries on all`);
    expect(readerable).toBeGreaterThan(50);
    expect(slugs.length - readerable).toBeGreaterThan(5);
  });

  const para = (n: number) => 'Reporters heard the minister explain the plan in detail. '.repeat(n);
  const cases: [string, string, boolean][] = [
    ['long paragraphs', `<p>${para(6)}</p><p>${para(6)}</p>`, true],
    ['text in a div with <br>s', `<div>${para(6)}<br><br>${para(6)}<br></div>`, true],
    ['paragraphs in list items do not count', `<ul><li><p>${para(8)}</p></li><li><p>${para(8)}</p></li></ul>`, false],
    ['hidden paragraphs do not count', `<p style="display:none">${para(8)}</p><p hidden>${para(8)}</p>`, false],
    ['unlikely classes do not count', `<p class="sidebar">${para(8)}</p><p id="footer">${para(8)}</p>`, false],
    ['unlikely but maybe a candidate', `<p class="sidebar-content">${para(8)}</p>`.repeat(2), true],
    ['short paragraphs do not add up', `<p>${para(2)}</p>`.repeat(30), false],
    ['pre and article count', `<pre>${para(6)}</pre><article>${para(6)}</article>`, true],
  ];
  for (const [name, body, expected] of cases) {
    it(`readerable: ${name}`, async () => {
      const { ours, queries } = await compare(`<!DOCTYPE html><html><head><title>t</title></head><body>${body}</body></html>`);
      expect(ours).toEqual(queries);
      expect((ours as { readerable: boolean }).readerable).toBe(expected);
    });
  }
});
