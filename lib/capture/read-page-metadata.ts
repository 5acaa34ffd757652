import type { ArticleMetadata } from '../model';
import { cleanDocumentTitle } from './clean-document-title';
import { elementsByTagName, type ElementsByTag } from './dom-guards';
import { normalizeDate } from './parse-date-text';
import { readJsonLd } from './read-json-ld';
import { scanTitleArea } from './scan-title-area';

/** Page metadata before extraction, plus what dedupe needs. */
export interface PageMetadata extends ArticleMetadata {
  /** `<link rel=canonical>` href as written, or "". */
  canonical: string;
  /** og:url as written, or "". */
  ogUrl: string;
  /** Authors came from a byline-only source (a label near the title) and may be replaced by a better one. */
  authorsWeak: boolean;
}

/**
 * Reads a page's metadata without modifying it: JSON-LD (article nodes, `@graph`), OpenGraph, `article:*`,
 * Dublin Core (`DC.*`, `dcterms.*`), Highwire `citation_*`, Parse.ly, `<link rel=canonical>`, `<html lang>` /
 * content-language, and, when no metadata date exists, the visible dateline under the headline.
 * The precedence of title, byline and site name follows Readability's so results stay comparable;
 * authors prefer JSON-LD's list, then citation_author (one name per tag). `byTag` lists the page's elements (a
 * `PageIndex` from capture's first walk, else `getElementsByTagName`).
 */
export function readPageMetadata(doc: Document, pageUrl: string, byTag: ElementsByTag = elementsByTagName(doc)): PageMetadata {
  const meta = readMetaTags(byTag);
  // The last tag of a key wins, as in Readability (a page listing `name=` then `property=` means the latter).
  const get = (...keys: string[]): string => {
    for (const key of keys) {
      const v = meta.get(key)?.at(-1);
      if (v) return v;
    }
    return '';
  };
  const jsonLd = readJsonLd(jsonLdScripts(byTag));
  const docTitle = clean(doc.title ?? '');

  let jsonTitle = '';
  if (jsonLd) {
    const { headline, name } = jsonLd;
    // Like Readability: when both exist and differ, take the one that matches <title>.
    jsonTitle = headline && name && headline !== name
      ? (similar(name, docTitle) >= similar(headline, docTitle) ? name : headline)
      : headline || name;
  }
  const metaTitle = clean(
    jsonTitle || get('dc:title', 'dcterm:title', 'dcterms:title', 'og:title', 'weibo:article:title',
      'weibo:webpage:title', 'title', 'twitter:title', 'parsely-title', 'citation_title'),
  );
  const title = metaTitle || cleanDocumentTitle(doc, byTag) || docTitle;

  let authors = jsonLd?.authors.map(clean).filter(Boolean) ?? [];
  // Handles ("CC7567", "@jdoe") are account names, not bylines: let a visible byline replace them.
  let authorsWeak = authors.length > 0 && authors.every(isHandle);
  // One tag per author (Highwire, Dublin Core): the complete list.
  for (const key of ['citation_author', 'dc:creator', 'dcterms:creator']) {
    const list = meta.get(`name=${key}`) ?? [];
    if (authors.length === 0 && list.length > 1) authors = [...new Set(list.map(clean).filter(Boolean))];
  }
  if (authors.length === 0) authors = (meta.get('citation_author') ?? []).map(clean).filter(Boolean);
  if (authors.length === 0) {
    const single = get('dc:creator', 'dcterm:creator', 'dcterms:creator', 'author', 'parsely-author', 'sailthru:author');
    const articleAuthor = (meta.get('article:author') ?? []).find((a) => !/^https?:\/\//i.test(a)) ?? '';
    authors = splitAuthors(single || articleAuthor);
  }

  const itemprops = new Map<string, Element | null>();
  const published = normalizeDate(
    jsonLd?.datePublished ||
      get('article:published_time', 'og:article:published_time', 'dc:date:issued', 'dcterms:issued', 'dc:date',
        'dcterms:date', 'dcterms:created', 'citation_publication_date', 'citation_date', 'parsely-pub-date',
        'pubdate', 'publish-date', 'date', 'sailthru:date', 'weibo:article:create_at', 'datepublished') ||
      itempropDate(byTag, 'datePublished', itemprops),
  );
  const modified = normalizeDate(
    jsonLd?.dateModified ||
      get('article:modified_time', 'og:updated_time', 'dcterms:modified', 'dc:date:modified', 'last-modified',
        'datemodified') ||
      itempropDate(byTag, 'dateModified', itemprops),
  );

  const publisher = clean(
    jsonLd?.publisher ||
      get('dc:publisher', 'dcterm:publisher', 'dcterms:publisher', 'citation_publisher', 'citation_journal_title') ||
      ((meta.get('article:publisher') ?? []).find((p) => !/^https?:\/\//i.test(p)) ?? ''),
  );
  // application-name often carries a tagline ("Yahoo News - Latest News & Headlines"): keep the name part.
  const appName = get('application-name').split(/ [|\-–—:] /)[0] ?? '';
  const siteName = clean(jsonLd?.publisher || get('og:site_name') || appName);

  const area = scanTitleArea(byTag, title);
  if (authors.length === 0 && area.author) {
    authors = splitAuthors(area.author);
    authorsWeak = true;
  }

  const lang = normalizeLang(
    doc.documentElement?.getAttribute('lang') ||
      doc.documentElement?.getAttribute('xml:lang') ||
      get('content-language', 'dc:language', 'dcterms:language', 'citation_language', 'language') ||
      jsonLd?.inLanguage ||
      get('og:locale'),
  );

  const canonical = canonicalHref(byTag);
  const ogUrl = get('og:url');
  const image = jsonLd?.imageUrl || get('og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image',
    'twitter:image:src', 'citation_image');

  return {
    title,
    authors,
    authorsWeak,
    published: published ?? area.date,
    modified,
    siteName,
    // The originating source the page credits wins over the publisher: "Source: 科技日报" on a Science and
    // Technology Daily page says where the story comes from.
    source: area.source || publisher,
    lang,
    excerpt: clean(jsonLd?.description || get('dc:description', 'dcterm:description', 'dcterms:description',
      'og:description', 'weibo:article:description', 'weibo:webpage:description', 'description',
      'twitter:description', 'citation_abstract')),
    imageUrl: absolute(image, baseUrl(byTag, pageUrl)),
    canonical,
    ogUrl,
  };
}

/** `<meta>` values by normalized key (lower-case, "." → ":", spaces removed); `property` may list several keys. */
function readMetaTags(byTag: ElementsByTag): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const metas = byTag('meta');
  for (let i = 0; i < metas.length; i++) {
    const el = metas[i]!;
    const content = el.getAttribute('content');
    if (!content) continue;
    const value = content.trim();
    if (!value) continue;
    const keys: string[] = [];
    const property = el.getAttribute('property');
    if (property) keys.push(...property.trim().split(/\s+/));
    const name = el.getAttribute('name') ?? el.getAttribute('itemprop') ?? el.getAttribute('http-equiv');
    if (name) keys.push(name.trim());
    // Repeated `name=` tags (citation_author, DC.creator) list one author each; keep them apart from `property=`.
    if (el.hasAttribute('name')) keys.push(`name=${el.getAttribute('name')!.trim()}`);
    for (const raw of keys) {
      const key = raw.toLowerCase().replace(/\s+/g, '').replace(/\./g, ':');
      if (!key) continue;
      const list = out.get(key);
      if (list) list.push(value);
      else out.set(key, [value]);
    }
  }
  return out;
}

// Tag-name lists below instead of attribute selectors: a selector engine walks the whole page per query, which
// in jsdom costs more than the rest of the metadata pass.

function jsonLdScripts(byTag: ElementsByTag): Element[] {
  return byTag('script').filter(isJsonLdScript);
}

/** `<script type="application/ld+json">` (type trimmed, any case: a superset of what Readability reads). */
export function isJsonLdScript(script: Element): boolean {
  const type = script.getAttribute('type');
  return type !== null && type.trim().toLowerCase() === 'application/ld+json';
}

function canonicalHref(byTag: ElementsByTag): string {
  const links = byTag('link');
  for (let i = 0; i < links.length; i++) {
    const rel = links[i]!.getAttribute('rel');
    const href = links[i]!.getAttribute('href');
    if (rel && href && /(?:^|\s)canonical(?:\s|$)/i.test(rel)) return href.trim();
  }
  return '';
}

/**
 * Microdata dates: `<meta itemprop=datePublished content>` is read with the other meta tags; this covers
 * `<time itemprop="datePublished" datetime>`. Only <time> elements are scanned: an attribute selector over the
 * whole page costs more than all other metadata together (jsdom).
 */
function itempropDate(byTag: ElementsByTag, prop: string, cache: Map<string, Element | null>): string {
  if (cache.size === 0) {
    cache.set('', null);
    const times = byTag('time');
    for (let i = 0; i < times.length; i++) {
      const key = times[i]!.getAttribute('itemprop');
      if (key && !cache.has(key)) cache.set(key, times[i]!);
    }
  }
  const el = cache.get(prop);
  if (!el) return '';
  return el.getAttribute('content') || el.getAttribute('datetime') || (el.textContent ?? '').trim();
}

const MONTH_WORD = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/** Where a byline's name part ends: a date, a time, "Updated", "Published", a pipe. */
const BYLINE_TAIL = new RegExp(
  `\\s*(?:\\d{1,2}\\s*${MONTH_WORD}\\s+\\d{4}|${MONTH_WORD}\\s+\\d{1,2},?\\s+\\d{4}|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\b(?:last\\s+)?(?:updated|published|posted)\\b|[|•·]).*$`,
  'i',
);

/**
 * A byline as a list of names: "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"]; "By X\n March 25, 2015"
 * → ["X"]; "Martin U. (avec Damien L. et Morgane T.)" → three names. Commas and "&" split only between
 * multi-word names ("Smith, John" and "Mac & i" stay whole).
 */
export function splitAuthors(value: string): string[] {
  let text = clean(value).replace(/^(?:by|par|por)\s+/i, '');
  text = text.replace(BYLINE_TAIL, '').trim();
  text = text.replace(/\s*\((?:avec|with|mit|con|and)\s+([^)]*)\)/i, ', $1');
  if (!text || /^https?:\/\//i.test(text)) return [];
  let parts = text.split(/\s*(?:;|\sand\s|\sund\s|\set\s|\sy\s|、)\s*/i);
  parts = parts.flatMap((p) => {
    const pieces = p.split(/\s*(?:,|\s&\s)\s*/);
    return pieces.length > 1 && pieces.every((x) => x.split(/\s+/).length >= 2) ? pieces : [p];
  });
  return [...new Set(parts.map((p) => p.replace(/[\s,;:]+$/, '').trim()).filter(Boolean))];
}

function isHandle(name: string): boolean {
  return name.startsWith('@') || (!/\s/.test(name) && /\d/.test(name));
}

/** "en_US" → "en-us"; "" when empty. */
export function normalizeLang(value: string | undefined): string {
  const tag = (value ?? '').trim().split(/[,;\s]/)[0] ?? '';
  return /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i.test(tag) ? tag.replace(/_/g, '-').toLowerCase() : '';
}

/** The document's base URL: the first `<base href>` resolved against the page URL. */
export function baseUrl(byTag: ElementsByTag, pageUrl: string): string {
  const href = byTag('base')[0]?.getAttribute('href');
  if (href) {
    try {
      return new URL(href, pageUrl).href;
    } catch {
      /* a broken <base> is ignored, as browsers do */
    }
  }
  return pageUrl;
}

function absolute(url: string, base: string): string {
  if (!url) return '';
  try {
    const u = new URL(url.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '';
  } catch {
    return '';
  }
}

const ENTITY: Record<string, string> = { quot: '"', amp: '&', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

/** Collapses whitespace and decodes entities that CMSs double-escape into metadata ("&amp;#39;"). */
export function clean(text: string): string {
  return text
    .replace(/&(quot|amp|apos|lt|gt|nbsp);/g, (_, n: string) => ENTITY[n] ?? '')
    .replace(/&#(?:x([0-9a-f]+)|([0-9]+));/gi, (_, hex: string | undefined, dec: string | undefined) => {
      const code = hex ? parseInt(hex, 16) : parseInt(dec ?? '0', 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Word-overlap similarity in [0, 1] (Readability's textSimilarity idea). */
function similar(a: string, b: string): number {
  const words = (s: string) => s.toLowerCase().split(/[\s\p{P}]+/u).filter(Boolean);
  const wa = words(a);
  const wb = new Set(words(b));
  if (wa.length === 0 || wb.size === 0) return 0;
  return wa.filter((w) => wb.has(w)).length / Math.max(wa.length, wb.size);
}
