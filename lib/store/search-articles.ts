import type { ArticleMeta } from '../model';

/** Lower-cases and strips diacritics so "Séo" matches "seo". */
export function foldText(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** The searchable text of an article: title, site, speakers (names, aliases, roles) and topics. */
export function toSearchText(meta: ArticleMeta): string {
  const parts = [meta.title, meta.siteName, meta.source, hostOf(meta.url)];
  for (const s of meta.analysis.speakers) parts.push(s.name, ...s.aliases, s.role);
  for (const t of meta.analysis.topics) parts.push(t.label);
  return foldText(parts.join('\n'));
}

/**
 * A predicate for a free-text query: every whitespace-separated term must occur somewhere in the
 * article's search text. An empty query matches everything.
 */
export function createArticleMatcher(query: string): (meta: ArticleMeta) => boolean {
  const terms = foldText(query).split(/\s+/u).filter(Boolean);
  if (terms.length === 0) return () => true;
  return (meta) => {
    const haystack = toSearchText(meta);
    return terms.every((term) => haystack.includes(term));
  };
}
