import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { parseHtml } from '../../lib/capture/node';
import { removeClobberingNames } from '../../lib/capture/dom-guards';
import { readPageMetadata, baseUrl } from '../../lib/capture/read-page-metadata';
import { promoteLazyImages } from '../../lib/capture/promote-lazy-images';
import { sanitizeArticle } from '../../lib/capture/sanitize-article';
import { toPlainText, countWords, hashText } from '../../lib/capture/to-plain-text';
const PAGES = '../shared/fixtures/readability-pages';
const pages = readdirSync(PAGES).filter((s) => statSync(join(PAGES, s)).isDirectory()).sort().map((s) => readFileSync(join(PAGES, s, 'source.html'), 'utf8'));
const T: Record<string, number[]> = {};
const time = <R>(k: string, f: () => R): R => { const t = performance.now(); const r = f(); (T[k] ??= []).push(performance.now() - t); return r; };
const U = 'http://fakehost/test/page.html';
for (let round = 0; round < 2; round++) for (const html of pages) {
  const p = parseHtml(html, U); const doc = p.document;
  time('clobber', () => removeClobberingNames(doc));
  time('readerable', () => isProbablyReaderable(doc));
  time('meta', () => readPageMetadata(doc, U));
  time('base', () => baseUrl(doc, U));
  time('visibleText', () => { const b = doc.body; let n = (b.textContent ?? '').length; for (const t of ['script','style','noscript','template']) { const h = b.getElementsByTagName(t); for (let i=0;i<h.length;i++) n -= (h[i]!.textContent??'').length; } return n; });
  time('lazy', () => promoteLazyImages(doc));
  const parsed = time('readability', () => new Readability<Element>(doc, { serializer: (n) => n as Element }).parse());
  if (!parsed?.content) { p.close(); continue; }
  const root = time('purify', () => sanitizeArticle(parsed.content!, p.window, U));
  const text = time('plain', () => toPlainText(root));
  time('html', () => root.innerHTML);
  time('words', () => countWords(text));
  await hashText(text);
  p.close();
}
const med = (xs: number[]) => { const s = [...xs].sort((a,b)=>a-b); return s[Math.floor(s.length/2)]!; };
for (const [k, v] of Object.entries(T)) console.log(k.padEnd(12), 'median', med(v).toFixed(2), 'total', v.reduce((a,b)=>a+b,0).toFixed(0));
