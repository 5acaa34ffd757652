/**
 * Formats a feed date ("2024-06-12T10:17:40", "2024-06-12", RFC 3339) as a short calendar date in the
 * given locale. Uses the date as written (no time-zone shift); returns "" for anything unparseable.
 */
export function formatFeedDate(value: string | undefined, locale?: string): string {
  const day = toDateAttribute(value);
  if (!day) return '';
  try {
    // A date-only ISO string is read as UTC midnight; the formatter shows it in UTC, so the day never shifts.
    return formatterFor(locale).format(new Date(day));
  } catch {
    // An invalid locale tag or an impossible date ("2024-13-45"): show the date as written.
    return day;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl.DateTimeFormat is slow; one per locale. */
function formatterFor(locale: string | undefined): Intl.DateTimeFormat {
  let f = formatters.get(locale ?? '');
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    formatters.set(locale ?? '', f);
  }
  return f;
}

/** The machine-readable date for `<time datetime>`: "YYYY-MM-DD", or "" when unparseable. */
export function toDateAttribute(value: string | undefined): string {
  const m = value ? /^(\d{4}-\d{2}-\d{2})/.exec(value) : null;
  return m?.[1] ?? '';
}
