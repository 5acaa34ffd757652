const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const TIME = '(?:,?\\s*(?:at\\s+)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?)?';

/** ISO 8601 as pages write it in metadata: a date, optionally a time and a zone. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const NUMERIC = /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?!\d)/;
const CJK = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2}))?)?/;
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b${TIME}`, 'i');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+(\\d{4})\\b${TIME}`, 'i');

/**
 * Reads one date from free text ("2024-06-12 10:17:40", "June 12, 2024", "12 June 2024 at 9:30 pm",
 * "2024年6月12日") as ISO 8601 without a zone ("2024-06-12T10:17:40", "2024-06-12"), or null.
 * Numeric dates are read year-month-day only: "06/12/2024" is ambiguous and ignored.
 */
export function parseDateText(text: string): string | null {
  let m = NUMERIC.exec(text) ?? CJK.exec(text);
  if (m) return toIso(+m[1]!, +m[2]!, +m[3]!, m[4], m[5], m[6]);
  m = MONTH_DAY_YEAR.exec(text);
  if (m) return toIso(+m[3]!, monthNumber(m[1]!), +m[2]!, m[4], m[5], m[6], m[7]);
  m = DAY_MONTH_YEAR.exec(text);
  if (m) return toIso(+m[3]!, monthNumber(m[2]!), +m[1]!, m[4], m[5], m[6], m[7]);
  return null;
}

/**
 * A metadata date as ISO 8601: kept as the page states it (fraction and zone included; "+0100" becomes "+01:00",
 * a space before the time "T") when already ISO, else read as text
 * ("Tue, 12 Jun 2024 10:17:40 GMT", "June 12, 2024"). Null when no date can be read.
 */
export function normalizeDate(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    if (!validDate(+y!, +mo!, +d!)) return null;
    let out = `${y}-${mo}-${d}`;
    if (h !== undefined) out += `T${h}:${mi}${s !== undefined ? `:${s}` : ''}`;
    if (h !== undefined && zone) out += zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
    return out;
  }
  // ISO strings with trailing extras the strict pattern rejects ("…Z[UTC]"): keep the date-time prefix.
  const prefix = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})?/.exec(text);
  if (prefix) return prefix[1]! + (prefix[2] ?? '');
  return parseDateText(text);
}

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().replace('.', '').slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3)] ?? 0;
}

function validDate(y: number, mo: number, d: number): boolean {
  return y >= 1900 && y <= 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

function toIso(
  y: number, mo: number, d: number,
  h?: string, mi?: string, s?: string, meridiem?: string,
): string | null {
  if (!validDate(y, mo, d)) return null;
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  if (h === undefined || mi === undefined) return date;
  let hour = +h;
  const pm = meridiem?.toLowerCase().startsWith('p');
  if (meridiem && pm && hour < 12) hour += 12;
  if (meridiem && !pm && hour === 12) hour = 0;
  if (hour > 23 || +mi > 59) return date;
  return `${date}T${pad(hour)}:${mi}${s !== undefined ? `:${s}` : ''}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
