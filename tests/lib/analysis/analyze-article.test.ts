import { describe, expect, it } from 'vitest';
import { analyzeArticle, detectLanguage } from '../../../lib/analysis';

describe('analyzeArticle', () => {
  it('composes speakers, topics and a summary and reports the language', () => {
    const text =
      'The city council approved a new flood barrier on Monday after a decade of debate.\n\n' +
      'Mayor Linda Okafor said the barrier would protect four thousand homes along the river. ' +
      '"We have waited long enough," she said.\n\nConstruction starts in the spring and will take three years.';
    const a = analyzeArticle({ text, title: 'Council approves flood barrier', lang: 'en-GB', authors: ['Sam Writer'] });
    expect(a.lang).toBe('en');
    expect(a.speakers.map((s) => s.name)).toEqual(['Linda Okafor']);
    expect(Array.isArray(a.topics)).toBe(true);
    expect(typeof a.summary).toBe('string');
  });

  it('reports no speakers for text that is not English', () => {
    const text = 'Le maire a déclaré que la digue protégerait quatre mille maisons. « Nous avons assez attendu », a-t-elle dit.';
    const a = analyzeArticle({ text, lang: 'fr' });
    expect(a.lang).toBe('fr');
    expect(a.speakers).toEqual([]);
    expect(analyzeArticle({ text, lang: 'en' }).speakers).toEqual([]);
  });
});

describe('detectLanguage', () => {
  it('trusts the text over a wrong declaration and keeps other declared languages', () => {
    expect(detectLanguage('The minister said that the plan was on track and that it would be finished.', 'fr')).toBe('en');
    expect(detectLanguage('Der Minister sagte, der Plan sei auf Kurs.', 'de-DE')).toBe('de');
    expect(detectLanguage('科技日报记者报道', 'zh-CN')).toBe('zh');
    expect(detectLanguage('', '')).toBe('');
  });
});
