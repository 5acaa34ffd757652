/*
 * The reader's statement marks: finds each statement in the rendered article and wraps it in <mark> elements.
 * The HTML it works on is sanitized before it reaches components (lib/messaging prepareReaderHtml, which uses the one
 * audited DOMPurify helper, lib/capture sanitizeArticle); components never import DOMPurify.
 */

/** One statement to mark in the rendered article. */
export interface StatementMark {
  /** The id the first <mark> gets (the speaker panel links to `#id`). */
  id: string;
  /** The statement text as in `ArticleContent.text`. */
  text: string;
  /** Offset of the statement in the plain text; picks the right occurrence when the text repeats. */
  start: number;
}

// Curly quotes and apostrophes compare equal to straight ones; one char to one char, so offsets stay aligned.
const FOLD: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201C': '"', '\u201D': '"', '\u00AB': '"', '\u00BB': '"' };
const foldChar = (c: string): string => FOLD[c] ?? c.toLowerCase();
const isSpace = (c: string): boolean => /\s/u.test(c);

interface Position {
  node: Text;
  offset: number;
}

/** The article's visible characters without whitespace, with where each one sits in the DOM. */
function indexText(root: Element): { chars: string; positions: Position[] } {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let chars = '';
  const positions: Position[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node instanceof Text)) continue;
    const data = node.data;
    for (let i = 0; i < data.length; i++) {
      const c = data[i]!;
      if (isSpace(c)) continue;
      chars += foldChar(c);
      positions.push({ node, offset: i });
    }
  }
  return { chars, positions };
}

function squeeze(text: string): string {
  let out = '';
  for (const c of text) if (!isSpace(c)) out += foldChar(c);
  return out;
}

/** The occurrence of `needle` nearest to `expected`, or -1. */
function findNearest(haystack: string, needle: string, expected: number): number {
  let best = -1;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    if (best === -1 || Math.abs(at - expected) < Math.abs(best - expected)) best = at;
  }
  return best;
}

/** Wraps the DOM text between two positions (end inclusive) in <mark> elements, one per text node. */
function wrapRange(root: Element, from: Position, to: Position, id: string): void {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Text[] = [];
  let inside = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node === from.node) inside = true;
    if (inside && node instanceof Text) nodes.push(node);
    if (node === to.node) break;
  }
  nodes.forEach((node, i) => {
    const start = node === from.node ? from.offset : 0;
    const end = node === to.node ? to.offset + 1 : node.data.length;
    if (end <= start) return;
    let target = node;
    if (end < target.data.length) target.splitText(end);
    if (start > 0) target = target.splitText(start);
    const mark = doc.createElement('mark');
    mark.className = 'clip-statement';
    mark.dataset.statement = id;
    if (i === 0) {
      mark.id = id;
      mark.tabIndex = -1;
    }
    target.parentNode?.insertBefore(mark, target);
    mark.appendChild(target);
  });
}

/**
 * Finds each statement in the rendered article (whitespace-insensitive, nearest to its text offset) and wraps it
 * in <mark id=…>. A statement not found in full is marked by its first 60 characters. Returns the ids marked.
 */
export function markStatements(root: Element, statements: readonly StatementMark[], textLength: number): Set<string> {
  const marked = new Set<string>();
  for (const statement of statements) {
    const needle = squeeze(statement.text);
    if (!needle) continue;
    const { chars, positions } = indexText(root);
    const expected = textLength > 0 ? Math.round((statement.start / textLength) * chars.length) : 0;
    let at = findNearest(chars, needle, expected);
    let length = needle.length;
    if (at === -1 && needle.length > 60) {
      length = 60;
      at = findNearest(chars, needle.slice(0, length), expected);
    }
    if (at === -1) continue;
    const from = positions[at];
    const to = positions[at + length - 1];
    if (!from || !to) continue;
    wrapRange(root, from, to, statement.id);
    marked.add(statement.id);
  }
  return marked;
}
