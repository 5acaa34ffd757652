export interface EmbedSnippetOptions {
  /** Where the site owner hosts clip-shelf.js (absolute http(s) or a relative path). */
  scriptUrl: string;
  /** Where the site owner hosts the exported feed (absolute http(s) or a relative path). */
  feedUrl: string;
  view?: 'articles' | 'speakers' | 'topics';
  layout?: 'list' | 'compact' | 'cards';
  theme?: 'light' | 'dark' | 'auto';
  limit?: number;
  /**
   * Adds `live`: on the one origin the user allowed in the extension, the shelf shows their live library; other
   * visitors (and other origins) see the feed at `feedUrl`.
   */
  live?: boolean;
}

/**
 * The HTML a site owner pastes to embed their exported feed: one module script and one
 * <clip-shelf>. Attribute values are escaped; URLs with a scheme other than http(s) are refused (TypeError).
 */
export function createEmbedSnippet(options: EmbedSnippetOptions): string {
  const attrs: [string, string][] = [['src', checkUrl(options.feedUrl, 'feedUrl')]];
  if (options.view && options.view !== 'articles') attrs.push(['view', options.view]);
  if (options.layout && options.layout !== 'list') attrs.push(['layout', options.layout]);
  attrs.push(['theme', options.theme ?? 'auto']);
  if (options.limit !== undefined && Number.isFinite(options.limit) && options.limit > 0)
    attrs.push(['limit', String(Math.floor(options.limit))]);
  const el = attrs.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('') + (options.live ? ' live' : '');
  return (
    `<script type="module" src="${escapeAttribute(checkUrl(options.scriptUrl, 'scriptUrl'))}"></script>\n` +
    `<clip-shelf${el}></clip-shelf>\n`
  );
}

function checkUrl(url: string, name: string): string {
  const trimmed = String(url).trim();
  if (trimmed === '') throw new TypeError(`${name} is empty`);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') throw new TypeError(`${name} must be an http(s) or relative URL`);
  return trimmed;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
