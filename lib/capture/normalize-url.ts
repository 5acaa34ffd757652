/** Query parameters that only track the visitor and never change the content. */
const TRACKING_PARAM = /^(utm_.+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|_hsenc|_hsmi)$/i;

/**
 * Canonical form of an http(s) URL for dedupe: lower-case host (the URL parser does that), no fragment,
 * no tracking parameters (utm_*, fbclid, gclid …). Returns null when `url` is not an absolute http(s) URL.
 */
export function normalizeUrl(url: string, base?: string): string | null {
  let parsed: URL;
  try {
    parsed = base === undefined ? new URL(url.trim()) : new URL(url.trim(), base);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.hash = '';
  const params = parsed.searchParams;
  const drop = [...params.keys()].filter((k) => TRACKING_PARAM.test(k));
  for (const key of new Set(drop)) params.delete(key);
  // `URLSearchParams` re-encodes the query; only touch it when something was removed.
  if (drop.length > 0 && params.size === 0) parsed.search = '';
  return parsed.href;
}

export interface DedupeUrlCandidates {
  /** `<link rel="canonical">` href, as written on the page. */
  canonical?: string | null;
  /** `og:url` content, as written on the page. */
  ogUrl?: string | null;
  /** The address the user was on. */
  address: string;
}

/**
 * The URL a capture is stored under: the canonical link, else og:url, else the address, each normalized.
 * Relative candidates resolve against the address; unusable ones (not http(s)) are skipped.
 * A canonical pointing to another host's front page is a common CMS mistake, so a canonical that is just a
 * site root while the address has a path is ignored.
 */
export function selectDedupeUrl({ canonical, ogUrl, address }: DedupeUrlCandidates): string {
  const normalizedAddress = normalizeUrl(address);
  for (const candidate of [canonical, ogUrl]) {
    if (!candidate) continue;
    const normalized = normalizeUrl(candidate, normalizedAddress ?? undefined);
    if (!normalized) continue;
    if (normalizedAddress && isSiteRoot(normalized) && !isSiteRoot(normalizedAddress)) continue;
    return normalized;
  }
  return normalizedAddress ?? address;
}

function isSiteRoot(url: string): boolean {
  const u = new URL(url);
  return (u.pathname === '/' || u.pathname === '') && u.search === '';
}
