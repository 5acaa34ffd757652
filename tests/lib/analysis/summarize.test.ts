import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize, summarySpans } from '../../../lib/analysis/summarize';
import type { AnalysisInput } from '../../../lib/model';

const ARTICLE = [
  'LONDON — The city council approved a plan on Tuesday to ban private cars from the historic centre by 2030.',
  'The ban, the first of its kind in Britain, will cover an area of about two square miles around the cathedral.',
  'Click here to subscribe to our daily newsletter.',
  'Council leader Maria Jones said the plan would cut air pollution and make the streets safer for children.',
  'Shop owners fear the car ban will keep customers away, and a petition against it has gathered 4,000 signatures.',
  'Buses, taxis and delivery vans will still be allowed, and residents will get permits.',
  'The weather was fine.',
  'Officials expect the first streets to close to private cars next spring, with the full ban in place by 2030.',
].join('\n\n');

/** The summary is its spans' texts joined by one space, and each span is a verbatim, ordered slice of the text. */
function expectVerbatim(input: AnalysisInput): void {
  const spans = summarySpans(input);
  const summary = summarize(input);
  expect(summary).toBe(spans.map((s) => s.text).join(' '));
  let last = -1;
  for (const s of spans) {
    expect(input.text.slice(s.start, s.end)).toBe(s.text);
    expect(s.start).toBeGreaterThan(last);
    expect(s.text.trim()).toBe(s.text);
    last = s.end - 1;
  }
}

describe('summarize', () => {
  it('picks two or three verbatim sentences in article order', () => {
    const input = { text: ARTICLE, title: 'City council bans cars from historic centre', lang: 'en' };
    const spans = summarySpans(input);
    expect(spans.length).toBeGreaterThanOrEqual(2);
    expect(spans.length).toBeLessThanOrEqual(3);
    expectVerbatim(input);
    // The lead (without its dateline) opens the summary.
    expect(spans[0]!.text).toBe('The city council approved a plan on Tuesday to ban private cars from the historic centre by 2030.');
  });

  it('drops datelines with a region or agency', () => {
    const text = [
      'SEOUL, South Korea — A plan to impeach the president failed on Saturday after his party walked out of parliament.',
      'MOSCOW (AP) — A cargo ship bound for the space station broke up over Siberia, the space agency said on Thursday.',
    ].join('\n\n');
    expect(summarize({ text, lang: 'en' })).toBe(
      'A plan to impeach the president failed on Saturday after his party walked out of parliament. A cargo ship bound for the space station broke up over Siberia, the space agency said on Thursday.',
    );
  });

  it('skips boilerplate, very short sentences and captions', () => {
    const text = [
      'A file photo of the harbour at dawn. (Photo: Harbour Authority)',
      'By Jane Smith',
      ARTICLE,
      'All rights reserved. Copyright 2024 The Daily Example.',
    ].join('\n\n');
    const summary = summarize({ text, lang: 'en' });
    expect(summary).not.toMatch(/subscribe|newsletter|harbour|Jane Smith|rights reserved|weather/i);
    expect(summary).toContain('ban private cars');
  });

  it('avoids repeating the same content', () => {
    const text = [
      'The museum reopened on Sunday after a two-year renovation costing 40 million euros.',
      'The museum reopened on Sunday after a renovation that lasted two years and cost 40 million euros.',
      'Visitors queued for hours to see the restored ceiling frescoes in the main hall.',
      'The director said ticket prices would stay the same for at least another year.',
    ].join('\n\n');
    const spans = summarySpans({ text, lang: 'en' });
    expect(spans.filter((s) => s.text.startsWith('The museum reopened'))).toHaveLength(1);
    expect(spans.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps two sentences when only one passes the filters', () => {
    const text = 'The bridge reopened to traffic on Monday after two years of repairs, the city said.\n\nIt cost a lot.';
    const spans = summarySpans({ text, lang: 'en' });
    expect(spans.map((s) => s.text)).toEqual(['The bridge reopened to traffic on Monday after two years of repairs, the city said.', 'It cost a lot.']);
  });

  it('does not mistake an ordinary sentence for a byline', () => {
    const text = [
      'From the first day of the strike, nurses at the city hospital have refused overtime shifts across all wards.',
      'By the end of the week, managers had cancelled more than two hundred planned operations at the hospital.',
      'The union said talks with the health ministry would resume on Friday, but no deal is in sight.',
    ].join('\n\n');
    expect(summarySpans({ text, lang: 'en' })[0]!.text).toMatch(/^From the first day/);
  });

  it('returns what there is for very short texts', () => {
    expect(summarize({ text: '', lang: 'en' })).toBe('');
    expect(summarize({ text: '   \n\n  ' })).toBe('');
    expect(summarize({ text: 'Just one sentence here.' })).toBe('Just one sentence here.');
    expect(summarize({ text: 'Breaking news' })).toBe('Breaking news');
  });

  it('summarises other languages with the same rules', () => {
    const text = [
      'Le gouvernement a présenté mardi la réforme des retraites devant l’Assemblée nationale, après des mois de concertation.',
      'La réforme prévoit un report progressif de l’âge légal de départ, selon le ministre du Travail.',
      'Les syndicats contestent le texte et appellent à une grève nationale le mois prochain.',
      'Il fait beau.',
    ].join('\n\n');
    const input = { text, lang: 'fr' };
    expectVerbatim(input);
    expect(summarySpans(input).length).toBeGreaterThanOrEqual(2);
    expect(summarize(input)).not.toContain('Il fait beau.');
  });

  describe('properties', () => {
    const sentenceArb = fc
      .array(fc.constantFrom('The', 'council', 'voted', 'ban', 'cars', 'Mr', 'Jones', 'said', 'U.S.', 'in', '2030', 'and', 'officials'), {
        minLength: 1,
        maxLength: 25,
      })
      .chain((words) => fc.constantFrom('.', '?', '!', '').map((end) => words.join(' ') + end));
    const textArb = fc.oneof(
      fc.string({ maxLength: 500 }),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.array(fc.array(sentenceArb, { maxLength: 4 }).map((s) => s.join(' ')), { maxLength: 12 }).map((p) => p.join('\n\n')),
    );
    const langArb = fc.oneof(fc.constantFrom(undefined, 'en', 'fr', 'zh', '', 'constructor', '__proto__'), fc.string({ maxLength: 8 }));

    it('never throws; sentences are verbatim slices in order; at most three', () => {
      fc.assert(
        fc.property(textArb, langArb, (text, lang) => {
          const input = { text, lang };
          expectVerbatim(input);
          expect(summarySpans(input).length).toBeLessThanOrEqual(3);
          for (const s of summarySpans(input)) expect(text).toContain(s.text);
        }),
        { numRuns: 300, seed: 20261128 },
      );
    });

    it('is deterministic and non-empty whenever the text has words', () => {
      fc.assert(
        fc.property(textArb, langArb, (text, lang) => {
          const a = summarize({ text, lang });
          expect(a).toBe(summarize({ text, lang }));
          if (/[\p{L}\p{N}]/u.test(text)) expect(a.length).toBeGreaterThan(0);
        }),
        { numRuns: 200, seed: 11 },
      );
    });
  });
});
