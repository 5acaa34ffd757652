/**
 * Decides which language the analysis treats a text as. The page's declared language is trusted
 * unless the text plainly contradicts it; without a declaration a cheap function-word/script test
 * recognises English. Pure and deterministic.
 */

const ENGLISH_MARKERS = new Set(
  'the of and to in is that for it was on with as he she said by at from his her they this be are have has not but'.split(' '),
);

/** Share of word tokens that are common English function words (0 for no words). */
export function englishScore(text: string): number {
  const sample = text.slice(0, 20_000);
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return 0;
  let hits = 0;
  for (const w of words) if (ENGLISH_MARKERS.has(w)) hits++;
  return hits / words.length;
}

/** Share of letters outside the Latin script. */
function nonLatinShare(text: string): number {
  const sample = text.slice(0, 20_000);
  const letters = sample.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  const latin = sample.match(/\p{Script=Latin}/gu) ?? [];
  return 1 - latin.length / letters.length;
}

/**
 * The BCP 47 primary tag the analysis uses: "en" when the text reads as English, else the declared
 * primary tag (lower case), else "".
 */
export function detectLanguage(text: string, declared?: string): string {
  const primary = (declared ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const looksEnglish = nonLatinShare(text) < 0.3 && englishScore(text) >= 0.12;
  if (looksEnglish) return 'en';
  if (primary && primary !== 'en') return primary;
  // Declared English (or nothing) but the text does not read as English.
  if (nonLatinShare(text) >= 0.3 || englishScore(text) < 0.05) return primary === 'en' ? '' : primary;
  return primary || '';
}
