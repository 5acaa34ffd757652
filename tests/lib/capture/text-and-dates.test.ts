import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, hashText, normalizeDate, parseDateText, readingMinutes, toPlainText } from '../../../lib/capture';
import { parseHtml } from '../../../lib/capture/node';

describe('parseDateText', () => {
  it.each([
    ['2024-06-12 10:17:40', '2024-06-12T10:17:40'],
    ['Updated: 2024/6/2 9:05', '2024-06-02T09:05'],
    ['June 12, 2024', '2024-06-12'],
    ['Jun. 12 2024, 3:04 PM', '2024-06-12T15:04'],
    ['12 June 2024 at 12:30 am', '2024-06-12T00:30'],
    ['Sept 3rd, 2021', '2021-09-03'],
    ['2024年6月12日 10:17', '2024-06-12T10:17'],
    ['no date here', null],
    ['06/12/2024', null],
    ['2024-13-40', null],
  ])('%s → %s', (text, expected) => {
    expect(parseDateText(text)).toBe(expected);
  });
});

describe('normalizeDate', () => {
  it.each([
    ['2024-06-12T10:17:40+08:00', '2024-06-12T10:17:40+08:00'],
    ['2024-06-12T10:17:40.123Z', '2024-06-12T10:17:40.123Z'],
    ['2024-06-12 10:17:40', '2024-06-12T10:17:40'],
    ['2021-11-01T10:52:50+0100', '2021-11-01T10:52:50+01:00'],
    ['2024-06-12', '2024-06-12'],
    ['June 12, 2024', '2024-06-12'],
    ['', null],
    ['garbage', null],
  ])('%s → %s', (value, expected) => {
    expect(normalizeDate(value)).toBe(expected);
  });
});

describe('toPlainText', () => {
  const textOf = (html: string) => {
    const page = parseHtml(`<html><body><div id="r">${html}</div></body></html>`, 'https://example.com/');
    try {
      return toPlainText(page.document.getElementById('r')!);
    } finally {
      void page.close();
    }
  };

  it('never includes script or style text', () => {
    expect(textOf('<p>a<script>var x = 1;</script><style>p{}</style>b</p>')).toBe('ab');
  });

  it('keeps the paragraph invariants for any nesting (property)', () => {
    const block = fc.constantFrom('p', 'div', 'li', 'h2', 'blockquote', 'span', 'b', 'td');
    const node: fc.Arbitrary<string> = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.stringMatching(/^[a-z \n\t]{0,12}$/),
        fc.tuple(block, fc.array(tie('node'), { maxLength: 3 })).map(([tag, kids]) => `<${tag}>${kids.join('')}</${tag}>`),
      ),
    })).node as fc.Arbitrary<string>;
    fc.assert(
      fc.property(fc.array(node, { maxLength: 4 }), (parts) => {
        const text = textOf(parts.join(''));
        expect(text).not.toMatch(/\n{3,}|^\s|\s$|[ \t]{2}|\t| \n|\n /);
        if (text !== '') for (const p of text.split('\n\n')) expect(p.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });
});

describe('countWords, readingMinutes, hashText', () => {
  it('counts words, including CJK characters one each', () => {
    expect(countWords("It's a well-known fact: 3.5 percent.")).toBe(6);
    expect(countWords('科技日报 reports')).toBe(5);
    expect(countWords('')).toBe(0);
  });

  it('rounds reading time at 230 wpm with a minimum of 1', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(344)).toBe(1);
    expect(readingMinutes(346)).toBe(2);
    expect(readingMinutes(2300)).toBe(10);
  });

  it('hashes UTF-8 text with SHA-256', () => {
    expect(hashText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashText('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('gives the same hash as Web Crypto for any text (lone surrogates, astral characters, block boundaries)', async () => {
    const webCrypto = async (text: string) =>
      Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))).toString('hex');
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ minLength: 50, maxLength: 130 })), async (text) => {
        expect(hashText(text)).toBe(await webCrypto(text));
      }),
      { numRuns: 300 },
    );
    // Padding edges (55/56/64 bytes) and encoder edge cases, named.
    for (const text of ['a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(1000), '\ud800 lone', '😀 astral', '科技日报']) {
      expect(hashText(text), JSON.stringify(text)).toBe(await webCrypto(text));
    }
  });
});
