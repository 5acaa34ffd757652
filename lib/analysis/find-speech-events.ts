/**
 * Speech events for the speaker engine: who (a name, pronoun, role noun or group) said what, where,
 * read from reporting verbs, "according to", appositive and inverted attributions in each unit.
 */
import {
  DEGREES,
  INVERTING_VERBS,
  NAME_PARTICLES,
  ORG_NOUNS,
  ORG_WORDS,
  PHRASAL_PARTICLE,
  PLACE_NAMES,
  REPORTING_VERBS,
  ROLE_NOUNS,
  STANCE_ADJECTIVES,
  UNNAMED_SOURCE_NOUNS,
  VERB_FILLERS,
  WEAK_VERBS,
} from './speaker-lexicon';
import { STOPWORDS } from './text-units';
import {
  CLAUSE_LINKS,
  DATE_WORDS,
  DETERMINERS,
  PARTICIPLE_BASES,
  PP_GLUE,
  PREPOSITIONS,
  PRONOUNS,
  type Run,
  SPEECH_NOUNS,
  TRAILING_STARTERS,
  type Tok,
  type Unit,
  bare,
  isWord,
} from './speech-units';

type Ref =
  | { type: 'name'; unit: Unit; run: Run }
  | { type: 'pronoun'; word: string; pos: number }
  | { type: 'np'; text: string; head: string; start: number; end: number; det: string }
  | { type: 'clause' };

export interface Event {
  unit: number;
  cue: string;
  verbStart: number;
  verbEnd: number;
  ref: Ref;
  subjStart: number;
  subjEnd: number;
  /** Reported content region in the text. */
  cs: number;
  ce: number;
  mode: 'after' | 'before';
  /** Role text spans stated at this mention. */
  roles: RoleSpan[];
  /** Set for events inside another event's content that do not stand alone. */
  nested: boolean;
  /** The content is introduced by a colon and continues in the following list paragraphs. */
  list: boolean;
}

/** Where a role is written: one span, or two joined by a space ("Professor" + "from Dongguk University"). */
export type RoleSpan = [number, number] | [number, number, number, number];

interface SubjectParse {
  ref: Ref;
  start: number;
  end: number;
  roles: RoleSpan[];
}

/** A role phrase written before a name: "White House press secretary", "the BBC's North America editor". */
export function rolePrefix(u: Unit, runStart: number): [number, number] | null {
  let k = runStart - 1;
  const last = u.toks[k];
  if (!isWord(last) || last.inQuote || last.cap || !ROLE_NOUNS.has(last.lower)) return null;
  let first = k;
  while (k >= 0) {
    const t = u.toks[k] as Tok;
    if (t.kind === 'poss') {
      k--;
      continue;
    }
    if (!isWord(t) || t.inQuote || DETERMINERS.has(t.lower) || (STOPWORDS.has(t.lower) && !t.cap) || CLAUSE_LINKS.has(t.lower) || PREPOSITIONS.has(t.lower)) break;
    if (REPORTING_VERBS.has(t.lower) && !t.cap) break;
    first = k;
    k--;
    if (runStart - k > 7) break;
  }
  const a = u.toks[first] as Tok;
  return [a.start, last.end];
}

/** Role text after a name: ", deputy secretary-general of X," or " from Dongguk University in the ROK". */
function rolePostfix(u: Unit, after: number): [number, number] | null {
  const t = u.toks[after];
  if (!t) return null;
  if (t.kind === 'punct' && t.text === ',') {
    let k = after + 1;
    const first = u.toks[k];
    if (!first || first.kind !== 'word' || first.inQuote) return null;
    if (/^\p{N}+$/u.test(first.text)) {
      // "Tom Hardy, 54, a farmer from Kent": the role follows the age.
      return u.toks[after + 2]?.text === ',' && !/^\p{N}/u.test(u.toks[after + 3]?.text ?? '') ? rolePostfix(u, after + 2) : null;
    }
    let end = k;
    let depth = 0;
    while (k < u.toks.length) {
      const x = u.toks[k] as Tok;
      if (x.kind === 'qopen' && k > after + 1) {
        // A short scare-quoted word inside the role: "a writer for the “fact-checking” site Snopes".
        let q = k + 1;
        while (q < u.toks.length && q - k <= 4 && (u.toks[q] as Tok).kind !== 'qclose' && (u.toks[q] as Tok).text !== ',') q++;
        if ((u.toks[q] as Tok | undefined)?.kind === 'qclose' && q - k >= 2) {
          end = q;
          k = q + 1;
          continue;
        }
      }
      if (x.kind === 'qopen' || x.kind === 'qclose' || x.inQuote) break;
      if (x.text === '(') depth++;
      if (x.text === ')') depth--;
      if (depth <= 0 && (x.text === ',' || x.text === ';' || x.text === '.' || x.text === ':' || x.text === '—' || x.text === '–')) {
        // "MD, president of …": a degree is part of the appositive, keep reading.
        if (x.text === ',' && k - after === 2 && DEGREES.has(bare(first.text))) {
          k++;
          continue;
        }
        break;
      }
      if (isWord(x) && REPORTING_VERBS.has(x.lower) && !x.cap && !ROLE_NOUNS.has(x.lower)) return null;
      end = k;
      k++;
    }
    const words = u.toks.slice(after + 1, end + 1).filter(isWord);
    if (words.length === 0 || words.length > 24) return null;
    // A clause, not a role: "…, his wife Grace and others are under house arrest".
    if (words.some((w) => /^(is|are|was|were|has|have|had|will|would|did)$/.test(w.lower)) && first.lower !== 'who') return null;
    // "against Yoon, Kim and Interior Minister Lee": a list of names, not an appositive.
    const second = u.toks[after + 2];
    if (first.cap && isWord(second) && second.lower === 'and') return null;
    const looksRole =
      DETERMINERS.has(first.lower) || first.cap || ROLE_NOUNS.has(first.lower) || DEGREES.has(bare(first.text)) ||
      words.some((w) => ROLE_NOUNS.has(w.lower));
    if (!looksRole) return null;
    return [first.start, (u.toks[end] as Tok).end];
  }
  if (isWord(t) && (t.lower === 'from' || t.lower === 'of' || t.lower === 'at') && !t.inQuote) {
    const nx = u.toks[after + 1];
    if (!isWord(nx) || !(nx.cap || DETERMINERS.has(nx.lower))) return null;
    let k = after + 1;
    let end = after;
    while (k < u.toks.length) {
      const x = u.toks[k] as Tok;
      if (x.kind !== 'word' && x.kind !== 'poss' && x.text !== '(' && x.text !== ')' && x.text !== '-') break;
      if (x.inQuote) break;
      if (isWord(x) && !x.cap) {
        // Lower-case words stay only as glue or heads of a name ("of the", "West Mercia police").
        const next = u.toks[k + 1];
        const glue = PP_GLUE.has(x.lower) || NAME_PARTICLES.has(x.lower);
        const head = ORG_NOUNS.has(x.lower) || ROLE_NOUNS.has(x.lower) || (isWord(next) && next.cap);
        if ((!glue && !head) || REPORTING_VERBS.has(x.lower) || /ly$/.test(x.lower)) break;
      }
      end = k;
      k++;
    }
    while (end > after && isWord(u.toks[end]) && PP_GLUE.has((u.toks[end] as Tok).lower)) end--;
    return [t.start, (u.toks[end] as Tok).end];
  }
  return null;
}

/**
 * Every role stated around a name run: the words before it ("White House press secretary",
 * "Tunisian Prime Minister"), joined with a following "from/of/at …" phrase, and a comma appositive.
 */
export function rolesAround(u: Unit, run: Run, withPost = true): RoleSpan[] {
  const roles: RoleSpan[] = [];
  const pre = rolePrefix(u, run.s);
  const titleEnd = run.n > run.s ? (u.toks[run.n - 1] as Tok).end : -1;
  const leadStart = pre ? pre[0] : run.n > run.s ? (u.toks[run.s] as Tok).start : -1;
  const leadEnd = titleEnd >= 0 ? titleEnd : pre ? pre[1] : -1;
  const post = withPost ? rolePostfix(u, run.e) : null;
  const postIsAppositive = post !== null && (u.toks[run.e] as Tok).text === ',';
  if (post && !postIsAppositive) {
    // "chief inspector Jennifer Mattinson from the West Mercia police" → "chief inspector from the West Mercia police".
    if (leadStart >= 0) roles.push([leadStart, leadEnd, post[0], post[1]]);
    else {
      // "Brian K. Coombes of McMaster University" → "McMaster University".
      const ofTok = u.toks[run.e];
      const next = u.toks[run.e + 1];
      roles.push(isWord(ofTok) && ofTok.lower === 'of' && next ? [next.start, post[1]] : post);
    }
  } else if (leadStart >= 0) roles.push([leadStart, leadEnd]);
  if (post && postIsAppositive) roles.push(post);
  return roles;
}

/** A lower-case noun phrase ending at token j ("a spokesperson", "the Russian space agency", "Obama administration officials"). */
function nounPhraseEndingAt(u: Unit, j: number): SubjectParse | null {
  const head = u.toks[j];
  if (!isWord(head) || head.inQuote) return null;
  const h = head.lower;
  if (!(ROLE_NOUNS.has(h) || UNNAMED_SOURCE_NOUNS.has(h) || ORG_NOUNS.has(h))) return null;
  let k = j;
  let first = j;
  let det = '';
  while (k - 1 >= 0 && j - k < 6) {
    const t = u.toks[k - 1] as Tok;
    if (t.kind === 'poss') {
      k--;
      first = k;
      continue;
    }
    if (!isWord(t) || t.inQuote) break;
    if (DETERMINERS.has(t.lower)) {
      det = t.lower;
      first = k - 1;
      break;
    }
    if (t.lower === 'no' || t.lower === 'neither' || t.lower === 'any') return null;
    if (STOPWORDS.has(t.lower) || CLAUSE_LINKS.has(t.lower) || PREPOSITIONS.has(t.lower) || (REPORTING_VERBS.has(t.lower) && !t.cap)) break;
    k--;
    first = k;
  }
  const a = u.toks[first] as Tok;
  return { ref: { type: 'np', text: '', head: h, start: a.start, end: head.end, det }, start: a.start, end: head.end, roles: [] };
}

/** The subject written right before token index `vi` (the reporting verb), skipping adverbs and auxiliaries. */
function subjectBefore(u: Unit, vi: number, depth = 0, verbAt = vi): SubjectParse | { coord: true } | null {
  let j = vi - 1;
  while (j >= 0 && isWord(u.toks[j]) && VERB_FILLERS.has((u.toks[j] as Tok).lower) && !(u.toks[j] as Tok).inQuote) j--;
  const t = u.toks[j];
  if (!t || t.inQuote) return null;
  if (t.kind === 'punct' && t.text === ')') {
    let k = j;
    while (k >= 0 && (u.toks[k] as Tok).text !== '(') k--;
    if (k > 0 && depth < 2) return subjectBefore(u, k, depth + 1, verbAt);
    return null;
  }
  if (isWord(t) && CLAUSE_LINKS.has(t.lower) && !t.cap) return { coord: true };
  // "Kim Yong-hyun, who said …": the relative pronoun stands for the name before the comma.
  if (isWord(t) && t.lower === 'who' && !t.inQuote && u.toks[j - 1]?.text === ',' && depth === 0) {
    const run = u.runEndingAt.get(j - 2);
    if (run && run.n < run.e && !run.possessive) {
      const pre = rolePrefix(u, run.s);
      return { ref: { type: 'name', unit: u, run }, start: pre?.[0] ?? (u.toks[run.s] as Tok).start, end: (u.toks[run.e - 1] as Tok).end, roles: rolesAround(u, run, false) };
    }
    return null;
  }
  if (t.kind === 'punct' && t.text === ',') {
    const verb = u.toks[verbAt] as Tok;
    // "…, saying …": only verbs that report speech as participles.
    if (/ing$/.test(verb.lower)) return PARTICIPLE_BASES.has(REPORTING_VERBS.get(verb.lower) ?? '') ? { coord: true } : null;
    // "NAME, APPOSITIVE, said": find the comma that closes a name.
    for (let c = j - 1; c >= 0 && j - c < 40; c--) {
      const x = u.toks[c] as Tok;
      if (x.kind === 'qclose') {
        // Step over a short scare quote inside an appositive ("a writer for the “independent” site").
        let q = c - 1;
        while (q > 0 && c - q <= 4 && (u.toks[q] as Tok).kind !== 'qopen' && (u.toks[q] as Tok).text !== ',') q--;
        const opener = u.toks[q];
        const beforeOpen = u.toks[q - 1];
        if (opener?.kind === 'qopen' && c - q >= 2 && isWord(beforeOpen) && !beforeOpen.inQuote) {
          c = q;
          continue;
        }
      }
      if (x.kind === 'qopen' || x.kind === 'qclose' || x.inQuote) break;
      if (x.text !== ',') continue;
      const run = u.runEndingAt.get(c - 1);
      // "the senator from Ohio, Sherrod Brown, told": the place closes a role phrase; the appositive is the name.
      const apposed = u.runStartingAt.get(c + 1);
      const prep = run ? u.toks[run.s - 1] : undefined;
      if (run && apposed && apposed.e === j && apposed.n < apposed.e && apposed.e - apposed.n >= 2 && isWord(prep) && !prep.cap && /^(from|of|in|at|for)$/.test(prep.lower)) {
        let a = run.s - 1;
        while (a > 0 && isWord(u.toks[a - 1]) && !(u.toks[a - 1] as Tok).inQuote && run.s - a < 8) a--;
        const head = u.toks.slice(a, run.s - 1);
        if (head.some((h) => ROLE_NOUNS.has(h.lower))) {
          return { ref: { type: 'name', unit: u, run: apposed }, start: (u.toks[a] as Tok).start, end: (u.toks[j - 1] as Tok).end, roles: [[(u.toks[a] as Tok).start, (u.toks[c - 1] as Tok).end]] };
        }
      }
      if (run && run.n < run.e) {
        const post = rolePostfix(u, c);
        if (!post) {
          // "Sarah Lee, 34, says" / "Mr. Johnson, however, denied": an age or adverb between commas.
          const seg = u.toks.slice(c + 1, j);
          // "Anna Berg, who runs a bakery, said": a relative clause between commas is skipped too.
          const relative = seg.length > 1 && isWord(seg[0]) && seg[0].lower === 'who' && seg.every((x) => !x.inQuote && x.kind !== 'qopen' && x.kind !== 'qclose');
          const skippable = relative || seg.length > 0 && seg.length <= 3 && seg.every((x) => isWord(x) && (/^\d{1,3}$/.test(x.text) || /ly$/.test(x.lower) || /^(however|meanwhile|too|though|also|instead|now|then|nonetheless|still|moreover)$/.test(x.lower)));
          if (!skippable) continue;
          const pre = rolePrefix(u, run.s);
          return { ref: { type: 'name', unit: u, run }, start: pre?.[0] ?? (u.toks[run.s] as Tok).start, end: (u.toks[run.e - 1] as Tok).end, roles: rolesAround(u, run, false) };
        }
        const pre = rolePrefix(u, run.s);
        const roles: RoleSpan[] = [post, ...rolesAround(u, run, false)];
        return { ref: { type: 'name', unit: u, run }, start: pre?.[0] ?? (u.toks[run.s] as Tok).start, end: (u.toks[run.e - 1] as Tok).end, roles };
      }
      // "her mother, Fiona, said": the name is the appositive.
      const inner = u.runStartingAt.get(c + 1);
      if (inner && inner.e === j && inner.n < inner.e) {
        const np = nounPhraseEndingAt(u, c - 1);
        const roles: RoleSpan[] = np ? [[np.start, np.end]] : [];
        return { ref: { type: 'name', unit: u, run: inner }, start: np?.start ?? (u.toks[c + 1] as Tok).start, end: (u.toks[j - 1] as Tok).end, roles };
      }
      // "the source, who said …, told": parse the subject before the relative clause.
      const rel = u.toks[c + 1];
      if (isWord(rel) && (rel.lower === 'who' || rel.lower === 'which' || /ing$/.test(rel.lower) || /^(however|meanwhile|though|too|also|instead|for)$/.test(rel.lower)) && depth < 2) {
        const s = subjectBefore(u, c, depth + 1, verbAt);
        if (s && !('coord' in s)) return s;
      }
      break;
    }
    return null;
  }
  if (isWord(t) && PRONOUNS.has(t.lower)) {
    // "he said" but not "told him" (object pronouns are not in the set) and not inside a quote.
    return { ref: { type: 'pronoun', word: t.lower, pos: t.start }, start: t.start, end: t.end, roles: [] };
  }
  const run = u.runEndingAt.get(j);
  if (run) {
    const before = u.toks[run.s - 1];
    if (isWord(before) && PREPOSITIONS.has(before.lower) && !before.cap) return nameBeforePhrase(u, run.s); // "seen by Reuters suggest"
    if (run.e - run.s === 1) {
      // A capitalised common noun opening the sentence: "Analysts said", "Officials say", "Tunisians worry".
      const w = u.toks[run.s] as Tok;
      const common =
        UNNAMED_SOURCE_NOUNS.has(w.lower) || ORG_NOUNS.has(w.lower) || ROLE_NOUNS.has(w.lower) ||
        (/^\p{Lu}\p{Ll}+(?:ians|ans|ese|ists|ats|ives|ents|ics)$/u.test(w.text) && !ORG_WORDS.has(w.lower));
      if (common && (!before || before.kind !== 'word')) {
        return { ref: { type: 'np', text: '', head: w.lower, start: w.start, end: w.end, det: '' }, start: w.start, end: w.end, roles: [] };
      }
    }
    if (run.n >= run.e) {
      // Only a title: "the President said" → role anaphora.
      const tt = u.toks[run.e - 1] as Tok;
      const detTok = u.toks[run.s - 1];
      const start = isWord(detTok) && detTok.lower === 'the' ? detTok.start : (u.toks[run.s] as Tok).start;
      return { ref: { type: 'np', text: '', head: bare(tt.text), start, end: tt.end, det: 'the' }, start, end: tt.end, roles: [] };
    }
    const pre = rolePrefix(u, run.s);
    const roles = rolesAround(u, run, false);
    return { ref: { type: 'name', unit: u, run }, start: pre?.[0] ?? (u.toks[run.s] as Tok).start, end: (u.toks[run.e - 1] as Tok).end, roles };
  }
  if (isWord(t) && !t.cap) {
    const np = nounPhraseEndingAt(u, j);
    if (np) {
      // "Kim from the state health department said": the person, with the phrase as role.
      let k = j;
      while (k > 0 && (u.toks[k] as Tok).start > np.start) k--;
      const owner = nameBeforePhrase(u, k);
      if (owner) return owner;
    }
    // "Parata and his family believe": the named person leads the compound subject.
    for (let k = j; k >= Math.max(0, j - 4); k--) {
      const x = u.toks[k] as Tok;
      if (isWord(x) && x.lower === 'and') {
        const poss = u.toks[k + 1];
        const r = u.runEndingAt.get(k - 1);
        if (r && r.n < r.e && isWord(poss) && /^(his|her|their)$/.test(poss.lower)) {
          return { ref: { type: 'name', unit: u, run: r }, start: (u.toks[r.s] as Tok).start, end: (u.toks[r.e - 1] as Tok).end, roles: [] };
        }
        break;
      }
      if (!isWord(x)) break;
    }
    if (np) return np;
    // "a spokesperson for the airport said", "officials at the ministry said".
    for (let k = j - 1; k >= Math.max(1, j - 6); k--) {
      const x = u.toks[k] as Tok;
      if (!isWord(x) || x.inQuote) break;
      if (/^(for|at|of|from|with|in)$/.test(x.lower)) {
        const head = nounPhraseEndingAt(u, k - 1);
        if (head && head.ref.type === 'np') {
          head.ref.end = t.end;
          return { ...head, end: t.end };
        }
        break;
      }
    }
    // "The harbour master said": any short "the …" noun phrase before a plain speech verb is a source.
    const vb = REPORTING_VERBS.get((u.toks[verbAt] as Tok).lower) ?? '';
    if (INVERTING_VERBS.has(vb) && !STOPWORDS.has(t.lower) && !/ly$/.test(t.lower)) {
      for (let k = j - 1; k >= Math.max(0, j - 3); k--) {
        const x = u.toks[k] as Tok;
        if (!isWord(x) || x.inQuote || x.cap && k !== 0) break;
        if (/^(the|a|an)$/.test(x.lower)) {
          const head = t.lower;
          return { ref: { type: 'np', text: '', head, start: x.start, end: t.end, det: x.lower }, start: x.start, end: t.end, roles: [] };
        }
        if (STOPWORDS.has(x.lower) || PREPOSITIONS.has(x.lower)) break;
      }
    }
  }
  return null;
}

/**
 * "Helga Brandvold from Tromsø University said": token `k` starts a phrase after a preposition; the
 * subject is the name before the preposition, and the phrase is part of the role.
 */
function nameBeforePhrase(u: Unit, k: number): SubjectParse | null {
  const prep = u.toks[k - 1];
  if (!isWord(prep) || !/^(from|of|at|with)$/.test(prep.lower)) return null;
  const run = u.runEndingAt.get(k - 2);
  if (!run || run.n >= run.e || run.possessive) return null;
  const pre = rolePrefix(u, run.s);
  return { ref: { type: 'name', unit: u, run }, start: pre?.[0] ?? (u.toks[run.s] as Tok).start, end: (u.toks[run.e - 1] as Tok).end, roles: rolesAround(u, run) };
}

/** The subject written right after an inverting verb: "…, said Professor Nam Eunyoung from Dongguk University". */
function subjectAfter(u: Unit, vi: number): SubjectParse | null {
  let k = vi + 1;
  const t = u.toks[k];
  if (!t || t.inQuote) return null;
  if (isWord(t) && (t.lower === 'he' || t.lower === 'she')) {
    const nx = u.toks[k + 1];
    if (nx && nx.kind === 'word') return null; // "…, said he believed …" is not inverted
    return { ref: { type: 'pronoun', word: t.lower, pos: t.start }, start: t.start, end: t.end, roles: [] };
  }
  // Role words before the name ("said chief inspector Jennifer Mattinson").
  let runAt = u.runStartingAt.get(k);
  while (!runAt && k < u.toks.length && k - vi <= 5) {
    const x = u.toks[k] as Tok;
    if (!isWord(x) || x.inQuote || x.cap || STOPWORDS.has(x.lower) || PREPOSITIONS.has(x.lower)) break;
    k++;
    runAt = u.runStartingAt.get(k);
  }
  if (runAt && runAt.n < runAt.e) {
    // "Professor Nam Eunyoung from Dongguk University" → "Professor from Dongguk University".
    const roles = rolesAround(u, runAt);
    return { ref: { type: 'name', unit: u, run: runAt }, start: (u.toks[vi + 1] as Tok).start, end: (u.toks[runAt.e - 1] as Tok).end, roles };
  }
  // "said the ministry", "said a spokesperson for the company".
  k = vi + 1;
  let det = '';
  const first = u.toks[k];
  if (isWord(first) && DETERMINERS.has(first.lower)) {
    det = first.lower;
    k++;
  }
  for (let m = k; m < Math.min(u.toks.length, k + 5); m++) {
    const x = u.toks[m] as Tok;
    if (!isWord(x) || x.inQuote) break;
    if (ROLE_NOUNS.has(x.lower) || UNNAMED_SOURCE_NOUNS.has(x.lower) || ORG_NOUNS.has(x.lower)) {
      const f = first as Tok;
      return { ref: { type: 'np', text: '', head: x.lower, start: f.start, end: x.end, det }, start: f.start, end: x.end, roles: [] };
    }
    if (STOPWORDS.has(x.lower)) break;
  }
  return null;
}

/** The first subject of the unit's main clause (for "X condemned the attack and said …", "…, saying …"). */
function clauseSubject(u: Unit, before: number): SubjectParse | null {
  for (const run of u.runs) {
    if (run.s >= before) break;
    if (run.n >= run.e) continue;
    const prev = u.toks[run.s - 1];
    if (isWord(prev) && (PREPOSITIONS.has(prev.lower) || prev.lower === 'the')) continue;
    if (run.possessive) continue;
    // A sentence-initial capital alone is not evidence, unless a finite past-tense verb follows it
    // ("Emery retweeted the story, saying …").
    if (run.e - run.s === 1 && run.s === 0) {
      const nx = u.toks[1];
      if (!(isWord(nx) && !nx.cap && !nx.inQuote && /[^e]ed$/.test(nx.lower) && nx.lower.length > 4)) continue;
    }
    const name = u.toks.slice(run.n, run.e).map((t) => t.lower);
    if (name.some((w) => ORG_WORDS.has(w)) || PLACE_NAMES.has(name.join(' '))) continue;
    const roles = rolesAround(u, run);
    // "The leader of Ennahda, Rachid Ghannouchi, condemned …": the phrase before the name is the role.
    if (prev?.text === ',' && run.s >= 2) {
      const lead = u.toks.slice(0, run.s - 1);
      if (lead.length > 1 && lead.length < 12 && lead.every((x) => x.kind === 'word' || x.kind === 'poss') && lead.some((x) => ROLE_NOUNS.has(x.lower))) {
        const a = lead[0] as Tok;
        const b = lead[lead.length - 1] as Tok;
        roles.push([a.start, b.end]);
      }
    }
    return { ref: { type: 'name', unit: u, run }, start: (u.toks[run.s] as Tok).start, end: (u.toks[run.e - 1] as Tok).end, roles };
  }
  for (let i = 0; i < before; i++) {
    const t = u.toks[i] as Tok;
    if (isWord(t) && !t.inQuote && (t.lower === 'he' || t.lower === 'she')) return { ref: { type: 'pronoun', word: t.lower, pos: t.start }, start: t.start, end: t.end, roles: [] };
  }
  for (let i = 0; i < before; i++) {
    const np = nounPhraseEndingAt(u, i);
    if (np) return np;
  }
  return null;
}

const ADDRESSEE_VERBS = new Set(['tell', 'assure', 'inform', 'remind', 'warn', 'advise', 'urge', 'promise', 'ask', 'caution']);
const MEDIA = new Set(
  'statement interview speech letter email e-mail post tweet video message briefing conference call podcast op-ed column blog filing release broadcast hearing address session memo note testimony court parliament twitter x facebook instagram linkedin tiktok youtube threads radio television tv phone telephone'.split(' '),
);
const SUBJECT_STARTS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'there', 'this', 'that', 'these', 'those', 'the', 'a', 'an', 'his', 'her', 'their', 'its', 'our']);

/** Skips "in a statement", "on Twitter", "during a press briefing", "on Monday" right after a verb. */
function skipMedium(u: Unit, k: number): number {
  const first = u.toks[k];
  if (!isWord(first) || !/^(in|on|during|at|by|via|over|through)$/.test(first.lower)) return k;
  for (let m = k + 1; m < Math.min(u.toks.length, k + 6); m++) {
    const x = u.toks[m] as Tok;
    if (!isWord(x)) return k;
    if (MEDIA.has(x.lower) || DATE_WORDS.has(x.lower) || /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|may|june|august)$/i.test(x.text)) {
      let end = m + 1;
      if ((u.toks[end] as Tok | undefined)?.text === ',') end++;
      const next = u.toks[end];
      // Only when a clause follows ("… it was", "… that", "… the deal"), not "in a statement on the war".
      if (!next || next.kind === 'qopen' || (isWord(next) && (SUBJECT_STARTS.has(next.lower) || next.cap))) return end;
      return k;
    }
  }
  return k;
}

/** Skips the addressee of "told"/"assured": a pronoun, a name, or a short noun phrase before a clause. */
function skipAddressee(u: Unit, k: number): number {
  const first = u.toks[k];
  if (!isWord(first)) return k;
  if (/^(him|her|them|us|me|you|reporters|journalists|lawmakers|investors|parliament|congress)$/.test(first.lower)) return k + 1;
  // "told supporters that …": a bare plural noun addressee right before "that".
  if (!first.cap && !first.inQuote && /s$/.test(first.lower) && (u.toks[k + 1] as Tok | undefined)?.lower === 'that') return k + 1;
  const run = u.runStartingAt.get(k) ?? (first.lower === 'the' ? u.runStartingAt.get(k + 1) : undefined);
  if (run) return run.e;
  if (DETERMINERS.has(first.lower)) {
    for (let m = k + 1; m < Math.min(u.toks.length, k + 5); m++) {
      const x = u.toks[m] as Tok;
      if (!isWord(x)) return k;
      if (x.lower === 'that' || (m > k + 1 && SUBJECT_STARTS.has(x.lower) && !DETERMINERS.has(x.lower))) return m;
    }
  }
  return k;
}

/**
 * Further names coordinated with a clause subject before the verb: "Robert Mugabe, his wife Grace
 * and two aides are insisting …" → Grace (role "his wife"). Stops at the first finite verb.
 */
function coordinatedNames(u: Unit, head: Run, verbIdx: number): Array<{ run: Run; role: RoleSpan | null }> {
  const out: Array<{ run: Run; role: RoleSpan | null }> = [];
  let k = head.e;
  while (k < verbIdx) {
    const sep = u.toks[k] as Tok;
    if (!(sep.text === ',' || (isWord(sep) && sep.lower === 'and'))) break;
    let m = k + 1;
    if (isWord(u.toks[m]) && (u.toks[m] as Tok).lower === 'and') m++;
    // Optional role words: "his wife", "her lawyer", "party leader".
    const roleStart = m;
    while (m < verbIdx && m - roleStart < 4 && isWord(u.toks[m]) && !(u.toks[m] as Tok).cap) m++;
    const run = u.runStartingAt.get(m);
    if (!run || run.n >= run.e || run.e > verbIdx) break;
    const roleToks = u.toks.slice(roleStart, m);
    if (roleToks.length > 0 && !ROLE_NOUNS.has((roleToks[roleToks.length - 1] as Tok).lower)) break;
    out.push({ run, role: roleToks.length > 0 ? [(roleToks[0] as Tok).start, (roleToks[roleToks.length - 1] as Tok).end] : null });
    k = run.e;
  }
  return out;
}

/** Where a verb's content starts: after "that", an object plus "that" ("told reporters that"), or a colon. */
/** A colon inside a time or ratio ("10:30", "3:1") does not introduce content. */
function isClockColon(u: Unit, m: number): boolean {
  const a = u.toks[m - 1];
  const b = u.toks[m + 1];
  const x = u.toks[m] as Tok;
  return a !== undefined && b !== undefined && a.end === x.start && b.start === x.end && /^\d+$/.test(a.text) && /^\d/.test(b.text);
}

function contentStartAfter(u: Unit, vi: number, base: string): number {
  let k = vi + 1;
  const particle = PHRASAL_PARTICLE[base];
  if (particle && (u.toks[k] as Tok | undefined)?.lower === particle) k++;
  // "said in a statement it was …", "wrote on Twitter the deal was …": skip the medium.
  k = skipMedium(u, k);
  // "told the crew he was proud", "assured investors the plan …": skip the addressee.
  if (ADDRESSEE_VERBS.has(base)) k = skipAddressee(u, k);
  if ((u.toks[k] as Tok | undefined)?.lower === 'that') return (u.toks[k + 1] as Tok | undefined)?.start ?? u.end;
  // Look ahead a few words for "that" or ":" after an object or adverbial ("said in a statement that").
  for (let m = k; m < Math.min(u.toks.length, k + 9); m++) {
    const x = u.toks[m] as Tok;
    if (x.kind === 'qopen' || x.inQuote) break;
    if ((x.text === ':' && !isClockColon(u, m)) || (x.text === ',' && u.toks[m + 1]?.kind === 'qopen')) return (u.toks[m + 1] as Tok | undefined)?.start ?? u.end;
    if (x.kind === 'punct' && x.text !== ',') break;
    if (isWord(x) && x.lower === 'that' && m > k) {
      const lead = u.toks[k] as Tok;
      const named = lead.cap || (lead.lower === 'the' && (u.toks[k + 1] as Tok | undefined)?.cap === true);
      // ", however, that …" is a parenthetical before the content.
      // "told the assembly 18 months ago that …": a time adverbial right before "that" closes the object.
      const timeBefore = /^(ago|yesterday|today|earlier|later|week|weeks|month|months|year|years|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test((u.toks[m - 1] as Tok).lower);
      if (PREPOSITIONS.has(lead.lower) || named || timeBefore || lead.text === ',' || /^(him|her|them|us|me|reporters|journalists|lawmakers)$/.test(lead.lower)) {
        return (u.toks[m + 1] as Tok | undefined)?.start ?? u.end;
      }
      break;
    }
  }
  const t = u.toks[k];
  return t ? t.start : u.end;
}

/** Whether what follows the verb is only an adverbial tail ("in a statement.", "of himself.", "told Reuters."). */
function isTrailingTail(u: Unit, vi: number): boolean {
  let k = vi + 1;
  // "told President Jacob Zuma by telephone on Wednesday that …": content follows after all.
  for (let m = k; m < Math.min(u.toks.length, k + 10); m++) {
    const x = u.toks[m] as Tok;
    if (x.kind === 'punct' && x.text !== ',') break;
    if ((isWord(x) && x.lower === 'that' && m > k) || x.kind === 'qopen') return false;
  }
  // Skip an object name: "told Reuters", "told the BBC".
  const t = u.toks[k];
  if (!t) return true;
  if (t.kind === 'punct' && (t.text === '.' || t.text === ',' || t.text === '!' || t.text === '?' || t.text === ';' || t.text === ')' || t.text === '(')) return true;
  if (!isWord(t)) return false;
  if (TRAILING_STARTERS.has(t.lower)) {
    // "…, he said in a statement that …" is content-after; the that-check decides.
    for (let m = k; m < Math.min(u.toks.length, k + 9); m++) {
      const x = u.toks[m] as Tok;
      if (isWord(x) && x.lower === 'that') return false;
      if (x.kind === 'qopen' || x.text === ':') return false;
    }
    return true;
  }
  if (/^(him|her|them|us|me|reporters|journalists)$/.test(t.lower)) k++;
  else {
    const run = u.runStartingAt.get(k) ?? (DETERMINERS.has(t.lower) ? u.runStartingAt.get(k + 1) : undefined);
    if (run) k = run.e;
    else return false;
  }
  const after = u.toks[k];
  // "told reporters aboard the plane": a place or time phrase after the addressee ends the attribution
  // (a following "that" was already ruled out above).
  return !after || (after.kind === 'punct' && after.text !== ':') || (isWord(after) && (TRAILING_STARTERS.has(after.lower) || PREPOSITIONS.has(after.lower) || after.lower === 'aboard'));
}

export function findEvents(units: Unit[]): Event[] {
  const events: Event[] = [];
  units.forEach((u, ui) => {
    const local: Event[] = [];
    for (let vi = 0; vi < u.toks.length; vi++) {
      const v = u.toks[vi] as Tok;
      if (!isWord(v) || v.inQuote) continue;
      let cue = v.text;
      let base = REPORTING_VERBS.get(v.lower);
      let verbStart = v.start;
      let verbEnd = v.end;
      let isAccording = false;
      if (v.lower === 'according' && (u.toks[vi + 1] as Tok | undefined)?.lower === 'to') {
        isAccording = true;
        base = 'according';
        cue = 'according to';
        verbEnd = (u.toks[vi + 1] as Tok).end;
      } else if (/^(issued|issues|issuing|made|makes|gave|gives|sent|released|renewed)$/.test(v.lower)) {
        // Speech acts as nouns: "issued a plea for …", "made an appeal to …", "gave a warning that …".
        const det = u.toks[vi + 1];
        const noun = u.toks[vi + 2];
        if (!isWord(det) || !/^(a|an|the|his|her|their)$/.test(det.lower) || !isWord(noun) || !SPEECH_NOUNS.has(noun.lower)) continue;
        base = 'issue';
        cue = `${v.text} ${det.text} ${noun.text}`;
        verbEnd = noun.end;
        const subj = subjectBefore(u, vi);
        if (!subj || 'coord' in subj) continue;
        const k = vi + 3;
        const cs = (u.toks[k] as Tok | undefined)?.lower === 'that' ? ((u.toks[k + 1] as Tok | undefined)?.start ?? u.end) : ((u.toks[k] as Tok | undefined)?.start ?? u.end);
        local.push({ unit: ui, cue, verbStart: v.start, verbEnd, ref: subj.ref, subjStart: subj.start, subjEnd: subj.end, cs, ce: u.end, mode: 'after', roles: subj.roles, nested: false, list: false });
        continue;
      } else if (STANCE_ADJECTIVES.has(v.lower)) {
        const be = u.toks[vi - 1];
        if (!isWord(be) || !/^(is|was|are|were|remains|remained)$/.test(be.lower)) continue;
        base = 'be ' + v.lower;
        cue = be.text + ' ' + v.text;
        verbStart = be.start;
      }
      if (!base) continue;
      if (v.cap && vi > 0) continue; // "Said" inside a name
      const particle = PHRASAL_PARTICLE[base];
      if (particle && (u.toks[vi + 1] as Tok | undefined)?.lower !== particle) continue;
      // Participles used as adjectives: "the said report", "a stated aim".
      const prevTok = u.toks[vi - 1];
      if (isWord(prevTok) && DETERMINERS.has(prevTok.lower) && !isAccording) continue;

      // A bare participle after a noun ("its campaign maintaining …") is not a finite reporting verb.
      if (/ing$/.test(v.lower) && isWord(prevTok) && !/^(is|was|are|were|been|be|am|and|also|then|while|kept|keeps)$/.test(prevTok.lower)) continue;
      // Passive "was told", "have been asked": the subject is the addressee, not the speaker.
      if (isWord(prevTok) && /^(was|were|been|be|being|is|are|get|got)$/.test(prevTok.lower) && !STANCE_ADJECTIVES.has(v.lower) && (/ed$/.test(v.lower) || /^(told|written|said)$/.test(v.lower))) continue;
      if (isAccording) {
        const after = subjectAfterAccording(u, vi + 2);
        if (!after) continue;
        // "According to X, CONTENT" or "CONTENT, according to X."
        const atStart = u.toks.slice(0, vi).every((x) => !isWord(x) || /^(but|and|however|so)$/.test(x.lower));
        let cs: number;
        let ce: number;
        let mode: 'after' | 'before';
        if (atStart) {
          let comma = u.toks.findIndex((x, i) => i > vi && x.text === ',' && x.start >= after.end);
          // "According to Dr. Yusuf, who leads the clinic, CONTENT": skip the relative clause.
          const rel = u.toks[comma + 1];
          if (comma >= 0 && isWord(rel) && rel.lower === 'who') {
            const next = u.toks.findIndex((x, i) => i > comma + 1 && x.text === ',' && !x.inQuote);
            if (next > 0) comma = next;
          }
          cs = comma >= 0 ? ((u.toks[comma + 1] as Tok | undefined)?.start ?? u.end) : after.end;
          ce = u.end;
          mode = 'after';
        } else {
          cs = u.start;
          ce = v.start;
          mode = 'before';
        }
        local.push({ unit: ui, cue, verbStart: v.start, verbEnd, ref: after.ref, subjStart: after.start, subjEnd: after.end, cs, ce, mode, roles: after.roles, nested: false, list: false });
        continue;
      }

      const prev = u.toks[vi - 1];
      const contentBefore = prev && (prev.kind === 'qclose' || (prev.kind === 'punct' && /^[,—–]$/.test(prev.text)));
      // Inverted: "…,” says Parata" / "…, said Professor Nam".
      const early = subjectBefore(u, vi);
      // "Yan Liang, deputy secretary-general of …, said": the appositive subject wins over inversion.
      const appositiveSubject = early !== null && !('coord' in early) && early.ref.type === 'name' && prev?.text === ',';
      if (contentBefore && !appositiveSubject && INVERTING_VERBS.has(base) && !/ing$/.test(v.lower)) {
        const subj = subjectAfter(u, vi);
        if (subj) {
          local.push({ unit: ui, cue, verbStart, verbEnd, ref: subj.ref, subjStart: subj.start, subjEnd: subj.end, cs: u.start, ce: prev.kind === 'qclose' ? prev.end : prev.start, mode: 'before', roles: subj.roles, nested: false, list: false });
          continue;
        }
      }
      const subj = early;
      if (!subj) continue;
      let companions: Array<{ run: Run; role: RoleSpan | null }> = [];
      // A bare base form ("demand", "report") after a singular subject is a noun, not a verb.
      if (v.lower === base && !('coord' in subj) && !pluralSubject(u, subj)) continue;
      let parse: SubjectParse;
      if ('coord' in subj) {
        // "… and proposed that …", "…, saying …": the subject of the previous speech verb, else of the clause.
        const last = local[local.length - 1];
        if (last) parse = { ref: last.ref, start: v.start, end: v.start, roles: [] };
        else {
          const cl = clauseSubject(u, vi);
          if (!cl) continue;
          parse = cl;
          if (cl.ref.type === 'name') companions = coordinatedNames(u, cl.ref.run, vi);
        }
        if (WEAK_VERBS.has(base) && (u.toks[vi + 1] as Tok | undefined)?.lower !== 'that') continue;
      } else parse = subj;
      let tail = isTrailingTail(u, vi);
      const beforeEnd = parse.start;
      // Content before the subject: "“…,” he said." / "CONTENT, officials said."
      let cut = -1;
      for (let i = 0; i < u.toks.length; i++) if ((u.toks[i] as Tok).end <= beforeEnd) cut = i;
      // "“…,” Seoul resident Margie Kim said": a short descriptive phrase between the closing quote and
      // the name is the speaker's role, not the start of a new clause.
      if (cut > 0 && parse.ref.type === 'name' && isWord(u.toks[cut]) && parse.roles.length === 0) {
        let m = cut;
        while (m > 0 && cut - m < 3 && isWord(u.toks[m]) && !(u.toks[m] as Tok).inQuote && !STOPWORDS.has((u.toks[m] as Tok).lower) &&
          !DETERMINERS.has((u.toks[m] as Tok).lower) && !REPORTING_VERBS.has((u.toks[m] as Tok).lower)) m--;
        if (m < cut && u.toks[m]?.kind === 'qclose') {
          parse = { ...parse, start: (u.toks[m + 1] as Tok).start, roles: [[(u.toks[m + 1] as Tok).start, (u.toks[cut] as Tok).end]] };
          cut = m;
        }
      }
      const lead = cut >= 0 ? (u.toks[cut] as Tok) : undefined;
      const hasBefore = lead !== undefined && (lead.kind === 'qclose' || lead.text === ',' || lead.text === '—') && cut > 0;
      // "…, officials said late Thursday.": a short tail after the verb is not the content.
      if (!tail && hasBefore) {
        const rest = u.toks.slice(vi + 1).filter((t) => t.kind === 'word');
        if (rest.length < 4 && !rest.some((t) => t.lower === 'that') && !u.toks.slice(vi + 1).some((t) => t.kind === 'qopen')) tail = true;
      }
      const colonEnd = u.toks[vi + 1]?.text === ':' && vi + 2 >= u.toks.length;
      if (colonEnd) {
        // "She added:" / "President Obama also said:" ends the unit: a quote or a list follows.
        local.push({ unit: ui, cue, verbStart, verbEnd, ref: parse.ref, subjStart: parse.start, subjEnd: parse.end, cs: u.end, ce: u.end, mode: 'after', roles: parse.roles, nested: false, list: true });
        continue;
      }
      // "X, who advises the minister, …": a relative clause never takes content from before the name.
      const relative = isWord(u.toks[vi - 1]) && (u.toks[vi - 1] as Tok).lower === 'who';
      if (tail && hasBefore && !relative) {
        local.push({ unit: ui, cue, verbStart, verbEnd, ref: parse.ref, subjStart: parse.start, subjEnd: parse.end, cs: u.start, ce: lead.kind === 'qclose' ? lead.end : lead.start, mode: 'before', roles: parse.roles, nested: false, list: false });
        continue;
      }
      if (tail) continue;
      const cs = contentStartAfter(u, vi, base);
      if (WEAK_VERBS.has(base) || ADDRESSEE_VERBS.has(base)) {
        // Weak verbs report speech only before a clause: "wrote that …", "asked whether …", "told him he …",
        // not "wrote a book", "told her story".
        let k = vi + 1;
        while (k < u.toks.length && (u.toks[k] as Tok).start < cs) k++;
        const before = u.toks[k - 1];
        const at = u.toks[k];
        const opensClause =
          (before !== undefined && (before.lower === 'that' || before.text === ':' || (before.text === ',' && at?.kind === 'qopen'))) ||
          at?.kind === 'qopen' || (isWord(at) && /^(whether|if|why|how|what|when|where)$/.test(at.lower) && WEAK_VERBS.has(base)) ||
          (k > vi + 1 && isWord(at) && (SUBJECT_STARTS.has(at.lower) || at.lower === 'to') && ADDRESSEE_VERBS.has(base));
        if (!opensClause) continue;
      }
      // "“It works,” Ms. Alvarez said, “but only in summer.”": the quote before the attribution too.
      if (hasBefore && lead.kind === 'qclose' && u.toks.find((t) => t.start >= cs)?.kind === 'qopen') {
        local.push({ unit: ui, cue, verbStart, verbEnd, ref: parse.ref, subjStart: parse.start, subjEnd: parse.end, cs: u.start, ce: lead.end, mode: 'before', roles: parse.roles, nested: false, list: false });
      }
      local.push({ unit: ui, cue, verbStart, verbEnd, ref: parse.ref, subjStart: parse.start, subjEnd: parse.end, cs, ce: u.end, mode: 'after', roles: parse.roles, nested: false, list: false });
      for (const c of companions) {
        const start = (u.toks[c.run.s] as Tok).start;
        local.push({ unit: ui, cue, verbStart, verbEnd, ref: { type: 'name', unit: u, run: c.run }, subjStart: start, subjEnd: (u.toks[c.run.e - 1] as Tok).end, cs, ce: u.end, mode: 'after', roles: c.role ? [c.role] : [], nested: false, list: false });
      }
      // "Roscosmos and NASA said …", "Smith and Jones argued …": every name of a compound subject speaks.
      if (parse.ref.type === 'name') {
        const and = u.toks[parse.ref.run.s - 1];
        const other = u.runEndingAt.get(parse.ref.run.s - 2);
        if (isWord(and) && and.lower === 'and' && other && other.n < other.e && !other.possessive) {
          const start = (u.toks[other.s] as Tok).start;
          local.push({ unit: ui, cue, verbStart, verbEnd, ref: { type: 'name', unit: u, run: other }, subjStart: start, subjEnd: (u.toks[other.e - 1] as Tok).end, cs, ce: u.end, mode: 'after', roles: rolesAround(u, other, false), nested: false, list: false });
        }
      }
    }
    // Events inside another's content: a clause boundary makes them independent (and cuts the
    // earlier content); otherwise they are reported inside the earlier statement.
    for (let i = 0; i < local.length; i++) {
      const a = local[i] as Event;
      if (a.mode !== 'after') continue;
      for (let j = i + 1; j < local.length; j++) {
        const b = local[j] as Event;
        if (b.subjStart < a.cs || b.subjStart >= a.ce) {
          if (b.mode === 'before' && b.verbStart >= a.cs && b.verbStart < a.ce) {
            // "A said X, B said." is rare; "CONTENT, B said" after A's verb: B's content is A's content.
            a.ce = Math.min(a.ce, b.cs > a.cs ? b.cs : a.ce);
          }
          continue;
        }
        let before = textBefore(u, b.subjStart);
        if (DETERMINERS.has(before)) before = textBefore(u, b.subjStart - before.length - 1);
        const boundary = before === ',' || before === ';' || before === '—' || CLAUSE_LINKS.has(before);
        const sameSubject = b.subjStart === b.subjEnd; // coordinated verb reuses the subject
        if (boundary || sameSubject) {
          a.ce = Math.min(a.ce, sameSubject ? b.verbStart : detStart(u, b.subjStart));
          if (b.mode === 'before') b.cs = Math.max(b.cs, a.ce);
        } else {
          b.nested = b.ref.type !== 'name';
        }
      }
    }
    // Content-before regions start after the previous event in the unit.
    for (let i = 1; i < local.length; i++) {
      const b = local[i] as Event;
      const a = local[i - 1] as Event;
      if (b.mode === 'before' && b.cs < a.verbEnd && a.verbEnd <= b.ce) b.cs = Math.max(b.cs, a.mode === 'after' ? b.cs : a.verbEnd);
    }
    events.push(...local);
  });
  return events;
}

/** Whether the subject is plural (so a bare verb form like "say" agrees): they, plural nouns, compounds. */
function pluralSubject(u: Unit, subj: SubjectParse): boolean {
  const ref = subj.ref;
  if (ref.type === 'pronoun') return ref.word === 'they';
  if (ref.type === 'np') return /s$/.test(ref.head) || ref.head === 'people' || ref.head === 'police' || ref.head === 'staff';
  if (ref.type === 'name') {
    const next = u.toks[ref.run.e];
    if (isWord(next) && next.lower === 'and') return true;
    const last = u.toks[ref.run.e - 1] as Tok;
    return /(?:ians|ans|ese)$/.test(last.lower) || u.toks.slice(ref.run.s, ref.run.e).length === 1 && /s$/.test(last.lower) && last.lower !== last.text.toLowerCase();
  }
  return true;
}

/** The start of a determiner right before `pos` ("the" in "the BBC's editor"), else `pos`. */
function detStart(u: Unit, pos: number): number {
  let prev: Tok | undefined;
  for (const t of u.toks) if (t.end <= pos) prev = t;
  return prev && isWord(prev) && DETERMINERS.has(prev.lower) ? prev.start : pos;
}

function textBefore(u: Unit, pos: number): string {
  let prev: Tok | undefined;
  for (const t of u.toks) if (t.end <= pos) prev = t;
  return prev ? prev.lower : '';
}

function subjectAfterAccording(u: Unit, k: number): SubjectParse | null {
  const t = u.toks[k];
  if (!t || t.inQuote) return null;
  let runAt = u.runStartingAt.get(k) ?? (isWord(t) && t.lower === 'the' ? u.runStartingAt.get(k + 1) : undefined);
  if (!runAt) {
    // "according to whale rescue group Project Jonah"
    for (let m = k; m < Math.min(u.toks.length, k + 5) && !runAt; m++) {
      const x = u.toks[m] as Tok;
      if (!isWord(x) || x.cap || STOPWORDS.has(x.lower)) {
        if (!(isWord(x) && DETERMINERS.has(x.lower))) break;
      }
      runAt = u.runStartingAt.get(m + 1);
    }
  }
  if (runAt && runAt.n < runAt.e && !runAt.possessive) {
    const roles = rolesAround(u, runAt);
    return { ref: { type: 'name', unit: u, run: runAt }, start: t.start, end: (u.toks[runAt.e - 1] as Tok).end, roles };
  }
  // "according to local news reports", "according to officials".
  for (let m = k; m < Math.min(u.toks.length, k + 5); m++) {
    const x = u.toks[m] as Tok;
    if (!isWord(x) || x.inQuote) break;
    if (UNNAMED_SOURCE_NOUNS.has(x.lower) || ORG_NOUNS.has(x.lower) || ROLE_NOUNS.has(x.lower)) {
      const nx = u.toks[m + 1];
      if (isWord(nx) && !PREPOSITIONS.has(nx.lower) && !STOPWORDS.has(nx.lower)) continue;
      return { ref: { type: 'np', text: '', head: x.lower, start: t.start, end: x.end, det: DETERMINERS.has(t.lower) ? t.lower : '' }, start: t.start, end: x.end, roles: [] };
    }
  }
  return null;
}
