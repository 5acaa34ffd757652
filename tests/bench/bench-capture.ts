/**
 * bench:capture — our whole capture (`captureDocument`) against Readability alone, on the 130 pages of
 * ../shared/fixtures/readability-pages, side by side in one run, on the same DOM implementation.
 *
 * Default (Node): jsdom, as `captureHtml` runs it. With --browser: headless Chromium (/usr/bin/chromium via
 * playwright-core), the content script's real environment: native DOM, native DOMPurify.
 *
 * Method: every timed call gets a freshly parsed document (Node: parseHtml/jsdom; browser: DOMParser, which runs
 * no page scripts); parsing is excluded from all timings.
 *  - "readability": `new Readability(doc).parse()` on the fresh document (no clone: its cheapest possible use).
 *  - "capture": `captureDocument(doc, { documentIsCopy: true })`, exactly what `captureHtml` runs:
 *    isProbablyReaderable, metadata, lazy images, Readability, DOMPurify (in place), plain text, words, SHA-256.
 *  - "readability+purify": Readability, then plain DOMPurify (defaults, in place) on its output — the floor of
 *    any capture that sanitizes (shown for reference, not a target).
 *  - with --clone (always in --browser), also "readability+clone" / "capture+clone": the same on a live page,
 *    which must not be modified: Readability's README usage `new Readability(doc.cloneNode(true))`, and
 *    `captureDocument(doc)` (it clones) — what the content script does.
 * Rounds are interleaved (variants rotate per page per round) after one warm-up round; each page's time is the
 * median of its rounds; the summary gives median and p95 over pages and the ratio of medians.
 * Target: capture ≤ 1.3× readability at the median.
 *
 * Usage: npm run bench:capture [-- --rounds 3] [-- --clone] [-- --browser]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import { captureDocument } from '../../lib/capture';
import { parseHtml } from '../../lib/capture/node';

const ROOT = join(import.meta.dirname, '../..');
const PAGES = join(ROOT, '../shared/fixtures/readability-pages');
const URL = 'http://fakehost/test/page.html';
const arg = (name: string) => process.argv.indexOf(name);
const BROWSER = arg('--browser') > 0;
const ROUNDS = arg('--rounds') > 0 ? Number(process.argv[arg('--rounds') + 1]) : BROWSER ? 5 : 3;
const WITH_CLONE = BROWSER || arg('--clone') > 0;

const pages = readdirSync(PAGES)
  .filter((slug) => statSync(join(PAGES, slug)).isDirectory())
  .sort()
  .map((slug) => ({ slug, html: readFileSync(join(PAGES, slug, 'source.html'), 'utf8') }));

type Variant = 'readability' | 'capture' | 'readability+purify' | 'readability+clone' | 'capture+clone';
const VARIANTS: Variant[] = WITH_CLONE
  ? ['readability', 'capture', 'readability+purify', 'readability+clone', 'capture+clone']
  : ['readability', 'capture', 'readability+purify'];

/** Runs one variant on one page and returns the milliseconds it took (parsing excluded). */
type Runner = (variant: Variant, html: string) => Promise<number>;

const runInNode: Runner = async (variant, html) => {
  const page = parseHtml(html, URL);
  const doc = page.document;
  try {
    const start = performance.now();
    if (variant === 'readability') {
      new Readability(doc).parse();
    } else if (variant === 'readability+purify') {
      const article = new Readability<Element>(doc, { serializer: (n) => n as Element }).parse();
      if (article?.content) createDOMPurify(page.window).sanitize(article.content, { IN_PLACE: true });
    } else if (variant === 'readability+clone') {
      new Readability(doc.cloneNode(true) as Document).parse();
    } else {
      const documentIsCopy = variant === 'capture';
      const result = await captureDocument(doc, { url: URL, window: page.window, force: true, documentIsCopy });
      if (!result.ok && result.reason !== 'not-article') throw new Error(result.message);
    }
    return performance.now() - start;
  } finally {
    await page.close();
  }
};

/** Chromium with lib/capture + Readability bundled into a blank page on a 127.0.0.1 URL (a secure context). */
async function openBrowserRunner(): Promise<{ run: Runner; close(): Promise<void> }> {
  const { build } = await import('esbuild');
  const { chromium } = await import('playwright-core');
  const bundle = await build({
    stdin: {
      contents: `import { Readability } from '@mozilla/readability';
        import DOMPurify from 'dompurify';
        import { captureDocument } from './lib/capture';
        const keepNode = (node) => node;
        globalThis.__bench = { Readability, DOMPurify, captureDocument, keepNode };`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const page = await browser.newPage();
  // Served by the route handler, never by a server: no network, and 127.0.0.1 makes crypto.subtle available.
  // Cross-origin isolation gives performance.now() 5 µs steps instead of 100 µs (the median page takes ~3 ms).
  const isolated = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  await page.route('http://127.0.0.1:9/**', (route) =>
    route.fulfill({ contentType: 'text/html', headers: isolated, body: '<!DOCTYPE html><html><body></body></html>' }));
  await page.goto('http://127.0.0.1:9/bench.html');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  if (!(await page.evaluate(() => globalThis.crossOriginIsolated))) throw new Error('bench page is not cross-origin isolated');
  const run: Runner = (variant, html) =>
    page.evaluate(async ({ variant, html, url }) => {
      type Bench = {
        Readability: new (doc: Document, options?: object) => { parse(): { content: Node } | null };
        DOMPurify: { sanitize(node: Node, options: object): unknown };
        keepNode: (node: Node) => Node;
        captureDocument: (doc: Document, options: object) => Promise<{ ok: boolean; reason?: string }>;
      };
      // Functions are defined in the bundle: tsx would wrap ones written here in a helper the page lacks.
      const { Readability, DOMPurify, captureDocument, keepNode } = (globalThis as unknown as { __bench: Bench }).__bench;
      const doc = new DOMParser().parseFromString(html, 'text/html');
      // DOMParser documents have no URL of their own: give relative links the page's address, as a live page has.
      const base = doc.createElement('base');
      base.href = url;
      if (!doc.querySelector('base[href]')) doc.head.prepend(base);
      const start = performance.now();
      if (variant === 'readability') new Readability(doc).parse();
      else if (variant === 'readability+purify') {
        const article = new Readability(doc, { serializer: keepNode }).parse();
        if (article) DOMPurify.sanitize(article.content, { IN_PLACE: true });
      }
      else if (variant === 'readability+clone') new Readability(doc.cloneNode(true) as Document).parse();
      else await captureDocument(doc, { url, force: true, documentIsCopy: variant === 'capture' });
      return performance.now() - start;
    }, { variant, html, url: URL });
  return { run, close: () => browser.close() };
}

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    console.error('bench:capture: timed out');
    process.exit(2);
  }, 60 * 60_000);
  watchdog.unref();
  const browserRunner = BROWSER ? await openBrowserRunner() : null;
  const run = browserRunner?.run ?? runInNode;
  const times: Record<Variant, number[][]> = {
    readability: [], capture: [], 'readability+purify': [], 'readability+clone': [], 'capture+clone': [],
  };
  try {
    for (let round = -1; round < ROUNDS; round++) {
      for (let i = 0; i < pages.length; i++) {
        // Rotate the order so no variant always runs first on a page (caches, GC pressure).
        const order = VARIANTS.map((_, k) => VARIANTS[(k + i + Math.max(round, 0)) % VARIANTS.length]!);
        for (const variant of order) {
          const ms = await run(variant, pages[i]!.html);
          if (round >= 0) (times[variant][i] ??= []).push(ms);
        }
      }
      process.stderr.write(`round ${round < 0 ? 'warm-up' : round + 1}/${ROUNDS} done\n`);
    }
  } finally {
    await browserRunner?.close();
  }
  report(times);
}

function report(times: Record<Variant, number[][]>): void {
  const perPage = Object.fromEntries(VARIANTS.map((v) => [v, times[v].map(median)])) as Record<Variant, number[]>;
  const base = median(perPage.readability);
  const env = BROWSER ? 'Chromium (DOMParser documents)' : 'Node, jsdom';
  console.log(`bench:capture — ${pages.length} pages, ${ROUNDS} rounds (+1 warm-up), ${env}, parsing excluded`);
  console.log('variant              median ms   p95 ms   total ms   median / readability median');
  for (const v of VARIANTS) {
    const m = median(perPage[v]);
    const p95 = quantile(perPage[v], 0.95);
    const total = perPage[v].reduce((a, b) => a + b, 0);
    console.log(`${v.padEnd(20)} ${m.toFixed(2).padStart(9)} ${p95.toFixed(2).padStart(8)} ${total.toFixed(0).padStart(10)}   ${(m / base).toFixed(2)}×`);
  }
  const pairs = [['capture', 'readability'], ['capture', 'readability+purify'], ['capture+clone', 'readability+clone']] as const;
  for (const [ours, theirs] of WITH_CLONE ? pairs : pairs.slice(0, 2)) {
    const ratio = median(perPage[ours]) / median(perPage[theirs]);
    const perPageRatios = perPage[ours].map((c, i) => c / perPage[theirs][i]!);
    const target = theirs === 'readability+purify' ? '' : ` (target ≤ 1.30× → ${ratio <= 1.3 ? 'OK' : 'OVER'})`;
    console.log(
      `${ours} / ${theirs}: ${ratio.toFixed(2)}× at the median${target}; ` +
        `per-page ratio median ${median(perPageRatios).toFixed(2)}×, p95 ${quantile(perPageRatios, 0.95).toFixed(2)}×`,
    );
  }
}

function median(xs: number[]): number {
  return quantile(xs, 0.5);
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

await main();
