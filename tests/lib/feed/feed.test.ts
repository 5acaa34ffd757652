import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Analysis, ArticleMeta, ArticleRecord, Speaker } from '../../../lib/model';
import {
  FEED_LIMITS,
  createEmbedSnippet,
  parseFeed,
  parseFeedText,
  toFeed,
  toFeedItem,
  toSafeHttpUrl,
  type ClipShelfFeed,
} from '../../../lib/feed';

const speakerArb: fc.Arbitrary<Speaker> = fc.record({
  name: fc.string({ minLength: 1, maxLength: 40 }),
  aliases: fc.array(fc.string({ maxLength: 10 }), { maxLength: 2 }),
  role: fc.string({ maxLength: 80 }),
  kind: fc.constantFrom('person', 'organization', 'unnamed'),
  statements: fc.array(
    fc.record({
      text: fc.string({ maxLength: 400, unit: fc.constantFrom('a', 'b', ' ', '\n', '“', '😀', 'é', '<', '&') }),
      kind: fc.constantFrom('direct', 'indirect'),
      cue: fc.constant('said'),
      start: fc.nat(1000),
      end: fc.nat(1000),
    }),
    { maxLength: 8 },
  ),
});

const analysisArb: fc.Arbitrary<Analysis> = fc.record({
  speakers: fc.array(speakerArb, { maxLength: 5 }),
  topics: fc.array(fc.record({ label: fc.string({ minLength: 1, maxLength: 30 }), score: fc.double({ min: 0, max: 1, noNaN: true }) }), {
    maxLength: 6,
  }),
  summary: fc.string({ maxLength: 600 }),
  lang: fc.constantFrom('', 'en', 'zh'),
});

const metaArb: fc.Arbitrary<ArticleMeta> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 20 }),
  url: fc.oneof(fc.webUrl(), fc.string({ maxLength: 30 }), fc.constant('javascript:alert(1)')),
  pageUrl: fc.webUrl(),
  title: fc.string({ maxLength: 700 }),
  authors: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
  published: fc.option(fc.constantFrom('2024-06-12T10:17:40', '2024-06-12', 'yesterday'), { nil: null }),
  modified: fc.constant(null),
  siteName: fc.string({ maxLength: 40 }),
  source: fc.string({ maxLength: 20 }),
  lang: fc.constantFrom('', 'en', 'fr'),
  excerpt: fc.string({ maxLength: 100 }),
  imageUrl: fc.oneof(fc.constant(''), fc.webUrl(), fc.constant('data:image/png;base64,AAAA')),
  wordCount: fc.nat(100_000),
  readingMinutes: fc.nat(500),
  contentHash: fc.constant('0'.repeat(64)),
  savedAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  updatedAt: fc.constant(null),
  tags: fc.constant([]),
  read: fc.boolean(),
  state: fc.constantFrom('saved', 'pending'),
  analysis: analysisArb,
  speakerKeys: fc.constant([]),
  topicKeys: fc.constant([]),
});

function sampleRecord(): ArticleRecord {
  return {
    id: 'a1',
    url: 'https://news.example/story?id=1',
    pageUrl: 'https://news.example/story?id=1',
    title: 'Leaders meet',
    authors: ['Jane Reporter'],
    published: '2024-06-12T10:17:40',
    modified: null,
    siteName: 'Daily Example',
    source: '',
    lang: 'en',
    excerpt: 'An excerpt.',
    imageUrl: '',
    wordCount: 500,
    readingMinutes: 3,
    contentHash: 'x',
    savedAt: Date.UTC(2026, 10, 28),
    updatedAt: null,
    tags: ['private-tag'],
    read: false,
    state: 'saved',
    analysis: {
      speakers: [
        {
          name: 'Yan Liang',
          aliases: ['Yan'],
          role: 'professor',
          kind: 'person',
          statements: [
            { text: Array.from({ length: 60 }, (_, i) => `word${i}`).join(' '), kind: 'direct', cue: 'said', start: 0, end: 10 },
            { text: 'trade matters', kind: 'indirect', cue: 'said', start: 11, end: 20 },
          ],
        },
      ],
      topics: [{ label: 'trade', score: 0.8 }],
      summary: 'Leaders met. They talked.',
      lang: 'en',
    },
    speakerKeys: ['yan liang'],
    topicKeys: ['trade'],
    content: { id: 'a1', html: '<p>secret full text</p>', text: 'SECRET FULL TEXT of the article.' },
  };
}

describe('toFeed', () => {
  it('writes a JSON Feed 1.1 document with _clipshelf data and no full text by default', () => {
    const feed = toFeed([sampleRecord()], { title: 'My shelf', feedUrl: 'https://me.example/feed.json', homePageUrl: 'javascript:x' });
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed._clipshelf).toEqual({ version: 1 });
    expect(feed.feed_url).toBe('https://me.example/feed.json');
    expect(feed.home_page_url).toBeUndefined();
    const item = feed.items[0]!;
    expect(item).toMatchObject({ id: 'a1', url: 'https://news.example/story?id=1', title: 'Leaders meet', language: 'en', tags: ['trade'] });
    expect(item.content_text).toBe('Leaders met. They talked.');
    expect(JSON.stringify(feed)).not.toContain('SECRET');
    expect(JSON.stringify(feed)).not.toContain('private-tag');
    expect(item._clipshelf.saved_at).toBe('2026-11-28T00:00:00.000Z');
    const [direct, indirect] = item._clipshelf.speakers[0]!.statements;
    expect(direct!.text.split(' ')).toHaveLength(40);
    expect(direct!.text.endsWith('…')).toBe(true);
    expect(indirect).toEqual({ text: 'trade matters', kind: 'indirect' });
  });

  it('includes the full text only with includeContent, and respects maxStatementWords', () => {
    const feed = toFeed([sampleRecord()], { includeContent: true, maxStatementWords: 5 });
    expect(feed.items[0]!.content_text).toBe('SECRET FULL TEXT of the article.');
    expect(feed.items[0]!._clipshelf.speakers[0]!.statements[0]!.text).toBe('word0 word1 word2 word3 word4…');
  });

  it('toFeedItem accepts ArticleMeta without content', () => {
    const { content: _content, ...meta } = sampleRecord();
    expect(toFeedItem(meta, { includeContent: true }).content_text).toBe('Leaders met. They talked.');
  });
});

describe('parseFeed', () => {
  it('round-trips: toFeed → JSON → parseFeed gives the same feed, without warnings', () => {
    fc.assert(
      fc.property(fc.array(metaArb, { maxLength: 4 }), fc.boolean(), (metas, includeContent) => {
        const feed = toFeed(metas, { title: 'T', includeContent });
        const parsed = parseFeed(JSON.parse(JSON.stringify(feed)));
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
        expect(parsed.feed).toEqual(feed);
        expect(parsed.warnings).toEqual([]);
        expect(parsed.feed.items.map((i) => i._clipshelf.speakers.map((s) => s.name))).toEqual(
          metas.map((m) => m.analysis.speakers.map((s) => s.name)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('accepts a JSON string', () => {
    const json = JSON.stringify(toFeed([sampleRecord()]));
    const parsed = parseFeed(json);
    expect(parsed.ok).toBe(true);
  });

  it('never throws on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseFeed(value);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('never throws when any part of a valid feed is replaced by arbitrary JSON', () => {
    const base = JSON.parse(JSON.stringify(toFeed([sampleRecord(), sampleRecord()]))) as Record<string, unknown>;
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...path, Array.isArray(v) ? Number(k) : k]);
    };
    walk(base, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length)), fc.jsonValue(), (path, value) => {
        const copy = structuredClone(base);
        let target: Record<string | number, unknown> = copy;
        for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
        target[path[path.length - 1]!] = value;
        const result = parseFeed(copy);
        if (!result.ok) for (const e of result.errors) expect(e.path).toMatch(/^[$\w[\].]+$/);
      }),
      { numRuns: 500 },
    );
  });

  it('reports what is wrong with a path', () => {
    const feed = JSON.parse(JSON.stringify(toFeed([sampleRecord()])));
    feed.items[0]._clipshelf.speakers[0].statements[1].kind = 'shouted';
    feed.items[0].title = 42;
    const result = parseFeed(feed);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { path: 'items[0].title', message: 'expected a string, got number' },
      { path: 'items[0]._clipshelf.speakers[0].statements[1].kind', message: 'expected one of "direct", "indirect"' },
    ]);
  });

  it('rejects non-feeds and unknown versions', () => {
    expect(parseFeed('not json')).toEqual({ ok: false, errors: [{ path: '$', message: 'not valid JSON' }] });
    expect(parseFeed([]).ok).toBe(false);
    expect(parseFeed(null).ok).toBe(false);
    const v2 = { ...toFeed([]), _clipshelf: { version: 2 } };
    const r = parseFeed(v2);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe('_clipshelf.version');
    const plainJsonFeed = { version: 'https://jsonfeed.org/version/1.1', title: 'x', items: [] };
    expect(parseFeed(plainJsonFeed).ok).toBe(false);
  });

  it('drops unsafe URLs, cuts absurd sizes and caps counts with warnings', () => {
    const feed = JSON.parse(JSON.stringify(toFeed([sampleRecord()])));
    const item = feed.items[0];
    item.url = 'javascript:alert(document.cookie)';
    item.image = 'data:text/html,<script>alert(1)</script>';
    item.title = '<img src=x onerror=alert(1)>' + 'x'.repeat(1_000_000);
    item._clipshelf.speakers = Array.from({ length: 1000 }, (_, i) => ({ name: `P${i}`, role: '', kind: 'person', statements: [] }));
    feed.items = Array.from({ length: FEED_LIMITS.maxItems + 10 }, () => item);
    const result = parseFeed(feed);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const out = result.feed.items[0]!;
    expect(out.url).toBeUndefined();
    expect(out.image).toBeUndefined();
    expect(out.title.length).toBe(FEED_LIMITS.maxTitle);
    expect(out.title.startsWith('<img src=x onerror=alert(1)>')).toBe(true);
    expect(out._clipshelf.speakers).toHaveLength(FEED_LIMITS.maxSpeakers);
    expect(result.feed.items).toHaveLength(FEED_LIMITS.maxItems);
    expect(result.warnings.map((w) => w.path)).toContain('items');
    expect(result.warnings.map((w) => w.path)).toContain('items[0].url');
    expect(result.warnings.length).toBeLessThanOrEqual(FEED_LIMITS.maxErrors);
  });
});

describe('parseFeedText', () => {
  const same = async (input: unknown) => {
    const sync = parseFeed(input);
    const sliced = await parseFeedText(input, { budget: 0, pause: () => Promise.resolve() });
    expect(sliced).toEqual(sync);
    return sliced;
  };

  it('gives the same result as parseFeed for generated feeds, as text (any indentation) and as objects', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(metaArb, { maxLength: 4 }), fc.constantFrom(0, 2, '\t'), async (metas, indent) => {
        const feed = toFeed(metas, { title: 'T "items": [ ] \\' });
        const result = await same(JSON.stringify(feed, null, indent));
        expect(result.ok).toBe(true);
        await same(feed);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same result as parseFeed for arbitrary JSON text and broken text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        await same(JSON.stringify(value));
        await same(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', _clipshelf: { version: 1 }, title: 't', items: value }));
      }),
      { numRuns: 300 },
    );
    const valid = JSON.stringify(toFeed([sampleRecord(), sampleRecord()]));
    await fc.assert(
      fc.asyncProperty(fc.nat(valid.length - 1), fc.constantFrom('', ',', ']', '[', '"', '\\', '}', '{', ',,'), async (at, insert) => {
        await same(valid.slice(0, at) + insert + valid.slice(at + 1));
      }),
      { numRuns: 400 },
    );
  });

  it('handles empty items, duplicate items keys and escaped quotes', async () => {
    const head = '{"version":"https://jsonfeed.org/version/1.1","_clipshelf":{"version":1},"title":"t"';
    expect((await same(head + ',"items":[ ]}')).ok).toBe(true);
    await same(head + ',"items":[],"items":[1]}');
    await same(head + ',"items":[1],"items":[]}');
    await same(head + ',"items":[{"id":"a\\\\\\"],[","title":"x","_clipshelf":{"version":1}}]}');
    await same(head + ',"items":[,]}');
    await same(head + ',"items":[{"id":"a","_clipshelf":{"version":1}},]}');
  });

  it('yields between slices of a large feed', async () => {
    const items = Array.from({ length: 300 }, (_, i) => ({ ...sampleRecord(), id: `a${i}` }));
    let pauses = 0;
    const result = await parseFeedText(JSON.stringify(toFeed(items)), { budget: 0, pause: async () => void pauses++ });
    expect(result.ok && result.feed.items.length).toBe(300);
    expect(pauses).toBeGreaterThan(300);
  });
});

describe('toSafeHttpUrl', () => {
  it('keeps http(s) only', () => {
    expect(toSafeHttpUrl('https://a.example/x')).toBe('https://a.example/x');
    expect(toSafeHttpUrl(' http://a.example ')).toBe('http://a.example/');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', '/relative', 'file:///etc/passwd', '', 42])
      expect(toSafeHttpUrl(bad)).toBeNull();
  });
});

describe('createEmbedSnippet', () => {
  it('writes one module script and one element, escaping attributes', () => {
    const snippet = createEmbedSnippet({ scriptUrl: 'https://cdn.example/clip-shelf.js', feedUrl: 'feed.json?a=1&b="2"', view: 'speakers', limit: 10 });
    expect(snippet).toBe(
      '<script type="module" src="https://cdn.example/clip-shelf.js"></script>\n' +
        '<clip-shelf src="feed.json?a=1&amp;b=&quot;2&quot;" view="speakers" theme="auto" limit="10"></clip-shelf>\n',
    );
  });

  it('refuses non-http schemes', () => {
    expect(() => createEmbedSnippet({ scriptUrl: 'javascript:alert(1)', feedUrl: 'feed.json' })).toThrow(TypeError);
    expect(() => createEmbedSnippet({ scriptUrl: 'x.js', feedUrl: 'data:application/json,{}' })).toThrow(TypeError);
  });
});

// Keep the type import used: a feed literal must satisfy the schema type.
const _typed: ClipShelfFeed = toFeed([]);
void _typed;
