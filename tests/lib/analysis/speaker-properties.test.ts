import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractSpeakers } from '../../../lib/analysis/extract-speakers';
import type { Speaker } from '../../../lib/model';

// Random articles assembled from reporting constructions, names and narrative filler.
const names = ['Maria Lopez', 'John Carter', 'Haeng-A Seo', 'Ursula von der Leyen', 'Ajmi Lourimi', 'Te Kaurinui Robert Parata', 'Daniel Reed'];
const nameArb = fc.constantFrom(...names);
const clause = fc.constantFrom('the plan would fail', 'prices had doubled since January', 'the talks were constructive', 'nobody expected the result');
const quote = fc.constantFrom('We are ready for this', 'It was a long night for everyone', 'Nobody saw it coming. Nobody at all');
const sentence = fc.oneof(
  fc.tuple(nameArb, clause).map(([n, c]) => `${n} said ${c}.`),
  fc.tuple(nameArb, clause).map(([n, c]) => `${n}, a senior analyst at Nordbank, argued that ${c}.`),
  fc.tuple(quote, nameArb).map(([q, n]) => `“${q},” said ${n}.`),
  fc.tuple(quote).map(([q]) => `"${q}," she said.`),
  fc.tuple(clause).map(([c]) => `He added that ${c}.`),
  fc.tuple(clause).map(([c]) => `Officials said ${c}.`),
  fc.tuple(clause, nameArb).map(([c, n]) => `${c[0]?.toUpperCase()}${c.slice(1)}, according to ${n.split(' ').pop()}.`),
  fc.constant('The river rose through the night.'),
  fc.constant('Mr. Smith met Dr. Lee on Jan. 5 in the U.S. capital.'),
);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '));
const article = fc.array(paragraph, { minLength: 1, maxLength: 6 });

const shape = (speakers: Speaker[]) => speakers.map((s) => ({ name: s.name, kind: s.kind, role: s.role, statements: s.statements.map((x) => x.text) }));

describe('extractSpeakers properties', () => {
  it('every statement text is exactly its slice of the input', () => {
    fc.assert(
      fc.property(article, (paras) => {
        const text = paras.join('\n\n');
        for (const s of extractSpeakers({ text, lang: 'en' })) {
          for (const st of s.statements) expect(text.slice(st.start, st.end)).toBe(st.text);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never reports a byline author', () => {
    fc.assert(
      fc.property(article, nameArb, (paras, author) => {
        const text = paras.join('\n\n');
        const speakers = extractSpeakers({ text, lang: 'en', authors: [author] });
        expect(speakers.some((s) => s.name === author || s.aliases.includes(author))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(article, (paras) => {
        const text = paras.join('\n\n');
        expect(extractSpeakers({ text, lang: 'en' })).toEqual(extractSpeakers({ text, lang: 'en' }));
      }),
      { numRuns: 100 },
    );
  });

  it('is stable under extra whitespace between paragraphs (offsets shift, names and texts do not)', () => {
    fc.assert(
      fc.property(article, fc.array(fc.constantFrom('\n\n', '\n\n\n', '\n \n', '\n\n  \n\n'), { minLength: 6, maxLength: 6 }), (paras, seps) => {
        const plain = paras.join('\n\n');
        const spaced = paras.map((p, i) => (i === 0 ? p : (seps[i % seps.length] ?? '\n\n') + p)).join('');
        expect(shape(extractSpeakers({ text: spaced, lang: 'en' }))).toEqual(shape(extractSpeakers({ text: plain, lang: 'en' })));
      }),
      { numRuns: 150 },
    );
  });
});
