/**
 * `splitSentences` with a one-entry memo, so the extractors that run one after another on the same
 * article (topics, then summary) split it once. The memo is a pure-function cache: same input, same
 * output, nothing else observable; it holds only the last text. Callers must not mutate the result.
 */
import { splitSentences, type TextSpan } from './text-units';

let lastText: string | undefined;
let lastSentences: readonly TextSpan[] = [];

/** The sentences of `text` (as `splitSentences`), shared between callers. */
export function sentencesOf(text: string): readonly TextSpan[] {
  if (text !== lastText) {
    lastSentences = splitSentences(text);
    lastText = text;
  }
  return lastSentences;
}
