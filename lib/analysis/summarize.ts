/**
 * A short extractive summary: two or three sentences of the article, verbatim and in article order.
 *
 * Method: centroid ranking with a lead bias. Every usable sentence is a bag of content words
 * (Porter stems for English, case-folded words elsewhere) weighted by tf·isf; a sentence scores by
 * its cosine with the article's centroid, by how early it comes and by its overlap with the title.
 * The best sentences are taken greedily, skipping ones that repeat an already chosen sentence
 * (maximal marginal relevance). Captions, datelines, bylines, list fragments, "Click here" /
 * subscription boilerplate and very short or very long sentences are never chosen.
 *
 * Languages: any. Function words are dropped for the languages in topic-lexicon (en, de, fr, es,
 * it, pt, nl); elsewhere the isf weight alone discounts frequent words. Scripts without spaces
 * (Chinese, Japanese, Thai) are measured in characters instead of words.
 */
import type { AnalysisInput } from '../model';
import { detectLanguage } from './detect-language';
import { stemWord } from './stem-word';
import { EN_EXTRA_STOPWORDS, OTHER_STOPWORDS, guessListedLanguage } from './topic-lexicon';
import { sentencesOf } from './sentences-of';
import { STOPWORDS, splitParagraphs, tokenizeWords, type TextSpan } from './text-units';

/** Summary sentences when the article has enough usable ones. */
const MAX_SENTENCES = 3;
/** Above this many words for two sentences, a third one makes the summary too long. */
const TWO_SENTENCE_WORD_BUDGET = 70;
const MIN_WORDS = 6;
const MAX_WORDS = 60;
/** Character limits used for scripts written without spaces. */
const MIN_CHARS_UNSPACED = 12;
const MAX_CHARS_UNSPACED = 160;
/** A candidate this similar (cosine) to a chosen sentence repeats it. */
const REDUNDANCY = 0.5;
/** Only the first sentences compete; leads carry news, the tail carries boilerplate. */
const MAX_CANDIDATES = 60;

const BOILERPLATE =
  /\b(?:click here|subscribe|sign up|newsletter|all rights reserved|copyright|cookies?|privacy policy|terms of (?:use|service)|read more|continue reading|follow us|share this|advertisement|getty images|image caption|media caption|photo(?:graph)?:|image:|credit:|related:|watch:|listen:|download (?:the|our) app|this (?:story|article) (?:was|has been) (?:updated|corrected)|contributed to this report|reporting by|editing by|©)/i;
/** A paragraph that ends in a photo credit is a caption. */
const CAPTION_END = /\((?:photo|image|picture|credit|file photo|source)[^)]*\)\s*$|\b(?:photo|image|picture)\s*(?:by|:|credit)[^.]*$|\/\s*(?:getty|reuters|ap|afp|epa)[^.]*$/i;
/** Bylines and time stamps ("By GONG Qian", "Updated 5:04 PM ET"): short and starting so. */
const BYLINE_START = /^(?:by|updated|posted|published|last updated)\b/i;
const isByline = (s: string): boolean => BYLINE_START.test(s) && countWords(s) <= 12;
/** Datelines: "WASHINGTON —", "MOSCOW (AP) —", "SEOUL, South Korea —", "April 17, 2015 --". */
const DATELINE =
  /^(?:[\p{Lu}][\p{Lu}\s.'/-]{1,40}(?:,\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,3})?\s*(?:\([^)]{1,20}\))?|\p{L}+\.? \d{1,2},? \d{4}|\d{1,2} \p{L}+ \d{4})\s*(?:—|–|--|-)\s+/u;
/** Photo captions written as sentences ("In this photo dated …", "File photo of …"). */
const CAPTION_START = /^(?:in )?(?:this|a|the)? ?(?:file |undated |handout )?(?:photo|image|picture|screenshot|screen grab)\b/i;
const ENDS_LIKE_SENTENCE = /[.!?…。！？]["'”’»)\]]*$/;
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;
const HAS_UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

interface Candidate {
  span: TextSpan;
  index: number;
  vector: Map<string, number>;
  norm: number;
  score: number;
}

/**
 * Two or three sentences that best cover the article, verbatim, in article order, joined by one
 * space; fewer only when the text has fewer sentences; "" for an empty text. Deterministic; never throws.
 */
export function summarize(input: AnalysisInput): string {
  return summarySpans(input)
    .map((s) => s.text)
    .join(' ');
}

/** The sentences `summarize` picks, as spans of `input.text` in article order. */
export function summarySpans(input: AnalysisInput): TextSpan[] {
  const text = typeof input.text === 'string' ? input.text : '';
  if (!text.trim()) return [];
  const declared =
    typeof input.lang === 'string' ? (input.lang.trim().toLowerCase().split(/[-_]/)[0] ?? '') : detectLanguage(text);
  const lang = declared === '' ? guessListedLanguage(text) : declared;
  const unspaced = isUnspaced(text);
  const stopwords = OTHER_STOPWORDS.get(lang);
  const stems = new Map<string, string>();
  const termsOf = (s: string): string[] => terms(s, lang, stopwords, unspaced, stems);

  const sentences = usableSentences(text, unspaced);
  if (sentences.length === 0) return fallback(text);

  // tf·isf weights over the candidate sentences.
  const bags = sentences.map((s) => countTerms(termsOf(s.text)));
  const sentenceFreq = new Map<string, number>();
  for (const bag of bags) for (const t of bag.keys()) sentenceFreq.set(t, (sentenceFreq.get(t) ?? 0) + 1);
  const n = bags.length;
  const isf = (t: string) => Math.log(1 + n / (sentenceFreq.get(t) ?? 1));
  const centroid = new Map<string, number>();
  const candidates: Candidate[] = bags.map((bag, k) => {
    const vector = new Map<string, number>();
    for (const [t, c] of bag) {
      const w = (1 + Math.log(c)) * isf(t);
      vector.set(t, w);
      centroid.set(t, (centroid.get(t) ?? 0) + w);
    }
    return { span: sentences[k]!, index: k, vector, norm: normOf(vector), score: 0 };
  });
  const centroidNorm = normOf(centroid);
  const title = countTerms(termsOf(typeof input.title === 'string' ? input.title : ''));

  for (const c of candidates) {
    const relevance = c.norm && centroidNorm ? dot(c.vector, centroid) / (c.norm * centroidNorm) : 0;
    let titleHits = 0;
    for (const t of c.vector.keys()) if (title.has(t)) titleHits++;
    const titleOverlap = title.size ? titleHits / title.size : 0;
    const lead = 1 / Math.sqrt(1 + c.index);
    c.score = 0.55 * relevance + 0.3 * lead + 0.15 * titleOverlap;
  }

  const ranked = candidates.slice().sort((a, b) => b.score - a.score || a.index - b.index);
  const chosen: Candidate[] = [];
  for (const c of ranked) {
    if (chosen.length >= MAX_SENTENCES) break;
    if (chosen.some((d) => cosine(c, d) > REDUNDANCY)) continue;
    if (chosen.length === 2 && lengthOf(chosen[0]!.span.text, unspaced) + lengthOf(chosen[1]!.span.text, unspaced) > budget(unspaced)) break;
    chosen.push(c);
  }
  // Too few distinct sentences: fill up from the ranking, redundancy allowed.
  for (const c of ranked) {
    if (chosen.length >= Math.min(2, candidates.length)) break;
    if (!chosen.includes(c)) chosen.push(c);
  }
  const spans = chosen.map((c) => ({ ...c.span }));
  // One usable sentence only: add the next plain sentence of the text, so there are two when possible.
  if (spans.length < 2) {
    for (const s of sentencesOf(text)) {
      if (spans.length >= 2) break;
      if (spans.some((t) => t.start < s.end && s.start < t.end)) continue;
      if (BOILERPLATE.test(s.text) || countWords(s.text) < 3) continue;
      spans.push({ ...s });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

function isUnspaced(text: string): boolean {
  const sample = text.slice(0, 5000);
  if (!HAS_UNSPACED.test(sample)) return false;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const unspaced = sample.match(UNSPACED_SCRIPT)?.length ?? 0;
  return letters > 0 && unspaced / letters > 0.3;
}

/** Words in a sentence: whitespace-separated chunks with a letter or digit (cheaper than tokenizing). */
function countWords(sentence: string): number {
  let n = 0;
  for (const chunk of sentence.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(chunk)) n++;
  return n;
}

function lengthOf(sentence: string, unspaced: boolean): number {
  return unspaced ? sentence.replace(/\s+/g, '').length / 3 : countWords(sentence);
}

function budget(unspaced: boolean): number {
  return unspaced ? MAX_CHARS_UNSPACED / 3 : TWO_SENTENCE_WORD_BUDGET;
}

/** Sentences that may appear in a summary, in article order, capped at MAX_CANDIDATES. */
function usableSentences(text: string, unspaced: boolean): TextSpan[] {
  const out: TextSpan[] = [];
  const paragraphs = splitParagraphs(text);
  const sentences = sentencesOf(text);
  // Paragraphs before an early dateline ("LONDON —") are captions or teasers, not the story.
  const datelineAt = paragraphs.slice(0, 6).findIndex((p) => DATELINE.test(p.text));
  let k = 0;
  for (const para of paragraphs.slice(Math.max(0, datelineAt))) {
    // Sentences never cross a paragraph break, so the two lists advance together.
    while (k < sentences.length && sentences[k]!.start < para.start) k++;
    if (CAPTION_END.test(para.text) || isByline(para.text)) continue;
    for (; k < sentences.length && sentences[k]!.end <= para.end; k++) {
      let span = sentences[k]!;
      // The dateline is not part of the sentence a reader wants ("LONDON — After …" → "After …").
      const dateline = DATELINE.exec(span.text);
      if (dateline) span = { text: span.text.slice(dateline[0].length), start: span.start + dateline[0].length, end: span.end };
      if (isUsable(span.text, unspaced)) out.push(span);
      if (out.length >= MAX_CANDIDATES) return out;
    }
  }
  return out;
}

function isUsable(sentence: string, unspaced: boolean): boolean {
  if (!ENDS_LIKE_SENTENCE.test(sentence)) return false;
  if (BOILERPLATE.test(sentence) || isByline(sentence) || CAPTION_START.test(sentence)) return false;
  if (/^[\s"'“‘(]*[•*·\-–—]/.test(sentence)) return false;
  // Fragments: a lower-case start (text lost before it) or a parenthetical aside.
  if (/^[(\[]/.test(sentence) || /^[\s"'“‘«]*\p{Ll}/u.test(sentence)) return false;
  if (unspaced) {
    const chars = sentence.replace(/\s+/g, '').length;
    return chars >= MIN_CHARS_UNSPACED && chars <= MAX_CHARS_UNSPACED;
  }
  const words = countWords(sentence);
  if (words < MIN_WORDS || words > MAX_WORDS) return false;
  // Mostly capitalised words: a heading, a caption or a list of names, not prose.
  const caps = sentence.match(/(?:^|\s)[\p{Lu}]/gu)?.length ?? 0;
  return caps <= words * 0.6;
}

/** When no sentence passes the filters: the first sentences of the text, up to three. */
function fallback(text: string): TextSpan[] {
  const picked: TextSpan[] = [];
  let words = 0;
  for (const s of sentencesOf(text)) {
    if (picked.length >= MAX_SENTENCES || (picked.length >= 2 && words > TWO_SENTENCE_WORD_BUDGET)) break;
    picked.push({ ...s });
    words += countWords(s.text);
  }
  return picked;
}

function terms(
  sentence: string,
  lang: string,
  stopwords: ReadonlySet<string> | undefined,
  unspaced: boolean,
  stemCache: Map<string, string>,
): string[] {
  const out: string[] = [];
  for (const w of tokenizeWords(sentence)) {
    const lower = w.text.toLowerCase().replace(/’/g, "'").replace(/'s$/, '');
    if (/^\p{N}/u.test(lower)) continue;
    if (unspaced && HAS_UNSPACED.test(lower)) {
      // No word boundaries: character bigrams stand in for words.
      for (let i = 0; i + 1 < lower.length; i++) out.push(lower.slice(i, i + 2));
      continue;
    }
    if (lang === 'en') {
      if (lower.length < 2 || STOPWORDS.has(lower) || EN_EXTRA_STOPWORDS.has(lower)) continue;
      let stem = stemCache.get(lower);
      if (stem === undefined) stemCache.set(lower, (stem = stemWord(lower)));
      out.push(stem);
    } else {
      if (stopwords?.has(lower)) continue;
      out.push(lower);
    }
  }
  return out;
}

function countTerms(list: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of list) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

function normOf(v: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return Math.sqrt(s);
}

function dot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, x] of small) {
    const y = large.get(t);
    if (y !== undefined) s += x * y;
  }
  return s;
}

function cosine(a: Candidate, b: Candidate): number {
  return a.norm && b.norm ? dot(a.vector, b.vector) / (a.norm * b.norm) : 0;
}
