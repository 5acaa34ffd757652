import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitParagraphs, splitSentences, STOPWORDS, tokenizeWords } from '../../../lib/analysis/text-units';

const texts = (spans: { text: string }[]): string[] => spans.map((s) => s.text);

describe('splitSentences', () => {
  it('keeps titles, month abbreviations, initials, acronyms and decimals inside sentences', () => {
    const t = 'Mr. Okafor met Dr. Jane K. Doe on Jan. 5 in St. Louis. Growth was 3.5 percent in the U.S. last year. It slowed.';
    expect(texts(splitSentences(t))).toEqual([
      'Mr. Okafor met Dr. Jane K. Doe on Jan. 5 in St. Louis.',
      'Growth was 3.5 percent in the U.S. last year.',
      'It slowed.',
    ]);
  });

  it('ends a sentence after an acronym when a typical opener follows', () => {
    expect(texts(splitSentences('The firm moved to the U.S. The move was costly.'))).toEqual(['The firm moved to the U.S.', 'The move was costly.']);
  });

  it('keeps closing quotes and brackets with their sentence and handles ellipses', () => {
    const t = '“We are ready.” She left... and came back. Wait… What? (It rained.) Then it stopped!';
    expect(texts(splitSentences(t))).toEqual(['“We are ready.”', 'She left... and came back.', 'Wait…', 'What?', '(It rained.)', 'Then it stopped!']);
  });

  it('never crosses paragraph breaks', () => {
    expect(texts(splitSentences('No period here\n\nNext paragraph.'))).toEqual(['No period here', 'Next paragraph.']);
  });
});

describe('splitParagraphs and tokenizeWords', () => {
  it('splits on blank lines and trims', () => {
    const t = '  First para.\n\n\n Second para. \n \nThird';
    const paras = splitParagraphs(t);
    expect(texts(paras)).toEqual(['First para.', 'Second para.', 'Third']);
  });

  it('keeps inner hyphens, apostrophes and decimals in words', () => {
    expect(texts(tokenizeWords("Haeng-A Seo's 3.5 don't stop."))).toEqual(['Haeng-A', "Seo's", '3.5', "don't", 'stop']);
  });

  it('has common stopwords', () => {
    for (const w of ['the', 'and', 'of', 'said']) expect(STOPWORDS.has(w)).toBe(true);
    expect(STOPWORDS.has('semiconductor')).toBe(false);
  });
});

describe('offsets (properties)', () => {
  const piece = fc.constantFrom('Mr. Smith said', 'it rained.', 'U.S. growth was 3.5%.', '“Yes,” she said.', 'Wait...', 'What?', 'J. K. Rowling wrote.', '\n\n', ' ', 'Jan. 5', '(ok.)');
  const textArb = fc.array(piece, { maxLength: 25 }).map((a) => a.join(' '));
  it('every unit is the slice it claims to be, in order and without overlap', () => {
    fc.assert(
      fc.property(textArb, (t) => {
        for (const f of [splitParagraphs, splitSentences, tokenizeWords]) {
          let last = 0;
          for (const s of f(t)) {
            expect(t.slice(s.start, s.end)).toBe(s.text);
            expect(s.start).toBeGreaterThanOrEqual(last);
            expect(s.text.trim()).toBe(s.text);
            last = s.end;
          }
        }
      }),
    );
  });

  it('sentences cover all non-space text of each paragraph', () => {
    fc.assert(
      fc.property(textArb, (t) => {
        const joined = splitSentences(t).map((s) => s.text).join('').replace(/\s+/g, '');
        expect(joined).toBe(t.replace(/\s+/g, ''));
      }),
    );
  });
});
