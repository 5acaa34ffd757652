/**
 * bench:capture — our whole capture (`captureDocument`) against Readability alone, on the 130 pages of
 * ../shared/fixtures/readability-pages, in one run, on the same DOM implementation (jsdom, as `captureHtml`).
 *
 * Method: every timed call gets a freshly parsed document (parseHtml: jsdom); parsing is excluded from all timings.
 *  - "readability": `new Readability(doc).parse()` on the fresh document (no clone: its cheapest possible use).
 *  - "capture": `captureDocument(doc, { documentIsCopy: true })`, exactly what `captureHtml` runs:
 *    isProbablyReaderable, metadata, lazy images, Readability, DOMPurify (in place), plain text, words, SHA-256.
 *  - with --clone, also "readability+clone" / "capture+clone": the same on a live page, which must not be
 *    modified: Readability's README usage `new Readability(doc.cloneNode(true))`, and `captureDocument(doc)`.
 * Rounds are interleaved (A, B, C per page per round) after one warm-up round; each page's time is the median of
 * its rounds; the summary gives median and p95 over pages and the ratio of medians. Target: capture ≤ 1.3×
 * readability at the median (and capture+clone ≤ 1.3× readability+clone).
 *
 * Usage: npm run bench:capture [-- --rounds 3] [-- --clone]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { captureDocument } from '../../lib/capture';
import { parseHtml } from '../../lib/capture/node';

const PAGES = join(import.meta.dirname, '../../../shared/fixtures/readability-pages');
const URL = 'http://fakehost/test/page.html';
const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 3;
const WITH_CLONE = process.argv.includes('--clone');

const pages = readdirSync(PAGES)
  .filter((slug) => statSync(join(PAGES, slug)).isDirectory())
  .sort()
  .map((slug) => ({ slug, html: readFileSync(join(PAGES, slug, 'source.html'), 'utf8') }));

type Variant = 'readability' | 'capture' | 'readability+clone' | 'capture+clone';
const VARIANTS: Variant[] = WITH_CLONE
  ? ['readability', 'capture', 'readability+clone', 'capture+clone']
  : ['readability', 'capture'];

async function runOnce(variant: Variant, html: string): Promise<number> {
  const page = parseHtml(html, URL);
  const doc = page.document;
  try {
    const start = performance.now();
    if (variant === 'readability') {
      new Readability(doc).parse();
    } else if (variant === 'readability+clone') {
      new Readability(doc.cloneNode(true) as Document).parse();
    } else {
      const documentIsCopy = variant === 'capture';
      const result = await captureDocument(doc, { url: URL, window: page.window, force: true, documentIsCopy });
      if (!result.ok && result.reason !== 'not-article') throw new Error(result.message);
    }
    return performance.now() - start;
  } finally {
    page.close();
  }
}

const times: Record<Variant, number[][]> = { readability: [], capture: [], 'readability+clone': [], 'capture+clone': [] };
for (let round = -1; round < ROUNDS; round++) {
  for (let i = 0; i < pages.length; i++) {
    // Rotate the order so no variant always runs first on a page (caches, GC pressure).
    const order = VARIANTS.map((_, k) => VARIANTS[(k + i + Math.max(round, 0)) % VARIANTS.length]!);
    for (const variant of order) {
      const ms = await runOnce(variant, pages[i]!.html);
      if (round >= 0) (times[variant][i] ??= []).push(ms);
    }
  }
  process.stderr.write(`round ${round < 0 ? 'warm-up' : round + 1}/${ROUNDS} done\n`);
}

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

const perPage = Object.fromEntries(VARIANTS.map((v) => [v, times[v].map(median)])) as Record<Variant, number[]>;
const base = median(perPage.readability);
console.log(`bench:capture — ${pages.length} pages, ${ROUNDS} rounds (+1 warm-up), jsdom DOM, parsing excluded`);
console.log('variant              median ms   p95 ms   total ms   median / readability median');
for (const v of VARIANTS) {
  const m = median(perPage[v]);
  const p95 = quantile(perPage[v], 0.95);
  const total = perPage[v].reduce((a, b) => a + b, 0);
  console.log(`${v.padEnd(20)} ${m.toFixed(2).padStart(9)} ${p95.toFixed(2).padStart(8)} ${total.toFixed(0).padStart(10)}   ${(m / base).toFixed(2)}×`);
}
const pairs = [['capture', 'readability'], ['capture+clone', 'readability+clone']] as const;
for (const [ours, theirs] of WITH_CLONE ? pairs : pairs.slice(0, 1)) {
  const ratio = median(perPage[ours]) / median(perPage[theirs]);
  const perPageRatios = perPage[ours].map((c, i) => c / perPage[theirs][i]!);
  console.log(
    `${ours} / ${theirs}: ${ratio.toFixed(2)}× at the median (target ≤ 1.30× → ${ratio <= 1.3 ? 'OK' : 'OVER'}); ` +
      `per-page ratio median ${median(perPageRatios).toFixed(2)}×, p95 ${quantile(perPageRatios, 0.95).toFixed(2)}×`,
  );
}
