import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../lib/analysis';
import { captureHtml } from '../../../lib/capture/node';
import type { Analysis, CapturedArticle } from '../../../lib/model';

// The seed article: no quotation marks, five speakers, twelve statements (gold: ../shared/bench/speakers-dev).
const page = resolve(__dirname, '../../../../shared/fixtures/pages/stdaily-trilateral-summit.html');

const expected: Record<string, { role: string; statements: string[] }> = {
  'Yan Liang': {
    role: 'deputy secretary-general of the Trilateral Cooperation Secretariat',
    statements: ['the joint declaration reaffirms the significance of revitalizing cooperation', 'the secretariat will work closely with all parties'],
  },
  'Osamu Onodera': {
    role: "regional representative of Japan External Trade Organization (JETRO) in Northeast Asia and chief representative of JETRO's Beijing office",
    statements: ['the trilateral summit serves as a pivotal mechanism', 'the revival of the summit presents a golden opportunity'],
  },
  'Haeng-A Seo': {
    role: 'chief representative of the China-Korea Science and Technology Cooperation Center',
    statements: ['the ROK is dedicated to enhancing technological cooperation with China', 'Both sides can play an important role'],
  },
  'Ni Yueju': {
    role: 'a researcher at the Chinese Academy of Social Sciences',
    statements: ['the three countries can deepen cooperation', 'strengthening cooperation at the governmental, intermediary, and corporate levels'],
  },
  'Nam Eunyoung': {
    role: 'Professor from Dongguk University in the ROK',
    statements: [
      'The ROK and China should bolster cooperation in high-tech sectors',
      "China's proactive measures to advance AI semiconductor development",
      'the importance of setting global AI technology standards',
      'both countries collaborate to establish new AI technology standards',
    ],
  },
};

describe('seed article (captured from the real HTML)', () => {
  let captured: CapturedArticle;
  let analysis: Analysis;
  beforeAll(async () => {
    captured = await captureHtml(readFileSync(page, 'utf8'), { url: 'https://example.org/stdaily-trilateral-summit' });
    analysis = analyzeArticle({ text: captured.text, title: captured.title, lang: captured.lang, authors: captured.authors });
  });

  it('finds exactly the five speakers, with full names and roles', () => {
    const people = analysis.speakers.filter((s) => s.kind === 'person');
    expect(people.map((s) => s.name).sort()).toEqual(Object.keys(expected).sort());
    for (const s of people) expect(s.role).toBe(expected[s.name]?.role);
    expect(analysis.lang).toBe('en');
  });

  it('finds all twelve statements, each for the right speaker', () => {
    let found = 0;
    for (const [name, { statements }] of Object.entries(expected)) {
      const s = analysis.speakers.find((x) => x.name === name);
      for (const snippet of statements) {
        expect(s?.statements.some((st) => st.text.includes(snippet)), `${name}: ${snippet}`).toBe(true);
        found++;
      }
    }
    expect(found).toBe(12);
    expect(analysis.speakers.flatMap((s) => s.statements)).toHaveLength(12);
  });

  it('merges name forms and never reports the byline author', () => {
    const nam = analysis.speakers.find((s) => s.name === 'Nam Eunyoung');
    expect(nam?.aliases).toEqual(expect.arrayContaining(['Nam', 'Professor Nam Eunyoung']));
    for (const author of captured.authors) expect(analysis.speakers.some((s) => s.name === author)).toBe(false);
  });

  it('gives offsets into the captured text', () => {
    for (const st of analysis.speakers.flatMap((s) => s.statements)) expect(captured.text.slice(st.start, st.end)).toBe(st.text);
  });
});
