/** captureDocument on small hand-written pages (jsdom documents from parseHtml, as the Node path builds them). */
import { isProbablyReaderable } from '@mozilla/readability';
import { afterEach, describe, expect, it } from 'vitest';
import type { WindowLike } from 'dompurify';
import { captureDocument, sanitizeArticle, type CaptureResult } from '../../../lib/capture';
import { captureHtml, parseHtml, type ParsedPage } from '../../../lib/capture/node';
import type { CapturedArticle } from '../../../lib/model';

const URL_ = 'https://news.example.com/2024/06/story.html';
const open: ParsedPage[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((p) => p.close()));
});

function page(html: string, url = URL_): ParsedPage {
  const p = parseHtml(html, url);
  open.push(p);
  return p;
}

/** A page with enough body text for Readability and isProbablyReaderable. */
function articlePage({ head = '', before = '', body = '', after = '', lang = 'en' } = {}): string {
  const para = (i: number) =>
    `<p>Paragraph ${i} of the story explains in plain words what happened in the city council meeting on Tuesday, ` +
    `who voted for the plan, who voted against it, and what the residents of the riverside district said about it.</p>`;
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Council approves park | Example News</title>${head}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<main><article><h1>Council approves riverside park</h1>${before}
<div class="body">${body}${Array.from({ length: 8 }, (_, i) => para(i + 1)).join('\n')}</div></article></main>${after}
<footer><p>Copyright Example News. All rights reserved.</p></footer></body></html>`;
}

async function capture(html: string, options: Partial<Parameters<typeof captureDocument>[1]> = {}): Promise<CaptureResult> {
  const p = page(html, options.url ?? URL_);
  return captureDocument(p.document, { url: URL_, window: p.window, ...options });
}

async function article(html: string, options: Partial<Parameters<typeof captureDocument>[1]> = {}): Promise<CapturedArticle> {
  const result = await capture(html, options);
  if (!result.ok) throw new Error(`${result.reason}: ${result.message}`);
  return result.article;
}

describe('metadata', () => {
  it('reads JSON-LD NewsArticle: headline, author list, dates, publisher', async () => {
    const ld = {
      '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'JSON-LD headline',
      author: [{ '@type': 'Person', name: 'Ana Ruiz' }, { '@type': 'Person', name: 'Ben Ode' }],
      datePublished: '2024-06-12T10:17:40+08:00', dateModified: '2024-06-13T08:00:00Z',
      publisher: { '@type': 'Organization', name: 'Example News Group' },
    };
    const a = await article(articlePage({ head: `<script type="application/ld+json">${JSON.stringify(ld)}</script><meta name="author" content="Someone Else">` }));
    expect(a.title).toBe('JSON-LD headline');
    expect(a.authors).toEqual(['Ana Ruiz', 'Ben Ode']);
    expect(a.published).toBe('2024-06-12T10:17:40+08:00');
    expect(a.modified).toBe('2024-06-13T08:00:00Z');
    expect(a.siteName).toBe('Example News Group');
    expect(a.source).toBe('Example News Group');
  });

  it.each([
    ['@graph with @id author references', {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', '@id': '#page', name: 'Page' },
        { '@type': 'Person', '@id': '#p1', name: 'Chen Wei' },
        { '@type': ['ReportageNewsArticle'], headline: 'Graph headline', author: { '@id': '#p1' }, datePublished: '2024-01-02' },
      ],
    }, 'Graph headline', ['Chen Wei'], '2024-01-02'],
    ['top-level array, string authors', [
      { '@context': 'http://schema.org', '@type': 'BreadcrumbList' },
      { '@context': 'http://schema.org', '@type': 'BlogPosting', name: 'Blog name', author: ['Dee Lane', 'Eli Moss'], datePublished: '2023-05-06T07:08:09Z' },
    ], 'Blog name', ['Dee Lane', 'Eli Moss'], '2023-05-06T07:08:09Z'],
    ['single string author, Article', { '@context': 'https://schema.org', '@type': 'Article', headline: 'Plain', author: 'Fay Gold' }, 'Plain', ['Fay Gold'], null],
    ['nested author array of Person', { '@type': 'NewsArticle', headline: 'Nested', author: [[{ '@type': 'Person', name: 'Gus Hill' }], 'Ida Jones'] }, 'Nested', ['Gus Hill', 'Ida Jones'], null],
  ])('reads JSON-LD variants: %s', async (_name, ld, title, authors, published) => {
    const a = await article(articlePage({ head: `<script type="application/ld+json">${JSON.stringify(ld)}</script>` }));
    expect(a.title).toBe(title);
    expect(a.authors).toEqual(authors);
    expect(a.published).toBe(published);
  });

  it('skips invalid JSON-LD and falls back to OpenGraph and article:* meta', async () => {
    const a = await article(articlePage({ head: `<script type="application/ld+json">{not json</script>
      <meta property="og:title" content="OG title"><meta property="og:site_name" content="Example News">
      <meta property="article:published_time" content="2024-03-04T05:06:07Z"><meta property="article:modified_time" content="2024-03-05T00:00:00Z">
      <meta property="article:author" content="https://www.facebook.com/someone"><meta name="author" content="Kim Long and Lee Mark">
      <meta property="og:image" content="/img/lead.jpg"><meta property="og:description" content="OG description">` }));
    expect(a.title).toBe('OG title');
    expect(a.siteName).toBe('Example News');
    expect(a.published).toBe('2024-03-04T05:06:07Z');
    expect(a.modified).toBe('2024-03-05T00:00:00Z');
    expect(a.authors).toEqual(['Kim Long', 'Lee Mark']);
    expect(a.imageUrl).toBe('https://news.example.com/img/lead.jpg');
    expect(a.excerpt).toBe('OG description');
  });

  it('reads Dublin Core, citation_* (one author per tag) and content-language', async () => {
    const a = await article(articlePage({ lang: '', head: `<meta name="DC.title" content="DC title"><meta name="DC.date" content="2020-02-03">
      <meta name="citation_author" content="Nam, Eunyoung"><meta name="citation_author" content="Onodera, Osamu">
      <meta name="DC.publisher" content="Journal Press"><meta http-equiv="content-language" content="fr_FR">` }));
    expect(a.title).toBe('DC title');
    expect(a.published).toBe('2020-02-03');
    expect(a.authors).toEqual(['Nam, Eunyoung', 'Onodera, Osamu']);
    expect(a.source).toBe('Journal Press');
    expect(a.lang).toBe('fr-fr');
  });

  it('uses <html lang> lower-cased', async () => {
    expect((await article(articlePage({ lang: 'zh-CN' }))).lang).toBe('zh-cn');
  });

  it.each([
    ['<div class="meta">2024-06-12 10:17:40</div>', '2024-06-12T10:17:40'],
    ['<p class="dateline">Published June 12, 2024</p>', '2024-06-12'],
    ['<p>By Jo Park | 12 June 2024 at 9:30 pm</p>', '2024-06-12T21:30'],
    ['<span>发布时间：2024年6月12日 10:17</span>', '2024-06-12T10:17'],
    ['<time datetime="2024-06-12T10:17:40+02:00">Wednesday</time>', '2024-06-12T10:17:40+02:00'],
  ])('reads a visible dateline under the headline when metadata has no date: %s', async (before, published) => {
    expect((await article(articlePage({ before }))).published).toBe(published);
  });

  it('ignores dates far from the headline (top bar) and prefers metadata dates', async () => {
    const topbar = articlePage().replace('<nav>', '<div class="topbar">Wednesday, June 12, 2024</div><nav>');
    expect((await article(topbar)).published).toBeNull();
    const both = articlePage({ before: '<div>2024-06-12 10:17:40</div>', head: '<meta property="article:published_time" content="2024-06-11T09:00:00Z">' });
    expect((await article(both)).published).toBe('2024-06-11T09:00:00Z');
  });

  it('reads "Source:" and "Author:" labels in the title area', async () => {
    const a = await article(articlePage({ before: '<div class="info"><span>Source: Xinhua</span> | <span>2024-06-12</span> | <span>Author: Li Hua</span></div>' }));
    expect(a.source).toBe('Xinhua');
    expect(a.authors).toEqual(['Li Hua']);
    const zh = await article(articlePage({ before: '<div>来源：人民日报　作者：王芳</div>' }));
    expect(zh.source).toBe('人民日报');
  });
});

describe('URLs', () => {
  it('stores the canonical link, normalized; keeps the address as pageUrl', async () => {
    const a = await article(articlePage({ head: '<link rel="canonical" href="https://News.Example.com/2024/06/story.html?utm_medium=x#top">' }),
      { url: `${URL_}?fbclid=abc` });
    expect(a.url).toBe('https://news.example.com/2024/06/story.html');
    expect(a.pageUrl).toBe(`${URL_}?fbclid=abc`);
  });

  it('falls back to og:url, then to the address', async () => {
    const og = await article(articlePage({ head: '<meta property="og:url" content="/2024/06/og.html?gclid=1&id=7">' }));
    expect(og.url).toBe('https://news.example.com/2024/06/og.html?id=7');
    const plain = await article(articlePage(), { url: `${URL_}?utm_source=a&page=2#c` });
    expect(plain.url).toBe(`${URL_}?page=2`);
  });

  it('makes relative links and images absolute against <base href>', async () => {
    const a = await article(articlePage({ head: '<base href="https://cdn.example.org/assets/">', body: '<p>See <a href="notes.html">the notes</a> and <img src="pics/a.jpg" alt="a"> in the long paragraph that follows with many words in it.</p>' }));
    expect(a.html).toContain('href="https://cdn.example.org/assets/notes.html"');
    expect(a.html).toContain('src="https://cdn.example.org/assets/pics/a.jpg"');
  });

  it('fails cleanly on an invalid address', async () => {
    const p = page(articlePage());
    const result = await captureDocument(p.document, { url: 'not a url', window: p.window });
    expect(result).toMatchObject({ ok: false, reason: 'invalid-url' });
  });
});

describe('lazy images', () => {
  it('promotes data-src, data-lazy-src, data-original, data-srcset and <noscript> images', async () => {
    const body = `<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/one.jpg" alt="one"><figcaption>One caption text</figcaption></figure>
      <p><img src="/static/placeholder.png" data-lazy-src="/img/two.jpg" alt="two"> Text beside image two for the story.</p>
      <p><img data-original="/img/three.jpg" alt="three"> Text beside image three for the story.</p>
      <p><img data-srcset="/img/four-1x.jpg 1x, /img/four-2x.jpg 2x" alt="four"> Text beside image four.</p>
      <p><img src="/static/blank.gif" class="lazy" alt="five"><noscript><img src="/img/five.jpg" alt="five real"></noscript> Text beside five.</p>`;
    const a = await article(articlePage({ body }));
    for (const name of ['one', 'two', 'three', 'four-1x', 'five']) {
      expect(a.html, name).toContain(`https://news.example.com/img/${name}.jpg`);
    }
    expect(a.html).not.toContain('placeholder.png');
    expect(a.html).not.toContain('blank.gif');
    expect(a.html).toContain('https://news.example.com/img/four-2x.jpg 2x');
  });

  it('never modifies the live page', async () => {
    const p = page(articlePage({ body: '<p><img data-src="/img/x.jpg" alt="x"> lazy image paragraph text here.</p><script>var a = 1;</script>' }));
    const before = p.document.documentElement.outerHTML;
    const result = await captureDocument(p.document, { url: URL_, window: p.window });
    expect(result.ok).toBe(true);
    expect(p.document.documentElement.outerHTML).toBe(before);
  });
});

describe('sanitizing', () => {
  it('removes scripts, handlers, javascript: URLs, forms, iframes and styles; keeps figures and safe links', async () => {
    const body = `<p onclick="steal()">Click <a href="javascript:alert(1)">here</a> or <a href="/safe" onmouseover="x()">safe</a> in this paragraph.</p>
      <script>document.write('evil')</script><img src="x.jpg" onerror="alert(1)" alt="x">
      <iframe src="https://evil.example/"></iframe><form action="/post"><input name="q"><button>Go</button></form>
      <style>p { color: red }</style><p style="position:fixed">Styled paragraph text that goes on for a while.</p>
      <figure><img src="/img/fig.jpg" alt="fig"><figcaption>Figure caption words</figcaption></figure>
      <a href="data:text/html,<script>alert(1)</script>">data link</a> <svg><script>alert(2)</script></svg>`;
    const a = await article(articlePage({ body }));
    expect(a.html).not.toMatch(/<script|onclick|onerror|onmouseover|javascript:|<iframe|<form|<input|<button|<style|style=|data:text/i);
    expect(a.html).toContain('<figure>');
    expect(a.html).toContain('<figcaption>Figure caption words</figcaption>');
    expect(a.html).toContain('href="https://news.example.com/safe"');
    expect(a.html).toContain('rel="noopener noreferrer"');
    expect(a.text).not.toContain('evil');
    expect(a.text).not.toContain('color: red');
  });
});

describe('sanitizer guard', () => {
  it('refuses DOM implementations where DOMPurify would pass HTML through unsanitized', async () => {
    const { Window } = await import('happy-dom');
    const { parseHTML } = await import('linkedom');
    const happy = new Window();
    try {
      // happy-dom: DOMPurify claims support but recognizes no element; linkedom: DOMPurify is unsupported.
      expect(() => sanitizeArticle('<p onclick="x()">a</p>', happy as unknown as WindowLike, URL_)).toThrow(/does not sanitize/);
      const linked = parseHTML('<html><body></body></html>') as unknown as { window: WindowLike };
      expect(() => sanitizeArticle('<p onclick="x()">a</p>', linked.window, URL_)).toThrow(/not supported/);
    } finally {
      await happy.happyDOM.close();
    }
  });
});

describe('plain text', () => {
  it('separates block elements with one blank line and collapses whitespace inside paragraphs', async () => {
    const body = `<h2>Sub   heading</h2><p>First   line\n  continues <b>bold</b><i>italic</i>.</p><ul><li>One</li><li>Two</li></ul>
      <blockquote>Quoted <br> words</blockquote><table><tr><td>a</td><td>b</td></tr></table>`;
    const a = await article(articlePage({ body }));
    expect(a.text).toContain('Sub heading\n\nFirst line continues bolditalic.\n\nOne\n\nTwo\n\nQuoted\n\nwords\n\na b');
    expect(a.text).not.toMatch(/\n{3,}|^\s|\s$| {2}/);
  });

  it('counts words and reading minutes (230 wpm, at least 1)', async () => {
    const a = await article(articlePage());
    expect(a.wordCount).toBeGreaterThan(250);
    expect(a.readingMinutes).toBe(Math.max(1, Math.round(a.wordCount / 230)));
  });
});

describe('not an article, empty, too large', () => {
  const listing = `<!DOCTYPE html><html><head><title>Example News — Home</title></head><body>
    ${Array.from({ length: 40 }, (_, i) => `<div class="teaser"><a href="/s/${i}">Headline number ${i} about events</a></div>`).join('')}
    <p>Short blurb.</p></body></html>`;

  it('returns not-article with the article attached; force saves it anyway', async () => {
    const result = await capture(listing);
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== 'not-article') throw new Error('expected not-article');
    expect(result.message).toMatch(/doesn't look like an article/);
    expect(result.article.probablyArticle).toBe(false);
    expect(result.article.text.length).toBeGreaterThan(0);
    const forced = await capture(listing, { force: true });
    expect(forced.ok && forced.article.probablyArticle).toBe(false);
    expect(forced.ok).toBe(true);
  });

  it('flags a page whose extraction keeps far less text than the page shows', async () => {
    // A directory page: one short intro that Readability extracts, and a long list it does not score.
    const entries = Array.from({ length: 300 }, (_, i) => `<li><a href="/d/${i}">Entry ${i}</a> — ${'a listed item with its description '.repeat(4)}</li>`).join('');
    const html = articlePage({ after: `<div class="directory"><ul>${entries}</ul></div>` });
    // Readability's own check passes: it is the kept-text ratio that flags this page.
    expect(isProbablyReaderable(page(html).document)).toBe(true);
    const result = await capture(html);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe('not-article');
  });

  it('reports an empty page', async () => {
    const result = await capture('<!DOCTYPE html><html><head><title>x</title></head><body><div></div></body></html>');
    expect(result).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('stops on pages over maxElemsToParse with a clear message', async () => {
    const result = await capture(articlePage(), { maxElemsToParse: 20 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('too-large');
    expect(result.message).toMatch(/too large to capture \(\d+ elements; the limit is 20\)/);
  });
});

describe('selection', () => {
  it('captures only the selected range with the page metadata', async () => {
    const p = page(articlePage({ head: '<meta property="og:title" content="OG title">', body: '<p id="sel">Only <b>this</b> sentence, selected by the user.</p>' }));
    const range = p.document.createRange();
    range.selectNodeContents(p.document.getElementById('sel')!);
    const result = await captureDocument(p.document, { url: URL_, window: p.window, selection: range });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.fromSelection).toBe(true);
    expect(result.article.text).toBe('Only this sentence, selected by the user.');
    expect(result.article.title).toBe('OG title');
    expect(result.article.wordCount).toBe(7);
  });

  it('ignores a collapsed selection and captures the article', async () => {
    const p = page(articlePage());
    const range = p.document.createRange();
    range.setStart(p.document.body, 0);
    const result = await captureDocument(p.document, { url: URL_, window: p.window, selection: [range] });
    expect(result.ok && result.article.fromSelection).toBe(false);
  });
});

describe('captureHtml (Node)', () => {
  it('throws clear errors on input that is not an HTML page', async () => {
    await expect(captureHtml('', { url: URL_ })).rejects.toThrow(/empty/);
    await expect(captureHtml('{"json": true}', { url: URL_ })).rejects.toThrow(/not an HTML page/);
    await expect(captureHtml(articlePage(), { url: 'nope' })).rejects.toThrow(/not a valid URL/);
    await expect(captureHtml('<html><body></body></html>', { url: URL_ })).rejects.toThrow(/No article text/);
  });

  it('returns non-articles with probablyArticle false', async () => {
    const a = await captureHtml(`<!DOCTYPE html><html><body>${'<div><a href="/x">Link text here</a></div>'.repeat(30)}</body></html>`, { url: URL_ });
    expect(a.probablyArticle).toBe(false);
  });
});
