/**
 * ClipShelf's on-device analysis engine: who said what, key topics and a short summary.
 * Pure TypeScript (no DOM, browser APIs, storage, clock or randomness): runs unchanged in Node and a Worker.
 */
import type { Analysis, AnalysisInput } from '../model';
import { detectLanguage } from './detect-language';
import { extractSpeakers } from './extract-speakers';
import { extractTopics } from './extract-topics';
import { summarize } from './summarize';

export { extractSpeakers } from './extract-speakers';
export { extractTopics } from './extract-topics';
export { summarize } from './summarize';
export { detectLanguage } from './detect-language';
export { splitParagraphs, splitSentences, tokenizeWords, STOPWORDS } from './text-units';
export type { TextSpan } from './text-units';

/** Analyses one article: speakers with their statements, topics and a summary. */
export function analyzeArticle(input: AnalysisInput): Analysis {
  const lang = detectLanguage(input.text, input.lang);
  const withLang: AnalysisInput = { ...input, lang };
  return {
    speakers: extractSpeakers(withLang),
    topics: extractTopics(withLang),
    summary: summarize(withLang),
    lang,
  };
}
