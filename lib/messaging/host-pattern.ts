/** The match pattern `permissions.request`/`contains` use for a page's site ("https://example.com/*"); null for non-web URLs. */
export function toHostPattern(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}
