/**
 * Returns the URL as a string when it is an absolute http(s) URL, else null.
 * Everything that becomes an href or src goes through here: `javascript:`, `data:` and relative URLs never do.
 */
export function toSafeHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href;
}
