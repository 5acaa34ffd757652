/**
 * Capture over all pages of ../shared/fixtures/readability-pages (Mozilla Readability's test pages, Apache-2.0),
 * compared field by field with each page's expected-metadata.json (what Readability reports).
 *
 * Every page where our field differs from Readability's is listed, with both values, in the golden file
 * tests/fixtures/capture/readability-differences.json: most are deliberate (an author list from JSON-LD or
 * repeated DC.creator tags instead of one string, a byline cut before its date, dates where Readability has
 * none). A page agreeing or disagreeing differently than the golden says fails the test; after review,
 * `UPDATE_FIXTURES=1 npx vitest run tests/lib/capture` rewrites it.
 *
 * Comparison rules: whitespace collapsed, case-insensitive; a leading "By "/"Par " in Readability's byline is
 * not part of the name; our author list is compared joined with ", "; lang only where the fixture records one;
 * an empty string of ours equals Readability's null; dates agree when they denote the same instant (or day).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CapturedArticle } from '../../../lib/model';
import { captureHtml } from '../../../lib/capture/node';
import { expectGolden } from './golden';

const PAGES = join(import.meta.dirname, '../../../../shared/fixtures/readability-pages');
const GOLDEN = join(import.meta.dirname, '../../fixtures/capture/readability-differences.json');
// Readability's own test suite serves every page from this address.
const PAGE_URL = 'http://fakehost/test/page.html';

interface Expected {
  title: string | null;
  byline: string | null;
  lang?: string | null;
  siteName: string | null;
  publishedTime: string | null;
  readerable: boolean;
}

const FIELDS = ['title', 'byline', 'lang', 'siteName', 'published'] as const;
type Field = (typeof FIELDS)[number];

const slugs = readdirSync(PAGES).filter((s) => statSync(join(PAGES, s)).isDirectory()).sort();
const captured = new Map<string, CapturedArticle>();

const norm = (v: string | null | undefined): string =>
  (v ?? '').replace(/\s+/g, ' ').trim().toLowerCase().replace(/^(?:by|par|por)\s+/, '');

function sameDate(ours: string | null, theirs: string | null): boolean {
  if (!ours || !theirs) return !ours && !theirs;
  const a = Date.parse(ours);
  const b = Date.parse(theirs.replace(' ', 'T').replace(/(\.\d{3})\d+/, '$1').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return ours === theirs || (!Number.isNaN(a) && a === b);
}

function compare(field: Field, ours: CapturedArticle, expected: Expected): { agree: boolean; ours: unknown; theirs: unknown } | null {
  switch (field) {
    case 'title':
      return { agree: norm(ours.title) === norm(expected.title), ours: ours.title, theirs: expected.title };
    case 'byline': {
      const joined = ours.authors.join(', ');
      return { agree: norm(joined) === norm(expected.byline), ours: ours.authors, theirs: expected.byline };
    }
    case 'lang':
      if (!('lang' in expected)) return null;
      return { agree: norm(ours.lang) === norm(expected.lang), ours: ours.lang, theirs: expected.lang ?? null };
    case 'siteName':
      return { agree: norm(ours.siteName) === norm(expected.siteName), ours: ours.siteName, theirs: expected.siteName };
    case 'published':
      return { agree: sameDate(ours.published, expected.publishedTime), ours: ours.published, theirs: expected.publishedTime };
  }
}

describe(`capture over ${slugs.length} Readability test pages`, () => {
  beforeAll(async () => {
    for (const slug of slugs) {
      const html = readFileSync(join(PAGES, slug, 'source.html'), 'utf8');
      captured.set(slug, await captureHtml(html, { url: PAGE_URL }));
    }
  }, 600_000);

  it('captures every page with text, a hash and sanitized HTML', () => {
    expect(captured.size).toBe(130);
    for (const [slug, a] of captured) {
      expect(a.text.length, slug).toBeGreaterThan(0);
      expect(a.contentHash, slug).toMatch(/^[0-9a-f]{64}$/);
      expect(a.html, slug).not.toMatch(/<script|\son\w+\s*=|javascript:/i);
      expect(a.text, slug).not.toMatch(/\n{3,}/);
      expect(a.readingMinutes, slug).toBe(Math.max(1, Math.round(a.wordCount / 230)));
    }
  });

  it('agrees with Readability per field, except the differences recorded in the golden file', () => {
    const differences: Record<string, Record<string, { ours: unknown; readability: unknown }>> = {};
    const summary: Record<string, string> = {};
    for (const field of FIELDS) {
      let agree = 0;
      let total = 0;
      const diffs: Record<string, { ours: unknown; readability: unknown }> = {};
      for (const slug of slugs) {
        const expected = JSON.parse(readFileSync(join(PAGES, slug, 'expected-metadata.json'), 'utf8')) as Expected;
        const result = compare(field, captured.get(slug)!, expected);
        if (!result) continue;
        total++;
        if (result.agree) agree++;
        else diffs[slug] = { ours: result.ours, readability: result.theirs };
      }
      differences[field] = diffs;
      summary[field] = `${agree}/${total}`;
    }
    let readerable = 0;
    for (const slug of slugs) {
      const expected = JSON.parse(readFileSync(join(PAGES, slug, 'expected-metadata.json'), 'utf8')) as Expected;
      if (captured.get(slug)!.probablyArticle === expected.readerable) readerable++;
    }
    summary.probablyArticle = `${readerable}/${slugs.length}`;
    console.log('[capture] agreement with Readability expected-metadata.json:', JSON.stringify(summary));
    expectGolden(GOLDEN, { summary, differences });
  });
});
