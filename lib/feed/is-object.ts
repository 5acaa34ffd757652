/** A plain JSON object (not null, not an array): what the feed and live-message readers accept as one. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
