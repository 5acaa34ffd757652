/** Elements that start a new paragraph in the plain text. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'center',
]);
const CELL = new Set(['td', 'th']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'math']);

/**
 * Plain text of a DOM subtree in one walk: each block element starts a paragraph, paragraphs are separated by
 * one blank line ("\n\n"), whitespace inside a paragraph collapses to single spaces, table cells are separated by
 * a space, and script/style text is never included.
 */
export function toPlainText(root: Node): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const p = current.replace(/[ \t\n\r\f\u00a0\u200b]+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      const type = child.nodeType;
      if (type === 3) {
        current += child.nodeValue ?? '';
      } else if (type === 1) {
        const tag = (child as Element).localName;
        if (SKIP.has(tag)) continue;
        if (BLOCK.has(tag)) {
          flush();
          walk(child);
          flush();
        } else {
          if (CELL.has(tag)) current += ' ';
          walk(child);
          if (CELL.has(tag)) current += ' ';
        }
      }
    }
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

/** Words in plain text: whitespace-separated tokens, plus one per CJK character (those scripts use no spaces). */
export function countWords(text: string): number {
  let count = 0;
  const cjk = text.match(/[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/g);
  if (cjk) count += cjk.length;
  const rest = cjk ? text.replace(/[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/g, ' ') : text;
  const tokens = rest.match(/[^\s\p{P}]+(?:[\p{P}][^\s\p{P}]+)*/gu);
  if (tokens) count += tokens.length;
  return count;
}

/** Reading time in whole minutes at 230 words a minute, at least 1. */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / 230));
}

/** Hex SHA-256 of the UTF-8 text (Web Crypto: browsers and Node ≥ 19). */
export async function hashText(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const bytes = new Uint8Array(digest);
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += bytes[i]!.toString(16).padStart(2, '0');
  return hex;
}
