/** What ClipShelf reads from a page's schema.org JSON-LD article node. */
export interface JsonLdArticle {
  /** headline / name (both kept: the caller picks the one closer to the page title). */
  headline: string;
  name: string;
  authors: string[];
  datePublished: string;
  dateModified: string;
  publisher: string;
  description: string;
  imageUrl: string;
  inLanguage: string;
}

const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle',
  'BackgroundNewsArticle', 'ReviewNewsArticle', 'AskPublicNewsArticle', 'BlogPosting', 'LiveBlogPosting',
  'SocialMediaPosting', 'DiscussionForumPosting', 'TechArticle', 'ScholarlyArticle', 'MedicalScholarlyArticle',
  'Report', 'SatiricalArticle', 'AdvertiserContentArticle',
]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/**
 * Reads the first schema.org article node from `<script type="application/ld+json">` blocks: top-level objects,
 * arrays and `@graph` arrays; `{"@id": …}` references resolve within the page. Invalid JSON blocks are skipped.
 */
export function readJsonLd(scripts: Iterable<Element>): JsonLdArticle | null {
  const nodes: JsonObject[] = [];
  for (const script of scripts) {
    const raw = (script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '').trim();
    if (!raw) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      continue;
    }
    collectNodes(parsed as Json, nodes, 0);
  }
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = node['@id'];
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, node);
  }
  const article = nodes.find((n) => isArticleType(n['@type']));
  if (!article) return null;
  const deref = (v: Json | undefined): Json | undefined => {
    if (isObject(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1) return byId.get(v['@id']) ?? v;
    return v;
  };
  return {
    headline: str(article.headline),
    name: str(article.name),
    authors: readPeople(article.author ?? article.creator, deref),
    datePublished: str(article.datePublished ?? article.dateCreated),
    dateModified: str(article.dateModified),
    publisher: readName(deref(first(article.publisher)), deref),
    description: str(article.description),
    imageUrl: readImage(article.image ?? article.thumbnailUrl, deref),
    inLanguage: readName(deref(first(article.inLanguage)), deref) || str(first(article.inLanguage)),
  };
}

function collectNodes(value: Json, out: JsonObject[], depth: number): void {
  if (depth > 4) return;
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, out, depth + 1);
  } else if (isObject(value)) {
    out.push(value);
    if (Array.isArray(value['@graph'])) collectNodes(value['@graph'], out, depth + 1);
    // WebPage nodes often nest the article as mainEntity.
    const main = value.mainEntity ?? value.mainEntityOfPage;
    if (isObject(main) && main['@type'] !== undefined) collectNodes(main, out, depth + 1);
  }
}

function isArticleType(type: Json | undefined): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPES.has(t.replace(/^(https?:\/\/)?schema\.org\//, '')));
}

function readPeople(value: Json | undefined, deref: (v: Json | undefined) => Json | undefined): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const names: string[] = [];
  for (const item of list) {
    const resolved = deref(item);
    if (Array.isArray(resolved)) {
      names.push(...readPeople(resolved, deref));
      continue;
    }
    const name = typeof resolved === 'string' ? resolved.trim() : readName(resolved, deref);
    // Author URLs ("https://site/author/jane") are not names.
    if (name && !/^https?:\/\//i.test(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

function readName(value: Json | undefined, deref: (v: Json | undefined) => Json | undefined): string {
  if (typeof value === 'string') return value.trim();
  if (!isObject(value)) return '';
  const name = value.name ?? value.legalName;
  if (typeof name === 'string') return name.trim();
  if (isObject(name) || Array.isArray(name)) return readName(deref(first(name)), deref);
  const given = str(value.givenName);
  const family = str(value.familyName);
  return [given, family].filter(Boolean).join(' ');
}

function readImage(value: Json | undefined, deref: (v: Json | undefined) => Json | undefined): string {
  const item = deref(first(value));
  if (typeof item === 'string') return item.trim();
  if (isObject(item)) return str(item.url ?? item.contentUrl);
  return '';
}

function first(value: Json | undefined): Json | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function str(value: Json | undefined): string {
  const v = first(value);
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
