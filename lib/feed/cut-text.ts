/**
 * Cuts a string to at most `max` UTF-16 units, ending a cut string with "…" and never splitting
 * a surrogate pair. Idempotent: cutting a cut string changes nothing, so toFeed → parseFeed round-trips.
 */
export function cutText(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = Math.max(0, max - 1);
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return value.slice(0, end) + '…';
}

/** Shortens a statement to at most `maxWords` whitespace-separated words (and `maxWords * 12` units for unspaced scripts). */
export function shortenStatement(text: string, maxWords: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const words = clean.split(' ');
  let out = clean;
  if (words.length > maxWords) out = words.slice(0, maxWords).join(' ').replace(/[\s,;:.!?—–-]+$/u, '') + '…';
  return cutText(out, Math.max(16, maxWords * 12));
}
