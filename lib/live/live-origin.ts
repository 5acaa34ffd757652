/** Origin handling for live mode (extension side): what the user typed → one origin → its match pattern. */

/**
 * Normalizes what a user typed as the origin to allow ("example.org", "https://example.org/blog") to an origin
 * ("https://example.org"), or null. Only https, or http for localhost/127.0.0.1; no wildcards, credentials or
 * IP ranges beyond loopback.
 */
export function normalizeLiveOrigin(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed || trimmed.includes('*') || /\s/.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return null;
  if (!url.hostname.includes('.') && !loopback) return null;
  return url.origin;
}

/** The match pattern for an allowed origin, for `permissions.request` and `scripting.registerContentScripts`. */
export function toOriginPattern(origin: string): string {
  const url = new URL(origin);
  // Match patterns take no port: the content script itself checks location.origin against the allowed origin.
  return `${url.protocol}//${url.hostname}/*`;
}

/** The origin of an http(s) URL (a sender's or tab's URL), or null for anything else — including "null" origins. */
export function originOf(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}
