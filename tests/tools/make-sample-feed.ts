/**
 * Builds the demo's sample feed from the articles the project ships in tests/fixtures/sample-articles/
 * (the seed article plus Readability test pages with speakers; see that folder's README.md), through the
 * real pipeline: lib/capture `captureHtml` → lib/analysis `analyzeArticle` → lib/store `createArticleRecord`
 * → lib/feed `toFeed`.
 *
 *   npx tsx tests/tools/make-sample-feed.ts [OUT.json]   (default: prints the feed)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeArticle } from '../../lib/analysis';
import { captureHtml } from '../../lib/capture/node';
import { toFeed, type ClipShelfFeed } from '../../lib/feed';
import type { ArticleRecord } from '../../lib/model';
import { createArticleRecord } from '../../lib/store';

export const SAMPLE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/sample-articles');

interface SampleEntry {
  /** File name inside tests/fixtures/sample-articles/. */
  file: string;
  /** The page's original address (capture resolves links and dedupes by it). */
  url: string;
}

/** Captures and analyses every shipped sample article; saved times are fixed so the feed is reproducible. */
export async function buildSampleRecords(): Promise<ArticleRecord[]> {
  const entries = JSON.parse(readFileSync(join(SAMPLE_DIR, 'articles.json'), 'utf8')) as SampleEntry[];
  const records: ArticleRecord[] = [];
  const base = Date.UTC(2026, 10, 28, 9, 0, 0);
  for (const [i, entry] of entries.entries()) {
    const html = readFileSync(join(SAMPLE_DIR, entry.file), 'utf8');
    const captured = await captureHtml(html, { url: entry.url });
    const analysis = analyzeArticle({ text: captured.text, title: captured.title, lang: captured.lang, authors: captured.authors });
    records.push(createArticleRecord(captured, analysis, { now: base - i * 3_600_000 }));
  }
  return records;
}

export async function buildSampleFeed(options: { feedUrl?: string; homePageUrl?: string } = {}): Promise<ClipShelfFeed> {
  return toFeed(await buildSampleRecords(), { title: 'ClipShelf sample shelf', description: 'Articles saved with ClipShelf, with who said what.', ...options });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const feed = await buildSampleFeed();
  const json = JSON.stringify(feed, null, 2) + '\n';
  const out = process.argv[2];
  if (out) {
    writeFileSync(out, json);
    console.error(`${out}: ${feed.items.length} articles`);
  } else process.stdout.write(json);
}
