/**
 * Key topics of an article as short noun phrases, best first.
 *
 * Method (PositionRank-style keyphrase extraction; topics always come from the text, never from a list):
 * 1. Candidates: runs of content words inside a sentence, cut at punctuation, function words, verb
 *    forms ("said", "to buy", "he greets"), adverbs and appositions ("wife | Grace"); every 1–3-word
 *    sub-phrase of a run (4 for names; "of" may join name parts: "Republic of Korea") that ends in a
 *    noun, not in a participle or adjective ("drug-resistant", "economic", "American").
 * 2. Words are ranked with PageRank over a co-occurrence graph (window of 3 content words in a
 *    sentence), restarting in proportion to how early a word appears (sentence and word position)
 *    and with a boost for title words. Weak adjectives ("new", "major") earn no rank.
 * 3. A phrase scores by the sum of its words' ranks × (1 + ln frequency), ×1.5 when the title holds
 *    it, lower when seen once, when it cuts through a longer name ("Zealand Parliamentary") or is a
 *    generic noun ("people", "officials", "president"). A word used mostly inside one longer phrase
 *    ("control" in "gun control") hands its score to that phrase.
 * 4. Best first, near-duplicates dropped: same Porter stems (singular/plural), one phrase inside the
 *    other, token overlap (Jaccard) ≥ 0.5, or an acronym and its expansion ("ROK" / "Republic of Korea").
 *    Scores are divided by the best one, so they lie in (0, 1] with the first at 1.
 *
 * Languages: English ("en") gets the full treatment. German, French, Spanish, Italian, Portuguese
 * and Dutch use function-word lists, the Romance "de" connectors and case-folded words (no stemming);
 * an undeclared language is matched to one of these by its function words. Other languages in a
 * cased script (Cyrillic, Greek, Latin without a list) yield only capitalised names that recur;
 * uncased scripts (Chinese, Japanese, Korean, Arabic, Hebrew, Thai, Indic …) yield no topics rather
 * than guesses.
 */
import type { AnalysisInput, Topic } from '../model';
import { detectLanguage } from './detect-language';
import { stemWord } from './stem-word';
import {
  EN_ALWAYS_BREAK,
  EN_CALENDAR,
  EN_EXTRA_STOPWORDS,
  EN_GENERIC,
  EN_NOUN_EXCEPTIONS,
  EN_NOUNS_WITH_ADJECTIVE_SUFFIX,
  EN_TITLE_WORDS,
  EN_VERBS,
  EN_WEAK_ADJECTIVES,
  OTHER_STOPWORDS,
  guessListedLanguage,
} from './topic-lexicon';
import { sentencesOf } from './sentences-of';
import { STOPWORDS, tokenizeWords } from './text-units';

/** How many topics `extractTopics` returns at most. */
export const MAX_TOPICS = 10;

/**
 * Only this much of a very long text is read (about 17,000 words, at a paragraph break): topics of
 * a book-length page come from its first part, and the time stays linear in what is read.
 */
const MAX_CHARS = 100_000;
const WINDOW = 3;
const DAMPING = 0.85;
const ITERATIONS = 30;

/** Words after which an -ing/-ed form is a noun or a modifier ("the meeting", "an armed man"). */
const DETERMINERS = new Set(
  'a an the this that these those his her its their our my your every each no any another some of for with in on by from to at into'.split(' '),
);

const GENERIC_STEMS: ReadonlySet<string> = new Set([...EN_GENERIC, ...EN_TITLE_WORDS].map(stemWord));
const TITLE_STEMS: ReadonlySet<string> = new Set([...EN_TITLE_WORDS].map(stemWord));
const WEAK_ADJECTIVE_STEMS: ReadonlySet<string> = new Set([...EN_WEAK_ADJECTIVES].map(stemWord));

/**
 * Words that may join two phrase words: English "of" inside names ("Republic of Korea"); the
 * Romance "de" family inside any noun phrase ("réforme des retraites", "ministro de Economía").
 */
const EN_CONNECTORS: ReadonlySet<string> = new Set(['of']);
const NO_CONNECTORS: ReadonlySet<string> = new Set();
const CONNECTORS: ReadonlyMap<string, ReadonlySet<string>> = new Map(Object.entries({
  fr: new Set(['de', 'des', 'du']),
  es: new Set(['de', 'del']),
  it: new Set(['di', 'del', 'della', 'dei', 'delle', 'dello', 'degli']),
  pt: new Set(['de', 'do', 'da', 'dos', 'das']),
}));

/** English words after which a bare lower-case word is a verb ("to buy", "will add", "he greets"). */
const VERB_CUES = new Set(
  "to will would can could should may might must shall not never don't doesn't didn't won't can't cannot wouldn't couldn't shouldn't he she they we i you who".split(' '),
);
/** Articles and possessives: a word right after one is a noun or adjective ("the use"). */
const ARTICLES = new Set('a an the this these those his her its their our my your every each another'.split(' '));

type Mode = 'en' | 'listed' | 'names' | 'none';

/**
 * How a token takes part in a noun phrase. Modifier: a participle that may only open a phrase;
 * Adjective: anywhere but last; Connector: "of" inside a name ("Republic of Korea"), never first or last.
 */
const Role = { Break: 0, Content: 1, Modifier: 2, Adjective: 3, Connector: 4 } as const;
type Role = (typeof Role)[keyof typeof Role];

interface Token {
  surface: string;
  /** Lower case, possessive "'s" removed. */
  lower: string;
  stem: string;
  role: Role;
  /** Ends its phrase (possessive, or punctuation follows). */
  endsPhrase: boolean;
  capitalised: boolean;
  sentenceInitial: boolean;
  /** Right after "to", a modal or a subject pronoun (English): a verb here. */
  verbPosition: boolean;
}

interface Candidate {
  key: string;
  stems: string[];
  /** Stems that carry meaning: without weak adjectives ("new") and connectors ("of"). */
  core: string[];
  count: number;
  firstSentence: number;
  /** Surface forms seen away from a sentence start, with counts (insertion order = first seen). */
  surfaces: Map<string, number>;
  initialSurface: string;
  /** Occurrences where the phrase cuts through a longer name. */
  cuts: number;
  /** Occurrences that end where their noun phrase ends (so the phrase has its head noun). */
  headFinal: number;
  /** Every word before the last is an adjective ("American officials"): judged by its last word. */
  modifierOnly: boolean;
}

/** English adjective endings (lower-case words); such words may not end a phrase. */
const ADJECTIVE_SUFFIX = /(?:ous|ful|less|ive|able|ible|al|ic|ary|ish)$/;
/** Capitalised words that may be demonyms ("American", "Sudanese", "Russian", "Turkish"). */
const DEMONYM_SUFFIX = /(?:an|ese|ish|ic|i)$/;

const UNCASED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Tamil}\p{Script=Georgian}\p{Script=Ethiopic}]/gu;

/** Which treatment a language gets (see the module comment). */
function modeFor(lang: string, text: string): Mode {
  if (lang === 'en') return 'en';
  if (OTHER_STOPWORDS.has(lang)) return 'listed';
  if (lang === '' && guessListedLanguage(text)) return 'listed';
  const sample = text.slice(0, 5000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const uncased = sample.match(UNCASED_SCRIPT)?.length ?? 0;
  if (letters === 0 || uncased / letters > 0.2) return 'none';
  return 'names';
}

const isUpper = (ch: string): boolean => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
/** Numbers, dates, amounts and number-led compounds ("93-year-old", "1990s", "$5bn"). */
const NUMBERISH = /^[\p{P}\p{S}]*\p{N}/u;

/**
 * The article's key topics: up to {@link MAX_TOPICS} short phrases from the text with scores in
 * (0, 1], best first, without near-duplicates. Deterministic; never throws.
 */
export function extractTopics(input: AnalysisInput): Topic[] {
  const text = typeof input.text === 'string' ? input.text : '';
  if (!text.trim()) return [];
  let lang =
    typeof input.lang === 'string' ? (input.lang.trim().toLowerCase().split(/[-_]/)[0] ?? '') : detectLanguage(text);
  const mode = modeFor(lang, text);
  if (mode === 'none') return [];
  if (mode === 'listed' && !OTHER_STOPWORDS.has(lang)) lang = guessListedLanguage(text);
  const stopwords = mode === 'listed' ? (OTHER_STOPWORDS.get(lang) ?? STOPWORDS) : STOPWORDS;
  const stemCache = new Map<string, string>();
  const stem =
    mode === 'en'
      ? (w: string) => {
          let st = stemCache.get(w);
          if (st === undefined) stemCache.set(w, (st = stemWord(singularize(w))));
          return st;
        }
      : mode === 'listed'
        ? // Without a stemmer, at least a plural "-s" does not make a second topic ("retraites" / "retraite").
          (w: string) => (w.length >= 5 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)
        : (w: string) => w;

  const sentences = tokenizeSentences(leadingText(text, MAX_CHARS));
  if (sentences.length === 0) return [];

  // Global evidence used by the token classifier.
  const nounIng = new Set<string>(); // -ing/-ed words seen right after a determiner
  const afterVerbCue = new Set<string>(); // words seen right after "to", a modal or a subject pronoun…
  const afterArticle = new Set<string>(); // …and right after an article
  const lowerSeen = new Set<string>(); // words seen in lower case
  const lowerSurfaces = new Set<string>(); // …and exactly as written
  const capSeenMid = new Set<string>(); // words seen capitalised away from a sentence start
  const capCount = new Map<string, number>(); // capitalised demonym-like words: occurrences
  const capBeforeNoun = new Map<string, number>(); // … and how often a lower-case content word follows
  for (const sent of sentences) {
    for (let i = 0; i < sent.length; i++) {
      const t = sent[i]!;
      if (t.capitalised) {
        if (!t.sentenceInitial) capSeenMid.add(t.lower);
        if (mode === 'en' && DEMONYM_SUFFIX.test(t.lower)) {
          capCount.set(t.lower, (capCount.get(t.lower) ?? 0) + 1);
          const next = sent[i + 1];
          if (next && !t.endsPhrase && !next.capitalised && !stopwords.has(next.lower) && !EN_VERBS.has(next.lower) && !EN_EXTRA_STOPWORDS.has(next.lower)) {
            capBeforeNoun.set(t.lower, (capBeforeNoun.get(t.lower) ?? 0) + 1);
          }
        }
      } else {
        lowerSeen.add(t.lower);
        lowerSurfaces.add(t.surface);
      }
      const prev = i > 0 && !sent[i - 1]!.endsPhrase ? sent[i - 1]!.lower : '';
      if (ARTICLES.has(prev)) {
        nounIng.add(t.lower);
        afterArticle.add(t.lower);
      }
      // "provides the", "requires a": a lower-case word right before an article is a verb.
      const next = sent[i + 1];
      if (next && t.lower.endsWith('s') && !t.endsPhrase && !t.capitalised && ARTICLES.has(next.lower)) afterVerbCue.add(t.lower);
      if (VERB_CUES.has(prev) && !t.capitalised) {
        afterVerbCue.add(t.lower);
        t.verbPosition = true;
      }
    }
  }

  // Words used as verbs and never as nouns in this text ("buy", "greets") do not join phrases.
  const verbs = new Set<string>();
  for (const w of afterVerbCue) if (!afterArticle.has(w)) verbs.add(w);
  const demonyms = new Set<string>();
  for (const [w, n] of capCount) if ((capBeforeNoun.get(w) ?? 0) * 2 >= n) demonyms.add(w);
  // A word's role depends on its spelling and three position flags; most words repeat, so cache it.
  const roleCaches = [new Map<string, Role>(), new Map<string, Role>(), new Map<string, Role>(), new Map<string, Role>()];
  for (const sent of sentences) {
    for (const t of sent) {
      const roleCache = roleCaches[(t.capitalised ? 2 : 0) + (t.sentenceInitial ? 1 : 0)]!;
      let role = roleCache.get(t.lower);
      if (role === undefined) roleCache.set(t.lower, (role = classify(t, mode, stopwords, nounIng, lowerSeen, capSeenMid)));
      t.role = role;
      if (mode === 'en' && t.role !== Role.Break && !t.capitalised && (t.verbPosition || verbs.has(t.lower))) t.role = Role.Break;
      if (t.role === Role.Content && demonyms.has(t.lower)) t.role = Role.Adjective;
      t.stem = t.role === Role.Break ? '' : stem(t.lower);
    }
  }

  // The byline is not a topic: its names are left out, and do not count as title words either.
  const authorStems = new Set<string>();
  for (const author of Array.isArray(input.authors) ? input.authors : []) {
    if (typeof author === 'string') for (const w of tokenizeWords(author)) authorStems.add(stem(normaliseLower(w.text)));
  }
  const titleStems = new Set<string>();
  for (const w of tokenizeWords(typeof input.title === 'string' ? input.title : '')) {
    const lower = normaliseLower(w.text);
    const st = stem(lower);
    if (!stopwords.has(lower) && !NUMBERISH.test(lower) && !authorStems.has(st)) titleStems.add(st);
  }

  const wordRank = rankWords(sentences, titleStems);
  const candidates = collectCandidates(sentences, mode, lang);
  if (candidates.size === 0) return [];

  const totalSentences = sentences.length;
  const scores = new Map<Candidate, number>();
  for (const cand of candidates.values()) scores.set(cand, scoreCandidate(cand, wordRank, titleStems, totalSentences, mode));
  absorbIntoLongerPhrases(candidates, scores);
  const scored: Array<{ cand: Candidate; score: number }> = [];
  for (const [cand, score] of scores) {
    if (score > 0 && !(authorStems.size && cand.core.every((st) => authorStems.has(st)))) scored.push({ cand, score });
  }
  scored.sort((a, b) => b.score - a.score || a.cand.firstSentence - b.cand.firstSentence || (a.cand.key < b.cand.key ? -1 : 1));

  const kept: Array<{ label: string; core: string[]; cores: string[][]; score: number; count: number }> = [];
  for (const { cand, score } of scored) {
    if (kept.length >= MAX_TOPICS) break;
    const dups = kept.filter((k) => k.cores.some((core) => nearDuplicate(core, cand.core)));
    if (dups.length) {
      // A full name replaces the bare parts of it that were kept ("Marco Arment" for "Marco",
      // "Hurricane Gilbert" for "Gilbert" and "hurricane"), taking the place and score of the first.
      if (mode === 'en' && score >= 0.25 * dups[0]!.score && (cand.count >= 2 || cand.stems.every((st) => st === '' || titleStems.has(st)))) {
        const phrase = displayForm(cand, lowerSurfaces);
        // A surname far outscores the full name it stands for, so a name that only adds a first
        // word in front of a bare word ("Robert Mugabe" / "Mugabe") asks for less than other forms.
        const words = phrase.split(' ');
        const firstNameOf = (k: { label: string }) =>
          words.length <= 3 &&
          !k.label.includes(' ') &&
          !words.includes('of') &&
          !PLACE_MODIFIERS.has(words[0]!.toLowerCase()) &&
          phrase.toLowerCase().endsWith(` ${k.label.toLowerCase()}`);
        const enough = (dups.every(firstNameOf) ? 0.25 : 0.5) * dups[0]!.score;
        const lastWord = phrase.slice(phrase.lastIndexOf(' ') + 1).toLowerCase();
        const replaces =
          score >= enough &&
          phrase.includes(' ') &&
          isName(phrase) &&
          !EN_TITLE_WORDS.has(lastWord) &&
          dups.some((k) => isName(k.label)) &&
          dups.every(
            (k) =>
              k.core.length < cand.core.length &&
              k.core.every((st) => cand.core.includes(st)) &&
              // A longer name used far less than a multi-word one it contains is another thing ("Raspberry Pi Foundation").
              (!k.label.includes(' ') || cand.count * 10 >= k.count * 3),
          ) &&
          !kept.some((o) => isAcronymOf(o.label, phrase) || isAcronymOf(phrase, o.label));
        if (replaces) {
          // The replaced words keep blocking their other phrases ("Arduino IDE" after "Arduino SRL").
          const cores = [cand.core, ...dups.flatMap((k) => k.cores)];
          kept[kept.indexOf(dups[0]!)] = { label: phrase, core: cand.core, cores, score: dups[0]!.score, count: cand.count };
          for (const k of dups.slice(1)) kept.splice(kept.indexOf(k), 1);
        }
      }
      continue;
    }
    const phrase = displayForm(cand, lowerSurfaces);
    // An acronym and its expansion are one topic ("ROK" / "Republic of Korea").
    if (kept.some((k) => isAcronymOf(k.label, phrase) || isAcronymOf(phrase, k.label))) continue;
    kept.push({ label: phrase, core: cand.core, cores: [cand.core], score, count: cand.count });
  }
  const best = kept[0]?.score ?? 1;
  return kept.map(({ label, score }) => ({
    label,
    score: Math.max(0.001, Math.round((score / best) * 1000) / 1000),
  }));
}

const IRREGULAR_PLURALS: ReadonlyMap<string, string> = new Map(Object.entries({
  matrices: 'matrix',
  indices: 'index',
  vertices: 'vertex',
  appendices: 'appendix',
  children: 'child',
  people: 'person',
  mice: 'mouse',
  geese: 'goose',
  teeth: 'tooth',
  feet: 'foot',
  analyses: 'analysis',
  crises: 'crisis',
  theses: 'thesis',
  criteria: 'criterion',
  phenomena: 'phenomenon',
}));

/** Irregular English plurals that Porter leaves apart ("matrices"/"matrix", "women"/"woman"). */
function singularize(word: string): string {
  const irregular = IRREGULAR_PLURALS.get(word);
  if (irregular) return irregular;
  if (word.endsWith('men') && word.length > 4) return `${word.slice(0, -3)}man`;
  return word;
}

/** The first `max` characters of `text`, cut at the last paragraph break inside them when there is one. */
function leadingText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf('\n\n', max);
  return text.slice(0, cut > max / 2 ? cut : max);
}

function normaliseLower(word: string): string {
  const lower = word.toLowerCase();
  if (!lower.includes("'") && !lower.includes('’')) return lower;
  return lower.replace(/’/g, "'").replace(/'s$/, '');
}

/** Sentences as token lists; `role` and `stem` are filled in later. */
function tokenizeSentences(text: string): Token[][] {
  const out: Token[][] = [];
  for (const sentence of sentencesOf(text)) {
    const words = tokenizeWords(sentence.text);
    const tokens: Token[] = [];
    let atStart = true;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const next = words[i + 1];
      // Most words are followed by one plain space; only other gaps need a closer look.
      const plainGap = next !== undefined && next.start === w.end + 1 && sentence.text.charCodeAt(w.end) === 32;
      const gap = plainGap ? ' ' : next ? sentence.text.slice(w.end, next.start) : '.';
      const word = w.text;
      const possessive = word.length > 2 && (word.endsWith("'s") || word.endsWith('’s') || word.endsWith("'S") || word.endsWith('’S'));
      const lower = normaliseLower(word);
      // Dotted acronyms keep their final period ("U.S."), which the tokenizer leaves out.
      const dotted = word.includes('.') && /^(?:\p{L}\.)+\p{L}$/u.test(word) && sentence.text[w.end] === '.';
      tokens.push({
        surface: possessive ? word.slice(0, -2) : dotted ? `${word}.` : word,
        lower,
        stem: '',
        role: Role.Break,
        endsPhrase: possessive || (!plainGap && /\S/.test(gap)),
        capitalised: isUpper(word[0] ?? ''),
        sentenceInitial: atStart,
        verbPosition: false,
      });
      // A quote or bracket opening mid-sentence starts a fresh "sentence" for capitalisation purposes.
      atStart = !plainGap && (/["“‘(\[:—–]\s*$/.test(gap) || /^\s*[-–—•]\s*$/.test(gap));
    }
    if (tokens.length) out.push(tokens);
  }
  return out;
}

function classify(
  t: Token,
  mode: Mode,
  stopwords: ReadonlySet<string>,
  nounIng: ReadonlySet<string>,
  lowerSeen: ReadonlySet<string>,
  capSeenMid: ReadonlySet<string>,
): Role {
  const w = t.lower;
  if (w.length < 2 && !/\p{N}/u.test(w)) return Role.Break;
  if (NUMBERISH.test(w) || w.endsWith('-old')) return Role.Break;
  if (mode === 'names') {
    // Unknown language: only words that look like names (capitalised mid-sentence, never lower case).
    return t.capitalised && capSeenMid.has(w) && !lowerSeen.has(w) ? Role.Content : Role.Break;
  }
  if (stopwords.has(w) || EN_ALWAYS_BREAK.has(w)) return Role.Break;
  if (mode === 'listed') return Role.Content;
  if (EN_CALENDAR.has(w)) return Role.Break;
  // English.
  const properHere = t.capitalised && !t.sentenceInitial && !(t.lower.length <= 3 && STOPWORDS.has(w));
  if (properHere) return Role.Content;
  if (EN_EXTRA_STOPWORDS.has(w) || EN_VERBS.has(w)) return Role.Break;
  if (EN_WEAK_ADJECTIVES.has(w)) return Role.Adjective;
  if (t.capitalised && capSeenMid.has(w) && !lowerSeen.has(w)) return Role.Content;
  if (w.includes('-')) {
    // "all-time", "so-called", "high-tech": a compound led by a function word is a modifier.
    // "life-threatening", "state-sponsored", "long-term": so is one that ends like a participle or adjective.
    const head = w.slice(0, w.indexOf('-'));
    const tail = w.slice(w.lastIndexOf('-') + 1);
    const modifierTail = (tail.length > 4 && /(?:ing|ed)$/.test(tail)) || (tail.length > 5 && ADJECTIVE_SUFFIX.test(tail));
    return STOPWORDS.has(head) || EN_EXTRA_STOPWORDS.has(head) || modifierTail ? Role.Adjective : Role.Content;
  }
  if (EN_NOUN_EXCEPTIONS.has(w)) return Role.Content;
  if (w.length > 4 && w.endsWith('ly')) return Role.Break;
  if (w.length > 4 && w.endsWith('ed')) return Role.Modifier;
  if (w.length > 5 && w.endsWith('ing')) return nounIng.has(w) ? Role.Content : Role.Modifier;
  if (w.length > 5 && ADJECTIVE_SUFFIX.test(w) && !EN_NOUNS_WITH_ADJECTIVE_SUFFIX.has(w)) return Role.Adjective;
  return Role.Content;
}

/**
 * Noun-phrase runs of one sentence: maximal token ranges of content words. A modifier
 * (participle) may only open a run, right after a determiner or preposition.
 */
function phraseRuns(sent: Token[], connectors: ReadonlySet<string>): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const close = () => {
    while (run.length && (run[run.length - 1]!.role === Role.Modifier || run[run.length - 1]!.role === Role.Connector)) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  for (let i = 0; i < sent.length; i++) {
    const t = sent[i]!;
    if (t.role === Role.Break) {
      const prev = run[run.length - 1];
      const next = sent[i + 1];
      const joins = connectors.has(t.lower) && (connectors !== EN_CONNECTORS || (prev?.capitalised && next?.capitalised));
      if (joins && prev && !prev.endsPhrase && !t.endsPhrase && next && next.role !== Role.Break && next.role !== Role.Modifier) {
        run.push({ ...t, role: Role.Connector });
        continue;
      }
      close();
    } else if (t.role === Role.Modifier) {
      const prev = sent[i - 1];
      const opensRun = run.length === 0 && prev !== undefined && !prev.endsPhrase && DETERMINERS.has(prev.lower);
      close();
      if (opensRun) run.push(t);
    } else {
      // A common noun followed by a name is an apposition ("wife Grace", "leader Robert Mugabe").
      const prev = run[run.length - 1];
      if (connectors === EN_CONNECTORS && prev && prev.role !== Role.Connector && !prev.capitalised && t.capitalised && !t.sentenceInitial) close();
      run.push(t);
    }
    if (t.endsPhrase) close();
  }
  close();
  return runs;
}

/** Titles and acronyms after which a name may be cut ("President | Barack Obama", "CEO | Mark Zuckerberg"). */
function isTitleWord(t: Token): boolean {
  return EN_TITLE_WORDS.has(t.lower) || /^\p{Lu}{2,5}$/u.test(t.surface);
}

function collectCandidates(sentences: Token[][], mode: Mode, lang: string): Map<string, Candidate> {
  const out = new Map<string, Candidate>();
  const connectors = mode === 'en' ? EN_CONNECTORS : mode === 'listed' ? (CONNECTORS.get(lang) ?? NO_CONNECTORS) : NO_CONNECTORS;
  for (let s = 0; s < sentences.length; s++) {
    for (const run of phraseRuns(sentences[s]!, connectors)) {
      for (let i = 0; i < run.length; i++) {
        const first = run[i]!;
        if ((first.role === Role.Modifier && i > 0) || first.role === Role.Connector) continue;
        let maxLen = 3;
        // Names may run to four words ("Beijing Foreign Studies University", "Encyclopedia of New Zealand").
        const nameLike = (t: Token | undefined) => t !== undefined && (t.capitalised || t.role === Role.Connector);
        if (first.capitalised && nameLike(run[i + 1]) && nameLike(run[i + 2]) && nameLike(run[i + 3])) maxLen = 4;
        let key = '';
        let surface = '';
        let titleBeforeName = false;
        for (let len = 1; len <= maxLen && i + len <= run.length; len++) {
          const last = run[i + len - 1]!;
          key = len === 1 ? last.stem : `${key} ${last.stem}`;
          surface = len === 1 ? last.surface : `${surface} ${last.surface}`;
          // A role before a name ("President Obama", "CEO Mark Zuckerberg"): the name alone is the topic.
          if (len > 1) {
            const prev = run[i + len - 2]!;
            if (prev.capitalised && last.capitalised && EN_TITLE_WORDS.has(prev.lower)) titleBeforeName = true;
          }
          if (titleBeforeName) break;
          if (last.role === Role.Modifier || last.role === Role.Adjective || last.role === Role.Connector) continue;
          if (mode === 'en' && len === 1 && first.lower.length < 3 && !first.capitalised) continue;
          let cand = out.get(key);
          if (!cand) {
            const stems = run.slice(i, i + len).map((t) => t.stem);
            const core = stems.filter((st) => st !== '' && !WEAK_ADJECTIVE_STEMS.has(st));
            const modifierOnly = len > 1 && run.slice(i, i + len - 1).every((t) => t.role === Role.Adjective);
            cand = { key, stems, core: core.length ? core : stems, count: 0, cuts: 0, headFinal: 0, modifierOnly, firstSentence: s, surfaces: new Map(), initialSurface: '' };
            out.set(key, cand);
          }
          cand.count++;
          if (i + len === run.length) cand.headFinal++;
          if (first.sentenceInitial) {
            if (!cand.initialSurface) cand.initialSurface = surface;
          } else {
            cand.surfaces.set(surface, (cand.surfaces.get(surface) ?? 0) + 1);
          }
          // A sub-phrase that cuts a name ("CEO Mark", "Zealand Department") is a poor topic.
          const before = run[i - 1];
          const after = run[i + len];
          if (
            mode !== 'listed' &&
            ((before && before.capitalised && first.capitalised && !isTitleWord(before)) ||
              (after && (after.capitalised || after.role === Role.Connector) && last.capitalised && !isTitleWord(last)))
          ) {
            cand.cuts++;
          }
        }
      }
    }
  }
  return out;
}

/**
 * PositionRank: PageRank over stems of phrase words linked when they occur within WINDOW content
 * words of each other in one sentence, with restarts biased to early positions and title words.
 */
function rankWords(sentences: Token[][], titleStems: ReadonlySet<string>): Map<string, number> {
  const index = new Map<string, number>();
  const bias: number[] = [];
  const edges: Array<Map<number, number>> = [];
  const idOf = (stem: string): number => {
    let id = index.get(stem);
    if (id === undefined) {
      id = index.size;
      index.set(stem, id);
      bias.push(0);
      edges.push(new Map());
    }
    return id;
  };
  let position = 0;
  for (let s = 0; s < sentences.length; s++) {
    const ids: number[] = [];
    for (const t of sentences[s]!) {
      position++;
      // Weak adjectives ("new", "major") join phrases but earn them no rank.
      if (t.role === Role.Break || (t.role === Role.Adjective && EN_WEAK_ADJECTIVES.has(t.lower) && !t.capitalised)) continue;
      const id = idOf(t.stem);
      ids.push(id);
      bias[id]! += 1 / (s + 1) + 1 / position;
    }
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length && j < i + WINDOW; j++) {
        const a = ids[i]!;
        const b = ids[j]!;
        if (a === b) continue;
        edges[a]!.set(b, (edges[a]!.get(b) ?? 0) + 1);
        edges[b]!.set(a, (edges[b]!.get(a) ?? 0) + 1);
      }
    }
  }
  const n = index.size;
  const ranks = new Map<string, number>();
  if (n === 0) return ranks;
  let maxBias = 0;
  for (const b of bias) maxBias = Math.max(maxBias, b);
  for (const [stem, id] of index) if (titleStems.has(stem)) bias[id]! += maxBias;
  let biasSum = 0;
  for (const b of bias) biasSum += b;
  // Compressed adjacency (CSR) so the power iteration runs over flat typed arrays.
  const offsets = new Int32Array(n + 1);
  for (let a = 0; a < n; a++) offsets[a + 1] = offsets[a]! + edges[a]!.size;
  const targets = new Int32Array(offsets[n]!);
  const shares = new Float64Array(offsets[n]!);
  const dangling: number[] = [];
  for (let a = 0; a < n; a++) {
    let out = 0;
    for (const w of edges[a]!.values()) out += w;
    if (out === 0) dangling.push(a);
    let k = offsets[a]!;
    for (const [b, w] of edges[a]!) {
      targets[k] = b;
      shares[k++] = w / out;
    }
  }
  const restart = new Float64Array(n);
  for (let a = 0; a < n; a++) restart[a] = bias[a]! / biasSum;
  let score = Float64Array.from(restart);
  let next = new Float64Array(n);
  for (let iter = 0; iter < ITERATIONS; iter++) {
    let lost = 0;
    for (const a of dangling) lost += score[a]!;
    // Words without neighbours hand their rank back through the restart distribution.
    const restartWeight = 1 - DAMPING + DAMPING * lost;
    for (let a = 0; a < n; a++) next[a] = restartWeight * restart[a]!;
    for (let a = 0; a < n; a++) {
      const mass = DAMPING * score[a]!;
      for (let k = offsets[a]!, end = offsets[a + 1]!; k < end; k++) next[targets[k]!]! += mass * shares[k]!;
    }
    let delta = 0;
    for (let a = 0; a < n; a++) delta += Math.abs(next[a]! - score[a]!);
    [score, next] = [next, score];
    if (delta < 1e-5) break;
  }
  for (const [stem, id] of index) ranks.set(stem, score[id]! * n);
  return ranks;
}

function scoreCandidate(
  cand: Candidate,
  wordRank: ReadonlyMap<string, number>,
  titleStems: ReadonlySet<string>,
  totalSentences: number,
  mode: Mode,
): number {
  let sum = 0;
  for (const s of cand.stems) sum += wordRank.get(s) ?? 0;
  const len = cand.stems.length;
  let score = sum;
  score *= 1 + Math.log(cand.count);
  if (cand.cuts * 2 > cand.count) score *= 0.1;
  // Once-only phrases are rarely key topics, unless the title or the lead carries them.
  const inTitle = cand.stems.every((s) => titleStems.has(s));
  if (inTitle) score *= 1.5;
  else if (cand.count === 1) score *= cand.firstSentence > Math.min(2, totalSentences * 0.1) ? 0.4 : 0.6;
  if (mode === 'en') {
    // Judge "biggest things" like "things": weak adjectives add nothing to a phrase.
    const core = cand.core;
    if (cand.stems.some((st) => st !== '' && WEAK_ADJECTIVE_STEMS.has(st))) score *= 0.8;
    const head = cand.stems[cand.stems.length - 1]!;
    if ((core.length === 1 || cand.modifierOnly) && GENERIC_STEMS.has(head)) score *= len === 1 && TITLE_STEMS.has(head) ? 0.15 : 0.3;
    // Seen once, and not at the end of its noun label: a modifier cut off from its head
    // ("sense gun" in "common sense gun safety laws").
    if (cand.headFinal === 0 && cand.count === 1) score *= 0.5;
  }
  return score;
}

/**
 * A word or phrase used mostly inside one longer phrase ("control" in "gun control") stands for
 * that label: the longer one inherits the better score and the shorter one is dropped.
 */
function absorbIntoLongerPhrases(candidates: ReadonlyMap<string, Candidate>, scores: Map<Candidate, number>): void {
  const byStem = new Map<string, Candidate[]>();
  for (const cand of candidates.values()) {
    // Only phrases seen twice or more can host a shorter one (see below), so only they are indexed.
    if (cand.stems.length < 2 || cand.count < 2) continue;
    for (const s of new Set(cand.stems)) {
      let list = byStem.get(s);
      if (!list) byStem.set(s, (list = []));
      list.push(cand);
    }
  }
  // Shorter phrases first, so "deal" → "nuclear deal" → "Iran nuclear deal" can chain.
  const ordered = [...candidates.values()].sort((a, b) => a.stems.length - b.stems.length);
  for (const cand of ordered) {
    const own = scores.get(cand) ?? 0;
    if (own <= 0 || cand.stems.length >= 3) continue;
    let host: Candidate | undefined;
    for (const longer of byStem.get(cand.stems[0]!) ?? []) {
      if (longer.stems.length <= cand.stems.length || !containsRun(longer.stems, cand.stems)) continue;
      // The longer phrase must add meaning, not just "new" or "major".
      if (longer.core.length <= cand.core.length) continue;
      if ((scores.get(longer) ?? 0) <= 0) continue;
      if (!host || longer.count > host.count || (longer.count === host.count && longer.stems.length < host.stems.length)) host = longer;
    }
    if (!host || host.count < 2 || host.count * 2 < cand.count) continue;
    scores.set(host, Math.max(scores.get(host) ?? 0, own));
    scores.set(cand, 0);
  }
}

function containsRun(longer: readonly string[], shorter: readonly string[]): boolean {
  outer: for (let i = 0; i + shorter.length <= longer.length; i++) {
    for (let j = 0; j < shorter.length; j++) if (longer[i + j] !== shorter[j]) continue outer;
    return true;
  }
  return false;
}

/** First words that make a different place, not a fuller name ("South Sudan", "New Mexico"). */
const PLACE_MODIFIERS = new Set(
  'north south east west northern southern eastern western central upper lower greater new old little great'.split(' '),
);

/** Every word capitalised, apart from joining words: a name ("Marco Arment", "Republic of Korea"). */
function isName(phrase: string): boolean {
  return phrase.split(' ').every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:of|de|des|du|di|da|do|del|della)$/.test(w));
}

/** Whether `short` is an all-capitals acronym of the multi-word `long` (with or without "of", "and"). */
function isAcronymOf(dotted: string, long: string): boolean {
  const short = dotted.replace(/\./g, '');
  if (!/^\p{Lu}{2,6}$/u.test(short)) return false;
  const words = long.split(' ');
  if (words.length < 2) return false;
  const all = words.map((w) => w.charAt(0).toUpperCase()).join('');
  const content = words
    .filter((w) => !/^(?:of|and|the|for|de|des|du|di|da|do)$/i.test(w))
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
  return short === all || short === content;
}

/** Same stems, one phrase inside the other, or token overlap of at least half (Jaccard). */
function nearDuplicate(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  let shared = 0;
  for (const s of sa) if (sb.has(s)) shared++;
  if (shared === 0) return false;
  if (shared === sa.size || shared === sb.size) return true;
  return shared / (sa.size + sb.size - shared) >= 0.5;
}

/** The phrase as the article writes it, preferring forms away from a sentence start. */
function displayForm(cand: Candidate, lowerSurfaces: ReadonlySet<string>): string {
  let best = '';
  let bestCount = 0;
  for (const [surface, count] of cand.surfaces) {
    if (count > bestCount) {
      best = surface;
      bestCount = count;
    }
  }
  if (!best) {
    best = cand.initialSurface;
    // A sentence-initial capital is not part of the phrase when the word is also written in lower case.
    const firstWord = best.split(' ')[0] ?? '';
    const lowerFirst = firstWord.charAt(0).toLowerCase() + firstWord.slice(1);
    // …unless the other words are capitalised too: then it is a name ("Hurricane Gilbert").
    const rest = best.split(' ').slice(1);
    const nameLike = rest.length > 0 && rest.every((w) => /^\p{Lu}/u.test(w));
    if (firstWord !== lowerFirst && !nameLike && lowerSurfaces.has(lowerFirst)) best = lowerFirst + best.slice(firstWord.length);
  }
  return best.replace(/\s+/g, ' ');
}
