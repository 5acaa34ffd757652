/**
 * Tokens and units for the speaker engine: each sentence (or quote-bounded stretch) of an article as
 * typed tokens, with the runs of capitalised words that may be names.
 */
import type { QuoteSpan } from './find-quotes';
import { NAME_PARTICLES, NON_NAME_WORDS, ORG_WORDS, ROLE_NOUNS, TITLES } from './speaker-lexicon';
import { STOPWORDS, type TextSpan, splitSentences } from './text-units';

type TokKind = 'word' | 'punct' | 'qopen' | 'qclose' | 'poss';

export interface Tok {
  text: string;
  lower: string;
  start: number;
  end: number;
  kind: TokKind;
  inQuote: boolean;
  cap: boolean;
}

/** A sentence that never ends inside a quotation (so "“A. B,” she said." is one unit). */
export interface Unit {
  start: number;
  end: number;
  para: number;
  toks: Tok[];
  runs: Run[];
  /** Run index by the token index of its last token. */
  runEndingAt: Map<number, Run>;
  runStartingAt: Map<number, Run>;
}

/** A run of capitalised words: optional title words, then name words. Token indices, end exclusive. */
export interface Run {
  s: number;
  e: number;
  /** First token of the name proper (after titles such as "Tunisian Prime Minister"). */
  n: number;
  possessive: boolean;
}

const ABBREV_WITH_DOT = new Set('mr mrs ms dr prof sen rep gov gen lt col capt st jr sr rev fr sgt maj adm cmdr supt insp det hon pres'.split(' '));
export const PRONOUNS = new Set(['he', 'she', 'they', 'it']);
export const DETERMINERS = new Set('the a an his her its their our one two three four several some many other another this that these those'.split(' '));
export const SPEECH_NOUNS = new Set(['plea', 'appeal', 'warning', 'call', 'statement', 'promise', 'pledge', 'apology', 'denial', 'admission', 'announcement']);
export const PARTICIPLE_BASES = new Set('say add note argue warn insist claim explain stress tell write suggest acknowledge admit state declare emphasize emphasise urge predict conclude'.split(' '));
export const PP_GLUE = new Set(['the', 'of', 'in', 'at', 'for', 'and', 'on', 'from', 'de', 'eastern', 'western', 'northern', 'southern', 'central']);
const CONNECTORS = new Set(['of', 'and', 'for', '&', 'on']);
export const DATE_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april july september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);
export const PREPOSITIONS = new Set('in at on of by from with to for about into over under during after before via among between against like near inside outside'.split(' '));
export const TRAILING_STARTERS = new Set(
  'in at on of by from with during after before via yesterday today tonight late early last earlier later according while when as referring told adding speaking writing recently previously again also monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);
export const CLAUSE_LINKS = new Set(['but', 'and', 'while', 'whereas', 'although', 'though', 'yet']);
export const FIRST_PERSON = new Set(['i', 'we', 'my', 'our', 'me', 'us', "i've", "i'm", "we're", "we've", 'i’ve', 'i’m', 'we’re', 'we’ve']);
export const BOX_LABEL = /^(?:analysis|comment|commentary|opinion|viewpoint|perspective)\s*(?:by\s+)?[:|–—-]\s*/i;
export const LINK_TEXT_STARTS = new Set('read watch see click sign follow share subscribe listen download view related more'.split(' '));

export const isWord = (t: Tok | undefined): t is Tok => t !== undefined && t.kind === 'word';
export const bare = (s: string): string => s.toLowerCase().replace(/\.$/, '');

function tokenize(text: string, start: number, end: number, quotes: readonly QuoteSpan[]): Tok[] {
  const toks: Tok[] = [];
  const slice = text.slice(start, end);
  // Soft hyphens (U+00AD, invisible hyphenation hints: "Netan\u00ADyahu") join a word; they are dropped from its text.
  const re = /[\p{L}\p{M}\p{N}]+(?:['’\-.&\u00AD][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}\u00AD]/gu;
  const openAt = new Set<number>();
  const closeAt = new Set<number>();
  for (const q of quotes) {
    if (q.end <= start || q.open >= end) continue;
    openAt.add(q.open);
    if (q.closed) closeAt.add(q.end - 1);
  }
  const local = quotes.filter((q) => q.end > start && q.open < end);
  const inQuote = (pos: number): boolean => local.some((q) => pos >= q.contentStart && pos < q.contentEnd);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const s = start + m.index;
    let word = m[0];
    let e = s + word.length;
    if (word.includes('\u00AD')) word = word.replace(/\u00AD/g, '');
    if (/[\p{L}\p{N}]/u.test(word[0] ?? '')) {
      // Possessive "'s" is its own token so "JETRO's Beijing office" keeps "JETRO" as a name.
      const poss = /['’]s$/iu.exec(word);
      if (poss && word.length > 2) {
        word = word.slice(0, -2);
        e -= 2;
      }
      // Initials, titles and dotted acronyms keep their period ("K.", "Mr.", "U.S.").
      if (text[e] === '.' && (/^\p{Lu}$/u.test(word) || ABBREV_WITH_DOT.has(word.toLowerCase()) || /^(?:\p{L}\.)+\p{L}$/u.test(word))) {
        word += '.';
        e += 1;
        re.lastIndex += 1;
      }
      toks.push({ text: word, lower: word.toLowerCase(), start: s, end: e, kind: 'word', inQuote: inQuote(s), cap: /^\p{Lu}/u.test(word) });
      if (poss && m[0].length > 2) {
        toks.push({ text: m[0].slice(-2), lower: "'s", start: e, end: e + 2, kind: 'poss', inQuote: inQuote(e), cap: false });
      }
    } else {
      const kind: TokKind = openAt.has(s) ? 'qopen' : closeAt.has(s) ? 'qclose' : 'punct';
      toks.push({ text: word, lower: word, start: s, end: e, kind, inQuote: kind === 'punct' && inQuote(s), cap: false });
    }
  }
  return toks;
}

function isTitleWord(t: Tok): boolean {
  return TITLES.has(bare(t.text)) && t.cap;
}

const NAME_LIKE_STOPWORDS = new Set(['will', 'may', 'mark', 'bill', 'grace', 'rose', 'mr', 'mrs', 'ms', 'dr']);

/** Capitalised words that cannot open a name: function words, months, and contractions ("We’re", "It’s"). */
function notNameStart(lower: string, sentenceStart: boolean): boolean {
  const base = lower.replace(/['’].*$/, '');
  if (base !== lower && (NON_NAME_WORDS.has(base) || STOPWORDS.has(base))) return true;
  // Mid-sentence, a capitalised common word is part of a name ("Whole Foods", "First Republic").
  return NON_NAME_WORDS.has(lower) || (sentenceStart && STOPWORDS.has(lower) && !NAME_LIKE_STOPWORDS.has(lower));
}

function findRuns(toks: Tok[]): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    const prevTok = toks[i - 1];
    const sentenceStart = i === 0 || (prevTok !== undefined && prevTok.kind !== 'word' && prevTok.kind !== 'poss');
    if (!isWord(t) || !t.cap || t.inQuote || (notNameStart(t.lower, sentenceStart) && !isTitleWord(t)) || /^\p{N}/u.test(t.text)) {
      i++;
      continue;
    }
    let j = i + 1;
    let joined = -1;
    while (j < toks.length) {
      const u = toks[j];
      if (!isWord(u) || u.inQuote) break;
      if (u.cap && !DATE_WORDS.has(u.lower) && !/^\p{N}/u.test(u.text)) {
        j++;
        continue;
      }
      const next = toks[j + 1];
      if (NAME_PARTICLES.has(u.text)) {
        // "von der Leyen", "da Silva": particles only between capitalised parts.
        let k = j;
        while (isWord(toks[k]) && NAME_PARTICLES.has((toks[k] as Tok).text)) k++;
        const after = toks[k];
        if (isWord(after) && after.cap && !after.inQuote && k - j <= 3) {
          j = k + 1;
          continue;
        }
        break;
      }
      if (CONNECTORS.has(u.lower) && isWord(next) && next.cap && !next.inQuote) {
        if (joined < 0) joined = j;
        j += 2;
        continue;
      }
      break;
    }
    // Names joined by "of"/"and" stay joined only when they form an organisation ("Department of Conservation").
    if (joined >= 0 && !toks.slice(i, j).some((u) => ORG_WORDS.has(u.lower))) j = joined;
    let possessive = false;
    if (toks[j]?.kind === 'poss') possessive = true;
    // Titles: everything up to the last title word, when a name follows it.
    let n = i;
    for (let k = i; k < j - 1; k++) {
      const w = toks[k] as Tok;
      // "Economist Ruth Abernathy": a capitalised role noun opening the run is a title too.
      if (isTitleWord(w) || (k === n && ROLE_NOUNS.has(w.lower))) n = k + 1;
    }
    if (n === j - 1 && isTitleWord(toks[j - 1] as Tok)) n = j; // "the President", "The Prime Minister": no name
    runs.push({ s: i, e: j, n, possessive });
    i = j;
  }
  return runs;
}

export function buildUnits(text: string, paragraphs: TextSpan[], quotes: QuoteSpan[]): Unit[] {
  // Sentence boundaries inside quotations are ignored: a unit ends only outside quotes.
  const units: Unit[] = [];
  const sentences = splitSentences(text);
  let p = 0;
  let cur: TextSpan | null = null;
  let qi = 0;
  // Sentences arrive in order, so a moving index finds the quotes around a position.
  const insideQuote = (pos: number): boolean => {
    while (qi < quotes.length && (quotes[qi] as QuoteSpan).end <= pos) qi++;
    const q = quotes[qi];
    return q !== undefined && pos > q.open && pos < q.end - (q.closed ? 1 : 0);
  };
  const push = (span: TextSpan): void => {
    while (p < paragraphs.length && (paragraphs[p] as TextSpan).end < span.start) p++;
    const toks = tokenize(text, span.start, span.end, quotes);
    const runs = findRuns(toks);
    units.push({
      start: span.start,
      end: span.end,
      para: p,
      toks,
      runs,
      runEndingAt: new Map(runs.map((r) => [r.e - 1, r])),
      runStartingAt: new Map(runs.map((r) => [r.s, r])),
    });
  };
  for (const s of sentences) {
    if (cur && insideQuote(cur.end - 1) && sameParagraph(paragraphs, cur.start, s.start)) {
      cur = { text: text.slice(cur.start, s.end), start: cur.start, end: s.end };
    } else {
      if (cur) push(cur);
      cur = s;
    }
  }
  if (cur) push(cur);
  return units;
}

function sameParagraph(paragraphs: TextSpan[], a: number, b: number): boolean {
  return paragraphs.some((p) => a >= p.start && a <= p.end && b >= p.start && b <= p.end);
}
