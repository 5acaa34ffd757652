import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractTopics, MAX_TOPICS } from '../../../lib/analysis/extract-topics';
import { stemWord } from '../../../lib/analysis/stem-word';
import type { Topic } from '../../../lib/model';

const stems = (phrase: string) =>
  new Set(
    phrase
      .toLowerCase()
      .split(/\s+/)
      .map((w) => stemWord(w.replace(/[^\p{L}\p{N}-]/gu, ''))),
  );

/** Near-duplicate as the issue defines it: same stems, one inside the other, or Jaccard ≥ 0.5. */
function nearDuplicate(a: string, b: string): boolean {
  const sa = stems(a);
  const sb = stems(b);
  let shared = 0;
  for (const s of sa) if (sb.has(s)) shared++;
  return shared > 0 && (shared === sa.size || shared === sb.size || shared / (sa.size + sb.size - shared) >= 0.5);
}

function expectWellFormed(topics: Topic[], text: string): void {
  expect(topics.length).toBeLessThanOrEqual(MAX_TOPICS);
  for (let i = 0; i < topics.length; i++) {
    const t = topics[i]!;
    expect(t.score).toBeGreaterThan(0);
    expect(t.score).toBeLessThanOrEqual(1);
    if (i > 0) expect(t.score).toBeLessThanOrEqual(topics[i - 1]!.score);
    expect(t.label.trim()).toBe(t.label);
    expect(t.label.length).toBeGreaterThan(0);
    // Every word of a phrase is a word of the text.
    for (const word of t.label.split(' ')) expect(text).toContain(word.replace(/\.$/, ''));
    for (let j = 0; j < i; j++) expect(nearDuplicate(t.label, topics[j]!.label), `${t.label} ~ ${topics[j]!.label}`).toBe(false);
  }
}

const SOLAR = [
  'The town council voted on Tuesday to install solar panels on every school roof, officials said.',
  'Solar panels will cut the schools’ electricity bills by a third, according to the council’s energy officer.',
  'Parents welcomed the plan. Some asked whether the solar panels would be ready before winter.',
  'The contractor, Brightfield Energy, said the first solar panels would arrive in March.',
  'Critics said the money should have gone to teachers instead.',
].join('\n\n');

describe('extractTopics', () => {
  it('ranks a repeated multi-word concept first', () => {
    const topics = extractTopics({ text: SOLAR, title: 'Council approves solar panels for schools', lang: 'en' });
    expect(topics[0]?.label).toBe('solar panels');
    expect(topics[0]?.score).toBe(1);
    expectWellFormed(topics, SOLAR);
  });

  it('keeps proper casing and multi-word names', () => {
    const text = [
      'Yan Liang of the Trilateral Cooperation Secretariat said the summit would revive trade talks.',
      'The Trilateral Cooperation Secretariat was founded in Seoul to support trade talks between the three countries.',
      'Officials at the Trilateral Cooperation Secretariat expect new trade talks on AI semiconductors next year.',
      'AI semiconductors are the focus of the new trade talks, the secretariat said.',
    ].join('\n\n');
    const phrases = extractTopics({ text, lang: 'en' }).map((t) => t.label);
    expect(phrases).toContain('Trilateral Cooperation Secretariat');
    expect(phrases).toContain('AI semiconductors');
    expect(phrases).toContain('trade talks');
  });

  it('merges singular and plural forms and sub-phrases', () => {
    const text = [
      'The new vaccine was approved on Monday. Each vaccine dose costs five dollars.',
      'Vaccines have been delayed for months, and vaccine doses remain scarce in rural clinics.',
      'A vaccine dose is free for children, the ministry said. Vaccine doses will arrive next week.',
    ].join('\n\n');
    const topics = extractTopics({ text, lang: 'en' });
    expectWellFormed(topics, text);
    const vaccineTopics = topics.filter((t) => /vaccine/i.test(t.label));
    expect(vaccineTopics).toHaveLength(1);
  });

  it('prefers a full name to the bare surname it contains', () => {
    const text = [
      'Hurricane Gilbert swept toward the Dominican Republic on Sunday with winds of 75 mph.',
      'Forecasters said Gilbert was moving west. Residents boarded up homes as Gilbert approached.',
      'The storm is the strongest of the season, and Gilbert could reach Jamaica by Monday.',
      'Hurricane Gilbert is expected to weaken over land.',
    ].join('\n\n');
    const topics = extractTopics({ text, title: 'Hurricane Gilbert heads toward Dominican Republic', lang: 'en' });
    expectWellFormed(topics, text);
    const phrases = topics.map((t) => t.label);
    expect(phrases).toContain('Hurricane Gilbert');
    expect(phrases).not.toContain('Gilbert');
    expect(phrases).toContain('Dominican Republic');
  });

  it('never returns the byline author as a topic', () => {
    const text = [
      'By Eleanor Roy',
      'Whale strandings are rising along the coast, Eleanor Roy reports from Northland.',
      'Tribes say whale strandings have doubled. Eleanor Roy spoke to elders about the whale strandings.',
    ].join('\n\n');
    const input = { text, title: 'Tribes fear whale strandings | Eleanor Roy', lang: 'en', authors: ['Eleanor Roy'] };
    const phrases = extractTopics(input).map((t) => t.label);
    expect(phrases[0]).toBe('whale strandings');
    expect(phrases.some((p) => /Eleanor|Roy/.test(p))).toBe(false);
  });

  it('treats an acronym and its expansion as one topic', () => {
    const text = [
      'Leaders of China and the Republic of Korea met in Seoul on Monday.',
      'The Republic of Korea (ROK) hosted the talks. The ROK wants closer trade ties with China.',
      'Officials from the ROK said trade ties would top the agenda.',
    ].join('\n\n');
    const phrases = extractTopics({ text, lang: 'en' }).map((t) => t.label);
    expect(phrases.filter((p) => p === 'ROK' || p === 'Republic of Korea')).toHaveLength(1);
  });

  it('does not return function words, verbs or numbers as topics', () => {
    const phrases = extractTopics({ text: SOLAR, lang: 'en' }).map((t) => t.label.toLowerCase());
    for (const bad of ['said', 'the', 'would', 'tuesday', 'march', 'third', 'according']) expect(phrases).not.toContain(bad);
    expect(phrases.some((p) => /^\d/.test(p))).toBe(false);
  });

  it('reads the language from the text when none is given', () => {
    expect(extractTopics({ text: SOLAR })[0]?.label).toBe('solar panels');
  });

  it('uses function-word lists for other supported languages', () => {
    const text = [
      'Le gouvernement a présenté mardi la réforme des retraites devant l’Assemblée nationale.',
      'La réforme des retraites prévoit un report de l’âge légal, selon le ministre du Travail.',
      'Les syndicats contestent la réforme des retraites et appellent à une grève nationale.',
    ].join('\n\n');
    const topics = extractTopics({ text, lang: 'fr' });
    expectWellFormed(topics, text);
    expect(topics[0]?.label.toLowerCase()).toContain('réforme');
    expect(topics.map((t) => t.label.toLowerCase())).not.toContain('des');
  });

  it('returns no topics for scripts it cannot segment, and names only for unlisted languages', () => {
    expect(extractTopics({ text: '谷歌在2014年收购的人工智能公司DeepMind开发出一款计算机。', lang: 'zh' })).toEqual([]);
    const russian = [
      'Президент Владимир Путин встретился с министром в Москве.',
      'По словам министра, Владимир Путин одобрил новый бюджет.',
      'В Москве прошли переговоры о бюджете.',
    ].join('\n\n');
    const topics = extractTopics({ text: russian, lang: 'ru' });
    expectWellFormed(topics, russian);
    for (const t of topics) expect(t.label[0]).toBe(t.label[0]!.toUpperCase());
    expect(topics.map((t) => t.label)).toContain('Москве');
  });

  it('finds the key topics of the seed article', () => {
    const html = readFileSync(join(import.meta.dirname, '../../../../shared/fixtures/pages/stdaily-trilateral-summit.html'), 'utf8');
    // Plain paragraphs straight from the page's <p> elements (capture is tested elsewhere).
    const text = [...html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)]
      .map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim())
      .filter((p) => p.length > 40)
      .join('\n\n');
    const topics = extractTopics({ text, title: "Revived China-Japan-ROK Summit a 'Golden Opportunity'", lang: 'en' });
    expectWellFormed(topics, text);
    const phrases = topics.map((t) => t.label);
    expect(phrases.some((p) => /cooperation/i.test(p))).toBe(true);
    expect(phrases.some((p) => /summit/i.test(p))).toBe(true);
    expect(phrases.some((p) => /semiconductor/i.test(p))).toBe(true);
  });

  it('handles empty and whitespace-only text', () => {
    expect(extractTopics({ text: '' })).toEqual([]);
    expect(extractTopics({ text: ' \n\n \t' , lang: 'en' })).toEqual([]);
  });

  it('runs as a browser bundle with no Node or DOM globals (as in a Worker)', async () => {
    const result = await build({
      stdin: {
        contents: "import { analyzeArticle } from './lib/analysis'; globalThis.run = (input) => analyzeArticle(input);",
        resolveDir: join(import.meta.dirname, '../../..'),
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    // A bare context: only the JavaScript built-ins (no process, window, document, console or timers).
    const context: { run?: (input: unknown) => { topics: Topic[]; summary: string } } = {};
    // The whole engine (speakers too), through lib/analysis/index.ts as the extension imports it.
    runInNewContext(result.outputFiles[0]!.text, context);
    const out = context.run!({ text: SOLAR, title: 'Council approves solar panels for schools', lang: 'en' });
    expect(out.topics[0]?.label).toBe('solar panels');
    expect(out.summary.length).toBeGreaterThan(0);
  });

  describe('properties', () => {
    const textArb = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc
        .array(fc.constantFrom('The', 'solar', 'panels', 'Mr', 'Obama', 'said', '.', ',', '"', '\n\n', 'U.S.', "it's", 'Council', 'of', 'Europe', '3.5', '-', 'was', 'killed', 'constructor', 'toString', '__proto__', 'matrices', 'hasOwnProperty'), {
          maxLength: 120,
        })
        .map((words) => words.join(' ')),
    );
    const langArb = fc.oneof(
      fc.constantFrom(undefined, 'en', 'fr', 'de', 'ru', 'zh', '', 'en-US', 'constructor', '__proto__', 'toString'),
      fc.string({ maxLength: 8 }),
    );

    it('never throws and always returns well-formed topics', () => {
      fc.assert(
        fc.property(textArb, fc.option(fc.string({ maxLength: 60 }), { nil: undefined }), langArb, (text, title, lang) => {
          const topics = extractTopics({ text, title, lang });
          expectWellFormed(topics, text);
        }),
        { numRuns: 300, seed: 20261128 },
      );
    });

    it('is deterministic', () => {
      fc.assert(
        fc.property(textArb, langArb, (text, lang) => {
          expect(extractTopics({ text, lang })).toEqual(extractTopics({ text, lang }));
        }),
        { numRuns: 100, seed: 7 },
      );
    });
  });
});
