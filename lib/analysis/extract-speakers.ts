/**
 * Who said what: finds the people, organisations and unnamed sources an article reports as
 * speaking, and what each said (direct quotes and indirect speech), with offsets into the text.
 *
 * Rule-based and pure: capitalisation patterns, honorifics, a small lexicon of reporting verbs,
 * titles and given names, and a left-to-right pass that resolves pronouns, surnames and role
 * nouns ("the president") to people already seen. English only; other languages return [].
 */
import type { AnalysisInput, Speaker, StatementKind } from '../model';
import { findQuotes } from './find-quotes';
import {
  GENDERED_TITLES,
  GIVEN_NAME_GENDER,
  ORG_NOUNS,
  ORG_WORDS,
  PLACE_NAMES,
  ROLE_NOUNS,
  UNNAMED_SOURCE_NOUNS,
} from './speaker-lexicon';
import { STOPWORDS, type TextSpan, splitParagraphs, splitSentences } from './text-units';
import {
  BOX_LABEL,
  DETERMINERS,
  FIRST_PERSON,
  LINK_TEXT_STARTS,
  PP_GLUE,
  PREPOSITIONS,
  type Run,
  type Tok,
  type Unit,
  bare,
  buildUnits,
  isWord,
} from './speech-units';
import { type Event, type RoleSpan, findEvents, rolePrefix, rolesAround } from './find-speech-events';
import { type Entity, Registry, normKey, roleScore } from './speaker-registry';

// ---------------------------------------------------------------------------------------------
// Statements

const wordCount = (s: string): number => (s.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []).length;

/** Trims a region to its reported content; returns null if nothing worth keeping is left. */
function trimRegion(text: string, a: number, b: number): [number, number] | null {
  while (a < b && /[\s,:;—–\-]/.test(text[a] ?? '')) a++;
  while (b > a && /[\s,:;.—–\-]/.test(text[b - 1] ?? '')) b--;
  // A lower-case complementizer is dropped; a capitalised "That" opens quoted speech ("That is why …").
  if (/^that\s/.test(text.slice(a, a + 5))) a += 5;
  while (a < b && /\s/.test(text[a] ?? '')) a++;
  // A trailing source note is not content: "…, according to a statement."
  const note = /,\s*according to (?:a|an|the|his|her|its|their) (?:[\p{L}-]+ ){0,2}(?:statement|report|transcript|release|filing|document|email|letter|post)s?$/iu.exec(text.slice(a, b));
  if (note) b -= note[0].length;
  // Dangling clause links left by a cut ("…, but", "… and").
  for (;;) {
    const m = /(?:[\s,;—–-]+(?:but|and|while|whereas|although|though|yet|as|so))?[\s,;:—–-]*$/i.exec(text.slice(a, b));
    if (!m || m[0].length === 0) break;
    b -= m[0].length;
  }
  if (b <= a || wordCount(text.slice(a, b)) < 2) return null;
  return [a, b];
}

/** Splits quoted content into sentence statements; sentences under five words join a neighbour. */
function quoteStatements(text: string, a: number, b: number): Array<[number, number]> {
  const pieces = splitSentences(text.slice(a, b)).map((s) => [s.start + a, s.end + a] as [number, number]);
  const merged: Array<[number, number]> = [];
  let carry: number | null = null;
  for (const [s, e] of pieces) {
    const short = wordCount(text.slice(s, e)) < 5;
    const last = merged[merged.length - 1];
    if (short && last) last[1] = e;
    else if (short && carry === null) carry = s;
    else {
      merged.push([carry ?? s, e]);
      carry = null;
    }
  }
  if (carry !== null) merged.push([carry, b]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of merged) {
    const t = trimRegion(text, s, e);
    if (t) out.push(t);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Main

export function extractSpeakers(input: AnalysisInput): Speaker[] {
  const text = input.text;
  const lang = (input.lang ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  // English only: the lexicon and syntax rules are English. Elsewhere: no guesses.
  if (lang !== 'en' && lang !== '') return [];
  if (lang === '' && !looksEnglish(text)) return [];
  const paragraphs = splitParagraphs(text);
  const quotes = findQuotes(text, paragraphs);
  const units = buildUnits(text, paragraphs, quotes);
  const events = findEvents(units);
  const reg = new Registry(input.authors ?? []);

  // Pass 1: people named as speakers and names with person evidence, in text order.
  const namedSubjects = new Set<string>();
  for (const ev of events) {
    if (ev.ref.type !== 'name') continue;
    const { unit, run } = ev.ref;
    const toks = unit.toks.slice(run.n, run.e).map((t) => t.text);
    if (classifyRun(unit, run, ev.roles) === 'person' && toks.length >= 2) namedSubjects.add(toks.map(normKey).join(' '));
  }
  const mentions: Array<{ pos: number; entity: Entity }> = [];
  const weakMentions: Array<{ pos: number; names: string[]; surface: string }> = [];
  const personRuns: Array<{ pos: number; names: string[]; surface: string }> = [];
  for (const u of units) {
    for (const run of u.runs) {
      if (run.e - run.n < 2 || run.possessive || classifyRun(u, run, []) !== 'person') continue;
      const det = u.toks[run.s - 1];
      if (isWord(det) && /^(a|an|the)$/.test(det.lower) && run.n === run.s) continue;
      const names = u.toks.slice(run.n, run.e).map((t) => t.text);
      personRuns.push({ pos: (u.toks[run.n] as Tok).start, names, surface: u.toks.slice(run.s, run.e).map((t) => t.text).join(' ') });
    }
  }
  /** "Ms. Ferreira" → the fullest name elsewhere in the text that ends with "Ferreira". */
  const fullFormOf = (name: string): { pos: number; names: string[]; surface: string } | undefined => {
    const key = normKey(name);
    return personRuns.find((r) => normKey(r.names[r.names.length - 1] ?? '') === key && !reg.isAuthor(r.names));
  };
  for (const u of units) {
    for (const run of u.runs) {
      if (run.n >= run.e || run.possessive && run.e - run.n < 2) continue;
      const toks = u.toks.slice(run.n, run.e);
      const names = toks.map((t) => t.text);
      const key = names.map(normKey).join(' ');
      const kind = classifyRun(u, run, []);
      if (kind !== 'person' && kind !== 'single') continue;
      // "a Margaret Hamilton Lego minifigure": a name used as a modifier says nothing about the person.
      const det = u.toks[run.s - 1];
      if (isWord(det) && /^(a|an|the)$/.test(det.lower) && run.n === run.s) continue;
      const evidence =
        namedSubjects.has(key) || run.n > run.s || GIVEN_NAME_GENDER.has(normKey(names[0] ?? '')) || rolePrefix(u, run.s) !== null ||
        ageAfter(u, run.e) || (names.length >= 3 && kind === 'person') || appositiveNameAfterRole(u, run) || copularRole(u, run) !== null;
      const surface = u.toks.slice(run.s, run.e).map((t) => t.text).join(' ');
      let ent = reg.person(names, surface, (toks[0] as Tok).start, false);
      if (!ent && evidence && names.length === 1) {
        const full = fullFormOf(names[0] ?? '');
        if (full) ent = reg.person(full.names, full.surface, full.pos, true);
        ent?.forms.add(surface);
      }
      ent ??= reg.person(names, surface, (toks[0] as Tok).start, evidence && (kind === 'person' || GIVEN_NAME_GENDER.has(normKey(names[0] ?? ''))));
      if (!ent && kind === 'person' && names.length >= 2 && (run.s === 0 || (u.toks[run.s - 1] as Tok).text === ',')) {
        // A name opening a clause with no other evidence: a fallback antecedent for pronouns.
        weakMentions.push({ pos: (toks[0] as Tok).start, names, surface });
      }
      if (ent) {
        if (names.length < ent.tokens.length || surface !== names.join(' ')) ent.forms.add(names.join(' '));
        mentions.push({ pos: (toks[0] as Tok).start, entity: ent });
        const title = run.n > run.s ? bare((u.toks[run.n - 1] as Tok).text) : '';
        const g = GENDERED_TITLES[title];
        if (g && !ent.gender) ent.gender = g;
        // Roles stated anywhere: "Eric Reeves, one of the leading …, said", "Facebook CEO Mark Zuckerberg".
        for (const r of rolesAround(u, run)) {
          const role = roleText(text, r);
          if (!/^(his|her|their|its)\s/i.test(role)) addRole(ent, role, r[0]);
        }
        const cop = copularRole(u, run);
        if (cop) addRole(ent, text.slice(cop[0], cop[1]), cop[0]);
      }
    }
  }
  mentions.sort((a, b) => a.pos - b.pos);

  // Pass 2: resolve each event's speaker, left to right.
  const resolved: Array<{ pos: number; entity: Entity }> = [];
  const paraOf = (pos: number): number => {
    // Binary search: the last paragraph starting at or before pos.
    let lo = 0;
    let hi = paragraphs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((paragraphs[mid] as TextSpan).start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const para0 = (ev: Event): number => units[ev.unit]?.para ?? 0;
  const lastPersonBefore = (pos: number, gender: string | undefined, minPara: number, exclude?: Entity, allowWeak = false): Entity | null => {
    let best: { pos: number; entity: Entity } | null = null;
    for (const list of [mentions, resolved]) {
      for (const m of list) {
        if (m.pos >= pos || m.entity.kind !== 'person' || m.entity === exclude) continue;
        if (paraOf(m.pos) < minPara) continue;
        if (gender && m.entity.gender && m.entity.gender !== gender) continue;
        if (!best || m.pos > best.pos) best = m;
      }
    }
    for (const w of allowWeak ? weakMentions : []) {
      if (w.pos >= pos || paraOf(w.pos) < minPara || (best && best.pos >= w.pos)) continue;
      const ent = reg.person(w.names, w.surface, w.pos, true);
      if (!ent || ent === exclude || (gender && ent.gender && ent.gender !== gender)) continue;
      mentions.push({ pos: w.pos, entity: ent });
      mentions.sort((a, b) => a.pos - b.pos);
      best = { pos: w.pos, entity: ent };
    }
    return best?.entity ?? null;
  };
  const lastGroupBefore = (pos: number, minPara: number): Entity | null => {
    let best: Entity | null = null;
    let bestPos = -1;
    for (const e of reg.entities) {
      if (e.kind === 'person') continue;
      for (const s of e.statements) if (s.start < pos && s.start > bestPos && paraOf(s.start) >= minPara) {
        best = e;
        bestPos = s.start;
      }
    }
    return best;
  };

  const resolve = (ev: Event): Entity | null => {
    const ref = ev.ref;
    const para = units[ev.unit]?.para ?? 0;
    if (ref.type === 'name') {
      const { unit, run } = ref;
      const toks = unit.toks.slice(run.n, run.e);
      const names = toks.map((t) => t.text);
      const surface = unit.toks.slice(run.s, run.e).map((t) => t.text).join(' ');
      const kind = classifyRun(unit, run, ev.roles);
      if (reg.isAuthor(names)) return null;
      if (kind === 'person' || kind === 'single') {
        const known = reg.person(names, surface, (toks[0] as Tok).start, false);
        if (known) {
          known.forms.add(names.join(' '));
          return known;
        }
        // "Besecker said", "Ms. Ferreira said": a surname whose full form appears elsewhere ("Tyler Besecker").
        if (names.length === 1) {
          const full = fullFormOf(names[0] ?? '');
          const e = full ? reg.person(full.names, full.surface, full.pos, true) : null;
          if (e) {
            e.forms.add(surface);
            e.forms.add(names.join(' '));
            return e;
          }
        }
        const ent = reg.person(names, surface, (toks[0] as Tok).start, kind === 'person' || GIVEN_NAME_GENDER.has(normKey(names[0] ?? '')));
        if (ent) {
          ent.forms.add(names.join(' '));
          const title = run.n > run.s ? bare((unit.toks[run.n - 1] as Tok).text) : '';
          if (!ent.gender && GENDERED_TITLES[title]) ent.gender = GENDERED_TITLES[title];
          return ent;
        }
        if (kind === 'person') return null;
      }
      const name = names.join(' ').replace(/^the\s+/i, '');
      return reg.group('organization', name, (toks[0] as Tok).start);
    }
    if (ref.type === 'pronoun') {
      if (ref.word === 'he' || ref.word === 'she') {
        const g = ref.word === 'he' ? 'm' : 'f';
        const ent = lastPersonBefore(ref.pos, g, para - 2, undefined, true);
        if (ent && !ent.gender) ent.gender = g;
        return ent;
      }
      return lastGroupBefore(ref.pos, para - 1);
    }
    if (ref.type === 'np') {
      const surface = text.slice(ref.start, ref.end);
      // Role anaphora: "the president", "the professor" → the latest person with that role.
      if (ref.det === 'the' && ROLE_NOUNS.has(ref.head) && wordCount(surface) <= 3) {
        let best: Entity | null = null;
        let bestPos = -1;
        for (const m of [...mentions, ...resolved]) {
          if (m.pos >= ref.start || m.entity.kind !== 'person' || m.pos < bestPos) continue;
          const hasRole = [...m.entity.forms, ...m.entity.roles.map((r) => r.text)].some((f) => f.toLowerCase().split(/[\s,]+/).includes(ref.head));
          if (hasRole) {
            best = m.entity;
            bestPos = m.pos;
          }
        }
        if (best) return best;
      }
      const hasCap = /\p{Lu}/u.test(surface.replace(/^\p{Lu}/u, (c) => c.toLowerCase()));
      if ((ORG_NOUNS.has(ref.head) && !UNNAMED_SOURCE_NOUNS.has(ref.head)) || (hasCap && ORG_NOUNS.has(ref.head))) {
        const name = hasCap ? surface.replace(/^the\s+/i, '') : surface.replace(/^The\b/, 'the');
        return reg.group('organization', name, ref.start);
      }
      const plain = surface.replace(/^(?:a|an|the)\s+/i, '');
      const firstWord = (/^\p{L}+/u.exec(plain)?.[0] ?? '').toLowerCase();
      const common = UNNAMED_SOURCE_NOUNS.has(firstWord) || ROLE_NOUNS.has(firstWord) || STOPWORDS.has(firstWord) || DETERMINERS.has(firstWord);
      return reg.group('unnamed', common ? plain.charAt(0).toLowerCase() + plain.slice(1) : plain, ref.start);
    }
    return null;
  };

  const addStatement = (ent: Entity, a: number, b: number, kind: StatementKind, cue: string): void => {
    const t = trimRegion(text, a, b);
    if (!t) return;
    const [s, e] = t;
    if (ent.statements.some((x) => x.start <= s && x.end >= e)) return;
    ent.statements = ent.statements.filter((x) => !(x.start >= s && x.end <= e));
    ent.statements.push({ text: text.slice(s, e), kind, cue, start: s, end: e });
  };
  /** Adds the content region as direct quotes when it opens with a quotation, else as indirect speech. */
  const addContent = (ent: Entity, ev: Event | null, a: number, b: number, cue: string): void => {
    const t = trimRegion(text, a, b);
    if (!t) return;
    const [s, e] = t;
    const q = quotes.find((x) => x.open >= s - 1 && x.open <= s);
    // "“politics in this town” meant there were few options": the quote is only part of the content.
    const partial = q !== undefined && q.closed && wordCount(text.slice(q.end, e)) >= 2 && !quotes.some((x) => x.open >= q.end && x.open < e);
    if (q && !partial) {
      for (const [qs, qe] of quoteStatements(text, q.contentStart, Math.min(q.contentEnd, e))) addStatement(ent, qs, qe, 'direct', cue);
      // Further quotes in the same region ("“A,” she said, “B.”" is split by units; here: trailing quotes).
      for (const q2 of quotes) {
        if (q2.open > q.open && q2.open >= q.end && q2.end <= e + 1) {
          for (const [qs, qe] of quoteStatements(text, q2.contentStart, q2.contentEnd)) addStatement(ent, qs, qe, 'direct', cue);
        }
      }
      return;
    }
    // Very short content reads better with its verb: "He vowed to keep trying".
    if (ev && ev.mode === 'after' && (wordCount(text.slice(s, e)) < 3 || (/^to\s/i.test(text.slice(s, e)) && wordCount(text.slice(s, e)) < 5)) && ev.subjStart < s) {
      addStatement(ent, ev.subjStart, e, 'indirect', cue);
      return;
    }
    addStatement(ent, s, e, 'indirect', cue);
  };

  const eventsByUnit = new Map<number, Event[]>();
  for (const ev of events) {
    const list = eventsByUnit.get(ev.unit) ?? [];
    list.push(ev);
    eventsByUnit.set(ev.unit, list);
  }

  // First person outside quotes, away from any speaker, is the writer's own voice (columns, reviews):
  // then first-person paragraphs are never taken as a speaker's block quotes.
  const eventParas = new Set(events.map((e) => units[e.unit]?.para ?? -1));
  const authorVoice = paragraphs.some((_, p) => paragraphIsFirstPerson(units, p) && !eventParas.has(p) && !eventParas.has(p - 1) && !eventParas.has(p - 2));
  let paraSpeaker: { para: number; entity: Entity; unit: number; indirect: boolean } | null = null;
  let box: { entity: Entity | null; para: number } | null = null;
  /**
   * A quotation left open at a paragraph's end continues in the next paragraph; when its
   * attribution comes only there ("“…\n\n“…,” she said."), the speaker is found ahead.
   */
  const attributionAhead = (ui: number): Entity | null => {
    let i = ui;
    for (let hops = 0; hops < 4; hops++) {
      let last = i;
      while (last + 1 < units.length && (units[last + 1] as Unit).para === (units[i] as Unit).para) last++;
      const lastUnit = units[last] as Unit;
      const open = quotes.find((q) => !q.closed && q.open >= lastUnit.start && q.open < lastUnit.end);
      if (!open || last + 1 >= units.length) return null;
      i = last + 1;
      const next = units[i] as Unit;
      if (next.toks[0]?.kind !== 'qopen') return null;
      for (let j = i; j < units.length && (units[j] as Unit).para === next.para; j++) {
        const ev = (eventsByUnit.get(j) ?? []).find((e) => !e.nested && !e.list && quotes.some((q) => q.open >= e.cs - 1 && q.open <= e.cs + 1));
        if (ev) return resolve(ev);
      }
    }
    return null;
  };
  let lastParaWithSpeaker: { para: number; entity: Entity } | null = null;
  for (let ui = 0; ui < units.length; ui++) {
    const u = units[ui] as Unit;
    const evs = eventsByUnit.get(ui) ?? [];
    let spoke = false;
    for (const ev of evs) {
      if (ev.nested) continue;
      const ent = resolve(ev);
      if (!ent) continue;
      if (ent.kind === 'person') resolved.push({ pos: ev.subjStart, entity: ent });
      for (const r of ev.roles) {
        let role = roleText(text, r);
        // "her mother" → "Eloise Parry's mother": the possessive points at the previous person.
        const poss = /^(his|her|their)\s+/i.exec(role);
        if (poss && ent.kind === 'person') {
          const g = poss[1]?.toLowerCase() === 'his' ? 'm' : poss[1]?.toLowerCase() === 'her' ? 'f' : undefined;
          const other = lastPersonBefore(ev.subjStart, g, para0(ev) - 3, ent);
          if (other) role = `${other.tokens.join(' ')}'s ${role.slice(poss[0].length)}`;
        }
        addRole(ent, role, r[0]);
      }
      if (ev.list) {
        // "President Obama also said:" followed by list paragraphs without sentence punctuation.
        for (let p = u.para + 1; p < paragraphs.length; p++) {
          const para = paragraphs[p] as TextSpan;
          const first = (/^\p{L}+/u.exec(para.text)?.[0] ?? '').toLowerCase();
          if (/[.!?"”]$/.test(para.text) || LINK_TEXT_STARTS.has(first) || wordCount(para.text) > 60) break;
          addContent(ent, null, para.start, para.end, ev.cue);
        }
        if (ui + 1 < units.length && (units[ui + 1] as Unit).para === u.para + 1 && (units[ui + 1] as Unit).toks[0]?.kind === 'qopen') {
          paraSpeaker = { para: u.para, entity: ent, unit: ui, indirect: false };
        }
        spoke = true;
        continue;
      }
      addContent(ent, ev, ev.cs, ev.ce, ev.cue);
      spoke = true;
      const direct = quotes.some((q) => q.open >= ev.cs - 1 && q.open <= ev.cs + 2);
      paraSpeaker = { para: u.para, entity: ent, unit: ui, indirect: !direct };
      lastParaWithSpeaker = { para: u.para, entity: ent };
    }
    // "Analysis: Jon Sopel, BBC News" labels the paragraphs that follow as that writer's own words.
    const label = BOX_LABEL.exec(text.slice(u.start, u.end));
    if (label && isFirstUnitOfPara(units, ui) && isLastUnitOfPara(units, ui)) {
      const run = u.runs.find((r) => r.n < r.e && r.e - r.n >= 2 && (u.toks[r.s] as Tok).start >= u.start + label[0].length - 1);
      const names = run ? u.toks.slice(run.n, run.e).map((t) => t.text) : [];
      box = run ? { entity: reg.person(names, names.join(' '), u.start, true), para: u.para } : null;
      continue;
    }
    if (box && u.para > box.para) {
      const para = paragraphs[u.para] as TextSpan;
      if (!/[.!?"”]$/.test(para.text) && wordCount(para.text) < 12) box = null; // a heading ends the box
    }
    if (spoke) continue;
    // An attribution we could not resolve ("it said" with nothing before it): leave its quote unassigned.
    if (evs.some((e) => !e.nested)) continue;
    if (box?.entity && u.para > box.para && !u.toks.some((t) => t.kind === 'qopen')) {
      for (const [qs, qe] of quoteStatements(text, u.start, u.end)) addStatement(box.entity, qs, qe, 'direct', '');
      continue;
    }
    // Units without a reporting verb.
    const first = u.toks[0];
    const quoteHere = first?.kind === 'qopen' ? quotes.find((q) => q.open === first.start) : undefined;
    if (quoteHere) {
      const qWords = wordCount(text.slice(quoteHere.contentStart, Math.min(quoteHere.contentEnd, u.end)));
      if (qWords < 4 || qWords < 0.6 * wordCount(text.slice(u.start, u.end))) continue;
      let ent: Entity | null = null;
      if (paraSpeaker && (paraSpeaker.para === u.para || (paraSpeaker.para === u.para - 1 && paraSpeaker.unit === ui - 1 && !paraSpeaker.indirect))) ent = paraSpeaker.entity;
      else if (isFirstUnitOfPara(units, ui)) ent = attributionAhead(ui) ?? lastPersonBefore(u.start, undefined, u.para - 3);
      if (!ent) continue;
      for (const q of quotes) {
        if (q.open < u.start || q.open >= u.end) continue;
        for (const [qs, qe] of quoteStatements(text, q.contentStart, Math.min(q.contentEnd, u.end))) addStatement(ent, qs, qe, 'direct', '');
      }
      resolved.push({ pos: u.start, entity: ent });
      paraSpeaker = { para: u.para, entity: ent, unit: ui, indirect: false };
      lastParaWithSpeaker = { para: u.para, entity: ent };
      continue;
    }
    // Continuation: an unattributed sentence right after indirect speech in the same paragraph.
    if (paraSpeaker && paraSpeaker.entity.kind === 'person' && paraSpeaker.para === u.para && paraSpeaker.unit === ui - 1 && paraSpeaker.indirect && !mentionsOtherPerson(u, paraSpeaker.entity, reg) && !hasFirstPerson(u.toks) && !hasOwnAttribution(u.toks)) {
      addStatement(paraSpeaker.entity, u.start, u.end, 'indirect', '');
      paraSpeaker = { ...paraSpeaker, unit: ui };
      continue;
    }
    // First-person paragraphs right after a speaker's paragraph are that speaker's words (block quotes).
    if (!authorVoice && lastParaWithSpeaker && lastParaWithSpeaker.entity.kind === 'person' && u.para - lastParaWithSpeaker.para === 1 && paragraphIsFirstPerson(units, u.para)) {
      for (const [qs, qe] of quoteStatements(text, u.start, u.end)) addStatement(lastParaWithSpeaker.entity, qs, qe, 'direct', '');
      if (isLastUnitOfPara(units, ui)) lastParaWithSpeaker = { para: u.para, entity: lastParaWithSpeaker.entity };
      continue;
    }
  }

  const speakers: Speaker[] = [];
  const withStatements = reg.entities.filter((e) => e.statements.length > 0 && !reg.isAuthor(e.tokens));
  withStatements.sort((a, b) => Math.min(...a.statements.map((s) => s.start)) - Math.min(...b.statements.map((s) => s.start)) || a.id - b.id);
  for (const e of withStatements) {
    const statements = [...e.statements].sort((a, b) => a.start - b.start || a.end - b.end);
    const name = e.kind === 'person' ? e.tokens.join(' ') : e.name;
    const aliases = [...e.forms].filter((f) => f !== name && f.length > 0).sort();
    let role = '';
    let best = -Infinity;
    for (const r of e.roles) {
      if (r.score > best) {
        best = r.score;
        role = r.text;
      }
    }
    speakers.push({ name, aliases, role, kind: e.kind, statements });
  }
  return speakers;
}

function roleText(text: string, r: RoleSpan): string {
  return r.length === 4 ? `${text.slice(r[0], r[1])} ${text.slice(r[2], r[3])}` : text.slice(r[0], r[1]);
}

/** "Sharon is the CEO of Hotelied, …": a role stated by a copula right after a clause-initial name. */
function copularRole(u: Unit, run: Run): [number, number] | null {
  const prev = u.toks[run.s - 1];
  if (prev && prev.kind !== 'punct') return null;
  const be = u.toks[run.e];
  const det = u.toks[run.e + 1];
  if (!isWord(be) || !/^(is|was)$/.test(be.lower) || !isWord(det) || !/^(the|a|an)$/.test(det.lower)) return null;
  let end = -1;
  let hasRole = false;
  for (let k = run.e + 2; k < u.toks.length && k - run.e <= 10; k++) {
    const x = u.toks[k] as Tok;
    if (!isWord(x) || x.inQuote || /^(who|which|that|whose|before|after|during|since|until|when|and|but)$/.test(x.lower) || (!x.cap && /ing$/.test(x.lower))) break;
    if (ROLE_NOUNS.has(x.lower)) hasRole = true;
    else if (!hasRole && k - run.e > 4) return null;
    end = k;
  }
  if (!hasRole || end < 0) return null;
  while (end > run.e + 1 && isWord(u.toks[end]) && (PREPOSITIONS.has((u.toks[end] as Tok).lower) || PP_GLUE.has((u.toks[end] as Tok).lower))) end--;
  return [(det as Tok).start, (u.toks[end] as Tok).end];
}

function addRole(ent: Entity, raw: string, pos: number): void {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text || /^(mr|mrs|ms|miss|mx|sir|dame)\.?$/i.test(text)) return;
  const cleaned = text.replace(/^(?:mr|mrs|ms|miss|mx)\.?\s+/i, '');
  if (ent.roles.some((r) => r.text === cleaned)) return;
  ent.roles.push({ text: cleaned, score: roleScore(cleaned), pos });
}

/** person: a personal name; single: one unknown capitalised word; org: an organisation or place. */
function classifyRun(u: Unit, run: Run, roles: RoleSpan[]): 'person' | 'single' | 'org' {
  const toks = u.toks.slice(run.n, run.e);
  const lower = toks.map((t) => bare(t.text));
  const joined = lower.join(' ');
  if (PLACE_NAMES.has(joined) || lower.some((w) => ORG_WORDS.has(w))) return 'org';
  // Role words before the name that name an organisation ("whale rescue group Project Jonah").
  const pre = rolePrefix(u, run.s);
  const before = u.toks[run.s - 1];
  if (isWord(before) && !before.cap && ORG_NOUNS.has(before.lower) && !ROLE_NOUNS.has(before.lower)) return 'org';
  if (toks.length === 1) {
    const t = toks[0] as Tok;
    if (/^\p{Lu}{2,}$/u.test(t.text) && !(run.n > run.s)) return 'org';
    if (run.n > run.s) return 'person';
    if (pre || roles.length > 0) return 'person';
    return 'single';
  }
  return 'person';
}

function ageAfter(u: Unit, e: number): boolean {
  const a = u.toks[e];
  const b = u.toks[e + 1];
  return (a?.text === ',' || a?.text === '(') && b !== undefined && /^\d{1,3}$/.test(b.text);
}

/** "his 22-year-old son, Te Kaurinui Robert Parata,": a name set off after a role noun. */
function appositiveNameAfterRole(u: Unit, run: Run): boolean {
  const comma = u.toks[run.s - 1];
  const noun = u.toks[run.s - 2];
  return comma?.text === ',' && isWord(noun) && !noun.cap && ROLE_NOUNS.has(noun.lower);
}

function mentionsOtherPerson(u: Unit, speaker: Entity, reg: Registry): boolean {
  for (const run of u.runs) {
    if (run.n >= run.e) continue;
    const names = u.toks.slice(run.n, run.e).map((t) => t.text);
    const ent = reg.person(names, names.join(' '), -1, false);
    if (ent && ent !== speaker) return true;
  }
  return false;
}

function isFirstUnitOfPara(units: Unit[], ui: number): boolean {
  return ui === 0 || (units[ui - 1] as Unit).para !== (units[ui] as Unit).para;
}

function isLastUnitOfPara(units: Unit[], ui: number): boolean {
  return ui === units.length - 1 || (units[ui + 1] as Unit).para !== (units[ui] as Unit).para;
}

function paragraphIsFirstPerson(units: Unit[], para: number): boolean {
  const toks = units.filter((u) => u.para === para).flatMap((u) => u.toks);
  if (toks.some((t) => t.kind === 'qopen')) return false;
  if (toks.filter((t) => t.kind === 'word').length < 6) return false;
  return hasFirstPerson(toks);
}

/** A sentence with its own "said"/"told" ("Many of them said …") reports someone else, even when its subject is not parsed. */
function hasOwnAttribution(toks: Tok[]): boolean {
  return toks.some((t) => t.kind === 'word' && !t.inQuote && /^(said|says|told|tells)$/.test(t.lower));
}

/** First-person pronouns outside quotations ("US" the country does not count). */
function hasFirstPerson(toks: Tok[]): boolean {
  return toks.some((t) => t.kind === 'word' && !t.inQuote && (t.text === 'I' || (FIRST_PERSON.has(t.lower) && t.text !== 'US' && t.lower !== 'i')));
}

function looksEnglish(text: string): boolean {
  const ws = text.slice(0, 20000).toLowerCase().match(/\p{L}+/gu) ?? [];
  if (ws.length < 5) return ws.length > 0 && ws.some((w) => STOPWORDS.has(w));
  const hits = ws.filter((w) => /^(the|of|and|to|in|is|that|for|it|was|on|with|as|said|he|she)$/.test(w)).length;
  return hits / ws.length >= 0.1;
}
