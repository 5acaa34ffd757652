/**
 * Finds quotations in article text. Curly (“…”, „…”, «…») and straight ("…") double quotes are paired
 * within a paragraph; a quote still open at a paragraph's end runs to that end (news style for
 * quotations across several paragraphs, where each paragraph reopens the quote).
 */
import type { TextSpan } from './text-units';

export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark, or the paragraph end when the quote is left open. */
  end: number;
  /** The quoted content (without marks). */
  contentStart: number;
  contentEnd: number;
  closed: boolean;
}

const OPENING = new Set(['“', '„', '«']);
const CLOSING = new Set(['”', '»']);

/** All double-quote quotations, in text order, each inside one paragraph. */
export function findQuotes(text: string, paragraphs: readonly TextSpan[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  for (const para of paragraphs) {
    let openAt = -1;
    for (let i = para.start; i < para.end; i++) {
      const ch = text[i] ?? '';
      const prev = i > para.start ? (text[i - 1] ?? ' ') : ' ';
      let isOpen = OPENING.has(ch);
      let isClose = CLOSING.has(ch);
      if (ch === '"') {
        // A straight quote opens after a space or bracket and closes otherwise.
        if (openAt < 0 && (/[\s([{\u2014\u2013\-/:]/u.test(prev) || i === para.start)) isOpen = true;
        else if (openAt >= 0) isClose = true;
      }
      if (isClose && openAt >= 0) {
        out.push({ open: openAt, end: i + 1, contentStart: openAt + 1, contentEnd: i, closed: true });
        openAt = -1;
      } else if (isOpen && openAt < 0) {
        openAt = i;
      }
    }
    if (openAt >= 0) {
      out.push({ open: openAt, end: para.end, contentStart: openAt + 1, contentEnd: para.end, closed: false });
    }
  }
  return out;
}
