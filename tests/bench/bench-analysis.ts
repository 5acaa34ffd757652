/**
 * bench:analysis — speed of the on-device analysis engine (lib/analysis) and the bundle size it adds.
 *
 * Input: the 130 pages of ../shared/fixtures/readability-pages, each captured as the extension does
 * (`captureHtml(source.html, { url })` from lib/capture: Readability, sanitizing, plain text), so the engine
 * sees the same text as in the product. Capture runs once, before timing.
 *
 * Method: one warm-up pass of every part over every page, then, page by page with the parts interleaved, each call is repeated
 * (at least --min-reps times and until --min-ms of run time) and the page's time is the median of its repeats.
 * Parts: "analyze" = `analyzeArticle` (language + speakers + topics + summary, the whole engine) and,
 * separately, `extractSpeakers`, `extractTopics`, `summarize` on the same input (language decided beforehand,
 * as analyzeArticle does). Times are normalised to milliseconds per 1,000 words of the captured text; pages
 * under --min-words words are left out of the per-1,000-word figures (fixed costs dominate there) but listed.
 * Target: analyze ≤ 5 ms per 1,000 words at the median.
 *
 * On a busy machine (the load average is printed) a call of a few milliseconds is often preempted, which
 * inflates medians and makes the whole engine look slower than its parts added up; the "fastest-repeat"
 * columns (each page's fastest repeat) show the cost without that noise. Compare runs on the same machine.
 *
 * Bundle: lib/analysis/index.ts bundled and minified with esbuild (ESM, browser platform), raw and gzip bytes,
 * with the largest inputs.
 *
 * Usage: npm run bench:analysis [-- --min-reps 5 --min-ms 20 --min-words 100 --slowest 8]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { build } from 'esbuild';
import type { AnalysisInput } from '../../lib/model';
import { analyzeArticle, detectLanguage, extractSpeakers, extractTopics, summarize } from '../../lib/analysis';
import { captureHtml } from '../../lib/capture/node';

const ROOT = join(import.meta.dirname, '../..');
const PAGES = join(ROOT, '../shared/fixtures/readability-pages');
const URL = 'http://fakehost/test/page.html';

function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}
const MIN_REPS = numberArg('min-reps', 5);
const MIN_MS = numberArg('min-ms', 20);
const MIN_WORDS = numberArg('min-words', 100);
const SLOWEST = numberArg('slowest', 8);
const TARGET_MS_PER_1K = 5;

interface Page {
  slug: string;
  words: number;
  input: AnalysisInput;
  /** The input with the language analyzeArticle would decide, for timing the parts alone. */
  withLang: AnalysisInput;
}

const PARTS = {
  analyze: (p: Page) => analyzeArticle(p.input),
  speakers: (p: Page) => extractSpeakers(p.withLang),
  topics: (p: Page) => extractTopics(p.withLang),
  summary: (p: Page) => summarize(p.withLang),
} as const;
type Part = keyof typeof PARTS;
const PART_NAMES = Object.keys(PARTS) as Part[];

async function loadPages(): Promise<{ pages: Page[]; failed: string[] }> {
  const slugs = readdirSync(PAGES)
    .filter((slug) => statSync(join(PAGES, slug)).isDirectory())
    .sort();
  const pages: Page[] = [];
  const failed: string[] = [];
  for (const slug of slugs) {
    const html = readFileSync(join(PAGES, slug, 'source.html'), 'utf8');
    try {
      const article = await captureHtml(html, { url: URL });
      const input: AnalysisInput = { text: article.text, title: article.title, lang: article.lang, authors: article.authors };
      const withLang = { ...input, lang: detectLanguage(input.text, input.lang) };
      pages.push({ slug, words: article.wordCount, input, withLang });
    } catch (error) {
      failed.push(`${slug} (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return { pages, failed };
}

/** Median and minimum of one page's repeats, in milliseconds. */
function timePage(fn: () => unknown): { median: number; min: number } {
  const samples: number[] = [];
  let spent = 0;
  while (samples.length < MIN_REPS || spent < MIN_MS) {
    const start = performance.now();
    fn();
    const took = performance.now() - start;
    samples.push(took);
    spent += took;
    if (samples.length >= 1000) break;
  }
  return { median: quantile(samples, 0.5), min: Math.min(...samples) };
}

function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const fmt = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : '—');
const pad = (s: string, n: number) => s.padStart(n);

async function bundleSize(): Promise<void> {
  const result = await build({
    entryPoints: [join(ROOT, 'lib/analysis/index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const gz = gzipSync(code, { level: 9 }).length;
  console.log(`\nBundle: lib/analysis/index.ts (esbuild, minified ESM): ${code.length} bytes raw, ${gz} bytes gzip`);
  const output = Object.values(result.metafile.outputs)[0];
  if (output) {
    const inputs = Object.entries(output.inputs)
      .map(([file, info]) => ({ file: relative(ROOT, join(process.cwd(), file)), bytes: info.bytesInOutput }))
      .sort((a, b) => b.bytes - a.bytes);
    for (const { file, bytes } of inputs.slice(0, 10)) console.log(`  ${pad(String(bytes), 8)}  ${file}`);
  }
}

async function main(): Promise<void> {
  const { pages, failed } = await loadPages();
  const counted = pages.filter((p) => p.words >= MIN_WORDS);
  const totalWords = counted.reduce((sum, p) => sum + p.words, 0);
  const [load1] = loadavg();
  console.log(`machine: ${cpus().length} CPUs, load average ${fmt(load1 ?? NaN)} (numbers from a busy machine are inflated)`);
  console.log(
    `bench:analysis — ${pages.length} pages captured (${failed.length} failed), ${counted.length} with ≥ ${MIN_WORDS} words ` +
      `(${totalWords} words); repeats per page: ≥ ${MIN_REPS} and ≥ ${MIN_MS} ms; page time = median of repeats`,
  );
  if (failed.length) console.log(`  capture failed: ${failed.join('; ')}`);
  const short = pages.filter((p) => p.words < MIN_WORDS).map((p) => `${p.slug} (${p.words})`);
  if (short.length) console.log(`  left out of per-1k figures (< ${MIN_WORDS} words): ${short.join(', ')}`);

  // Warm-up: every part on every page, so the JIT has seen all code paths.
  for (const part of PART_NAMES) for (const p of pages) PARTS[part](p);

  // Parts are interleaved page by page, so a GC pause or a JIT tier-up does not favour one part.
  const perPage = new Map<Part, Array<{ slug: string; words: number; ms: number; per1k: number; minPer1k: number }>>(
    PART_NAMES.map((part) => [part, []]),
  );
  for (const p of counted) {
    for (const part of PART_NAMES) {
      const { median: ms, min } = timePage(() => PARTS[part](p));
      perPage.get(part)!.push({ slug: p.slug, words: p.words, ms, per1k: (ms / p.words) * 1000, minPer1k: (min / p.words) * 1000 });
    }
  }

  console.log(
    '\nms per 1,000 words, over pages   median      p95      max | corpus ms | fastest-repeat median   p95',
  );
  for (const part of PART_NAMES) {
    const rows = perPage.get(part)!;
    const per1k = rows.map((r) => r.per1k);
    const minPer1k = rows.map((r) => r.minPer1k);
    const total = rows.reduce((sum, r) => sum + r.ms, 0);
    console.log(
      `  ${part.padEnd(28)} ${pad(fmt(quantile(per1k, 0.5), 3), 8)} ${pad(fmt(quantile(per1k, 0.95), 3), 8)} ${pad(fmt(Math.max(...per1k), 3), 8)} | ${pad(fmt(total, 1), 9)} | ${pad(fmt(quantile(minPer1k, 0.5), 3), 22)} ${pad(fmt(quantile(minPer1k, 0.95), 3), 6)}`,
    );
  }
  console.log('  (page time = median of its repeats; "fastest-repeat" uses each page\'s fastest repeat: the floor without machine noise)');
  const analyze = perPage.get('analyze')!;
  const median = quantile(
    analyze.map((r) => r.per1k),
    0.5,
  );
  console.log(
    `\nTarget analyze ≤ ${TARGET_MS_PER_1K} ms per 1,000 words (median): ${fmt(median, 3)} ms → ${median <= TARGET_MS_PER_1K ? 'MET' : 'NOT MET'}`,
  );

  console.log(`\nSlowest pages (analyze, ms per 1,000 words; parts alongside):`);
  const bySlug = (part: Part, slug: string) => perPage.get(part)!.find((r) => r.slug === slug)!;
  for (const row of [...analyze].sort((a, b) => b.per1k - a.per1k).slice(0, SLOWEST)) {
    const parts = (['speakers', 'topics', 'summary'] as const).map((part) => `${part} ${fmt(bySlug(part, row.slug).per1k)}`).join('  ');
    console.log(`  ${row.slug.padEnd(34)} ${pad(String(row.words), 6)} words  ${pad(fmt(row.ms), 7)} ms  ${pad(fmt(row.per1k), 6)}/1k   ${parts}`);
  }

  await bundleSize();
}

await main();
