import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

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

/**
 * Words in plain text: runs of letters/digits (inner apostrophes, hyphens, dots and commas keep a word whole:
 * "don't", "well-known", "3.5", "R&D"), plus one word per CJK character (those scripts use no spaces). One pass, no regex
 * allocation: it runs on every capture.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isCjk(c)) {
      count++;
      inWord = false;
    } else if (isWordChar(c)) {
      if (!inWord) count++;
      inWord = true;
    } else if (inWord && isJoiner(c) && i + 1 < text.length && isWordChar(text.charCodeAt(i + 1))) {
      // stays in the word
    } else {
      inWord = false;
    }
  }
  return count;
}

function isCjk(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xac00 && c <= 0xd7af);
}

/** Letters and digits: ASCII fast path, then anything above Latin-1 punctuation that is not a space or CJK. */
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c === 0xa0 || (c >= 0x2000 && c <= 0x206f) || c === 0x3000 || (c >= 0x3000 && c <= 0x303f)) return false;
  if (c >= 0xa1 && c <= 0xbf) return false; // Latin-1 punctuation and symbols
  return c !== 0xd7 && c !== 0xf7;
}

/** Characters that join two word parts: ' ’ - ‐ . , & / _ ("R&D", "and/or") */
function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 45 || c === 0x2010 || c === 0x2011 || c === 46 || c === 44 ||
    c === 38 || c === 47 || c === 95;
}

/** Reading time in whole minutes at 230 words a minute, at least 1. */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / 230));
}

/**
 * Hex SHA-256 of the UTF-8 text. Synchronous (@noble/hashes): Web Crypto's digest is a promise answered from another
 * thread, and that round trip cost a capture more than hashing a long article does.
 */
export function hashText(text: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(text)));
}
