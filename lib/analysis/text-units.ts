/**
 * Pure text segmentation with offsets: paragraphs, sentences and word tokens.
 * Every unit satisfies `unit.text === source.slice(unit.start, unit.end)`.
 * Shared by the speaker, topic and summary extractors; no DOM, no clock, deterministic.
 */

/** A slice of the source text. */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

/** Trims whitespace off a [start, end) range of `text` and returns the span, or null if nothing is left. */
function trimmedSpan(text: string, start: number, end: number): TextSpan | null {
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return start < end ? { text: text.slice(start, end), start, end } : null;
}

/** Paragraphs: runs of text separated by one or more blank lines. Whitespace around each is trimmed. */
export function splitParagraphs(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  const sep = /\n[ \t\r\f\v\u00a0]*\n\s*/g;
  let from = 0;
  for (let m = sep.exec(text); m; m = sep.exec(text)) {
    const span = trimmedSpan(text, from, m.index);
    if (span) out.push(span);
    from = m.index + m[0].length;
  }
  const last = trimmedSpan(text, from, text.length);
  if (last) out.push(last);
  return out;
}

/** Titles and abbreviations that are never the end of a sentence when followed by a name or number. */
const TITLE_ABBREVIATIONS = new Set(
  (
    'mr mrs ms mx dr prof sr jr st mt ft sen rep gov gen lt col capt cmdr adm maj sgt cpl pvt rev fr hon pres supt insp det ' +
    'messrs mme mlle dept univ assn bros no nos vol vols fig figs art ch sec pp ed eds est approx ca cf vs v ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'ave blvd rd hwy ste apt inc corp co ltd llc plc dist'
  ).split(' '),
);

/**
 * Abbreviations that can also end a sentence ("… in the U.S. The plan …"): a boundary is taken
 * only when the next word is a typical sentence opener.
 */
const AMBIGUOUS_ABBREVIATIONS = new Set(['inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'etc', 'jr', 'sr', 'no', 'st']);

/** Capitalised words that commonly open a sentence (used after ambiguous abbreviations such as "U.S."). */
const SENTENCE_OPENERS = new Set(
  (
    'the a an he she it they we i you this that these those there his her its their our my but and or so yet ' +
    'in on at for with after before when while if as however meanwhile still also according asked last next ' +
    'some many most all one two three both neither none no not what who why how where now then'
  ).split(' '),
);

const CLOSERS = `"'”’»)]}`;
const OPENERS = `"'“‘«([{`;

/**
 * Sentences, with offsets into `text`. Paragraph breaks always end a sentence. Handles titles and
 * month abbreviations (Mr. Dr. Jan. St.), initials (J. K. Rowling), dotted acronyms (U.S.), decimals
 * (3.5), closing quotes/brackets after the terminator, and ellipses (a sentence continues after
 * "..." when the next word is lower case).
 */
export function splitSentences(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  for (const para of splitParagraphs(text)) {
    let from = para.start;
    const end = para.end;
    let i = para.start;
    while (i < end) {
      const ch = text[i] ?? '';
      if (!/[.!?…]/.test(ch)) {
        i++;
        continue;
      }
      // Extend over a run of terminators ("?!", "...", "…").
      let j = i + 1;
      while (j < end && /[.!?…]/.test(text[j] ?? '')) j++;
      // Closing quotes and brackets belong to the sentence that ends here.
      while (j < end && CLOSERS.includes(text[j] ?? '')) j++;
      // A boundary needs whitespace after it (so "3.5", "U.S.-led", "example.com" never split).
      if (j < end && !/\s/.test(text[j] ?? '')) {
        i = j;
        continue;
      }
      let k = j;
      while (k < end && /\s/.test(text[k] ?? '')) k++;
      if (k >= end) {
        i = j;
        break;
      }
      if (isBoundary(text, i, j, k)) {
        const span = trimmedSpan(text, from, j);
        if (span) out.push(span);
        from = k;
      }
      i = j;
    }
    const span = trimmedSpan(text, from, end);
    if (span) out.push(span);
  }
  return out;
}

/** Whether the terminator run text[i, j) followed by whitespace up to k ends a sentence. */
function isBoundary(text: string, i: number, j: number, k: number): boolean {
  const next = text[k] ?? '';
  const nextWord = /^[\p{L}\p{N}'’-]*/u.exec(text.slice(k + (OPENERS.includes(next) ? 1 : 0)))?.[0] ?? '';
  const nextStartsUpper = /^[\p{Lu}\p{N}]/u.test(nextWord) || (OPENERS.includes(next) && nextWord === '');
  const run = text.slice(i, j).replace(/[^.!?…]/g, '');
  // Lower-case continuation never starts a new sentence ("… he said. and" is rare; "e.g. the" is common).
  if (!nextStartsUpper && !OPENERS.includes(next)) return false;
  if (run !== '.') {
    // "?", "!", "...", "…": a boundary when the next word is capitalised or a quote opens.
    return true;
  }
  // A single period: look at the word before it.
  const before = /([\p{L}\p{N}.'’-]*)$/u.exec(text.slice(Math.max(0, i - 40), i))?.[1] ?? '';
  const lower = before.toLowerCase().replace(/^[^\p{L}\p{N}]+/u, '');
  // Closing quote/bracket directly before the period ("… the 'plan'.") — an ordinary end.
  if (before === '') return true;
  // Single initial: "J. K. Rowling", "George W. Bush".
  if (/^\p{Lu}$/u.test(before)) {
    return SENTENCE_OPENERS.has(nextWord.toLowerCase());
  }
  // Dotted acronyms and abbreviations: "U.S", "a.m", "e.g", "Ph.D".
  if (/^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(before)) {
    return SENTENCE_OPENERS.has(nextWord.toLowerCase());
  }
  if (AMBIGUOUS_ABBREVIATIONS.has(lower)) return SENTENCE_OPENERS.has(nextWord.toLowerCase());
  if (TITLE_ABBREVIATIONS.has(lower)) return false;
  return true;
}

/** Word tokens: letters/digits with inner apostrophes, hyphens or decimal points ("don't", "Haeng-A", "3.5"). */
export function tokenizeWords(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  const re = /[\p{L}\p{N}\p{M}]+(?:['’\-.][\p{L}\p{N}\p{M}]+)*/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Common English function words, lower case. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all almost also although always am among an and another any anybody anyone ' +
    'anything anyway are around as at back be became because become becomes been before being below between both ' +
    'but by can cannot could did do does doing done down during each either else enough even ever every everyone ' +
    'everything few for from further get gets getting got had has have having he her here hers herself him himself ' +
    'his how however i if in into is it its itself just least less like made make makes many may me might mine more ' +
    'most much must my myself neither never no nobody none nor not nothing now of off often on once one only onto ' +
    'or other others otherwise our ours ourselves out over own per perhaps please quite rather really same seem ' +
    'seemed seems several shall she should since so some somebody someone something sometimes still such than that ' +
    'the their theirs them themselves then there therefore these they this those though through thus to together ' +
    'too toward towards under until up upon us very via was we well were what whatever when whenever where whereas ' +
    'whether which while who whoever whole whom whose why will with within without would yet you your yours ' +
    'yourself yourselves said says say also mr mrs ms dr its it’s don’t can’t won’t isn’t aren’t wasn’t weren’t ' +
    "don't can't won't isn't aren't wasn't weren't it's i'm i've i'd i'll you're we're they're he's she's that's " +
    "there's let's doesn't didn't hasn't haven't hadn't wouldn't couldn't shouldn't"
  ).split(/\s+/),
);
