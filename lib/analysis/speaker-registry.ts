/**
 * The speaker engine's registry of the people, organisations and unnamed sources an article mentions:
 * full names, surname and partial forms resolved to one entity, never the byline author.
 */
import type { SpeakerKind, Statement } from '../model';
import { GIVEN_NAME_GENDER, ROLE_NOUNS } from './speaker-lexicon';

export interface Entity {
  id: number;
  kind: SpeakerKind;
  /** Name tokens of the fullest form seen (persons) or the display name (others). */
  tokens: string[];
  name: string;
  forms: Set<string>;
  gender: 'm' | 'f' | undefined;
  roles: Array<{ text: string; score: number; pos: number }>;
  statements: Statement[];
  first: number;
}

// Memoised: the registry compares every name with every known person, so the same few strings are
// normalised over and over (a quarter of the engine's time on long pages). Bounded; results unchanged.
const NORM_KEYS = new Map<string, string>();
export const normKey = (s: string): string => {
  let key = NORM_KEYS.get(s);
  if (key === undefined) {
    if (NORM_KEYS.size >= 20_000) NORM_KEYS.clear();
    key = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[.’']/g, '');
    NORM_KEYS.set(s, key);
  }
  return key;
};

export class Registry {
  readonly entities: Entity[] = [];
  private readonly authors: string[][];

  constructor(authors: readonly string[]) {
    this.authors = authors.map((a) => a.replace(/^by\s+/i, '').split(/\s+/).map(normKey).filter((w) => w.length > 1));
  }

  isAuthor(tokens: string[]): boolean {
    const t = tokens.map(normKey);
    const long = t.filter((w) => w.length > 1);
    return this.authors.some((a) => a.length > 0 && long.length > 0 && long.every((w) => a.includes(w)));
  }

  /** Finds or creates the person a name refers to ("Nam" → "Nam Eunyoung"). */
  person(tokens: string[], surface: string, pos: number, create: boolean): Entity | null {
    if (tokens.length === 0 || this.isAuthor(tokens)) return null;
    const keys = tokens.map(normKey);
    const persons = this.entities.filter((e) => e.kind === 'person');
    const keyOf = (e: Entity): string[] => e.tokens.map(normKey);
    let found = persons.find((e) => keyOf(e).join(' ') === keys.join(' '));
    if (!found && keys.length >= 2) {
      found = persons.find((e) => isSubsequence(keys, keyOf(e)) || isSubsequence(keyOf(e), keys) || sameEnds(keys, keyOf(e)));
      if (found && keys.length > found.tokens.length && isSubsequence(keyOf(found), keys)) {
        found.tokens = tokens;
        found.name = tokens.join(' ');
      }
    }
    if (!found && keys.length === 1) {
      const k = keys[0] as string;
      found = persons.find((e) => keyOf(e).includes(k));
    }
    if (found) {
      found.forms.add(surface);
      return found;
    }
    if (!create) return null;
    const e: Entity = {
      id: this.entities.length,
      kind: 'person',
      tokens,
      name: tokens.join(' '),
      forms: new Set([surface]),
      gender: genderOfName(tokens),
      roles: [],
      statements: [],
      first: pos,
    };
    this.entities.push(e);
    return e;
  }

  /** Organisations and unnamed sources, keyed by their lower-cased name. */
  group(kind: SpeakerKind, name: string, pos: number): Entity {
    const key = normKey(name);
    const found = this.entities.find((e) => e.kind === kind && normKey(e.name) === key);
    if (found) return found;
    const e: Entity = { id: this.entities.length, kind, tokens: name.split(' '), name, forms: new Set([name]), gender: undefined, roles: [], statements: [], first: pos };
    this.entities.push(e);
    return e;
  }
}

function isSubsequence(short: string[], long: string[]): boolean {
  if (short.length > long.length || short.length === 0) return false;
  outer: for (let i = 0; i + short.length <= long.length; i++) {
    for (let j = 0; j < short.length; j++) if (long[i + j] !== short[j]) continue outer;
    return true;
  }
  return false;
}

/** "Brian Coombes" and "Brian K. Coombes": same first and last name. */
function sameEnds(a: string[], b: string[]): boolean {
  return a.length >= 2 && b.length >= 2 && a[0] === b[0] && a[a.length - 1] === b[b.length - 1];
}

function genderOfName(tokens: string[]): 'm' | 'f' | undefined {
  const first = normKey(tokens[0] ?? '');
  return GIVEN_NAME_GENDER.get(first);
}

export function roleScore(text: string): number {
  const ws = text.split(/\s+/).filter(Boolean);
  let s = Math.min(ws.length, 15) / 30;
  if (ws.some((w) => ROLE_NOUNS.has(w.toLowerCase().replace(/[^\p{L}-]/gu, '')))) s += 2;
  if (ws.slice(1).some((w) => /^\p{Lu}/u.test(w))) s += 1;
  // A relative clause describes rather than names a role ("a typist who started …").
  if (/(?:^|\s)(who|which|whose)\s/i.test(text)) s -= 1;
  return s;
}
