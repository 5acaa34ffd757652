import type { ElementsByTag } from './dom-guards';
import { parseDateText } from './parse-date-text';

/** What the lines right under (or just above) the headline say: the dateline, a credited source, a byline. */
export interface TitleArea {
  /** ISO 8601 date-time from a `<time datetime>` or dateline text, or null. */
  date: string | null;
  /** Text after a "Source:" / "来源：" label, or "". */
  source: string;
  /** Text after an "Author:" / "By" / "作者：" label, or "". */
  author: string;
}

const SOURCE_LABEL = /(?:^|[\s|｜丨/])(?:source|sources|来源|來源|出处|quelle|fuente|fonte|источник)\s*[:：]\s*([^|｜丨\n]+)/i;
const AUTHOR_LABEL = /(?:^|[\s|｜丨/])(?:author|authors|written by|作者|记者|記者|autor|auteur)\s*[:：]\s*([^|｜丨\n]+)/i;
const BY_LINE = /^\s*by\s+([\p{Lu}][^|｜丨\n]{1,80})$/iu;

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'table', 'figure', 'aside', 'svg']);

/** Stop after this much text: beyond it we are in the article body, where dates are about events. */
const MAX_CHARS = 400;
const MAX_NODES = 80;

/**
 * Scans the text that follows the page's headline (the `<h1>` that matches `title`, else the first `<h1>`) for a
 * visible dateline, a "Source:" credit and an "Author:" label. Only the title area is read: dates elsewhere on
 * the page (today's date in a top bar, dates in a sidebar) say nothing about this article.
 */
export function scanTitleArea(byTag: ElementsByTag, title: string): TitleArea {
  const result: TitleArea = { date: null, source: '', author: '' };
  const heading = findHeading(byTag('h1'), title);
  if (!heading) return result;
  let chars = 0;
  let count = 0;
  let node: Node | null = nextOutside(heading);
  while (node && chars < MAX_CHARS && count++ < MAX_NODES) {
    if (node.nodeType === 1) {
      const el = node as Element;
      const tag = el.localName;
      // Tables (infoboxes: "Founded February 28, 1998"), figures and asides hold data, not the dateline.
      if (SKIP.has(tag)) {
        node = nextOutside(el);
        continue;
      }
      if (/^h[1-3]$/.test(tag)) break; // the next heading starts another block
      if (tag === 'time' && !result.date) {
        result.date = timeValue(el);
      }
      if (tag === 'p' && (el.textContent ?? '').length > 200) break; // body text has started
      node = nextNode(el);
      continue;
    }
    if (node.nodeType === 3) {
      const text = (node.nodeValue ?? '').replace(/\s+/g, ' ').trim();
      if (text) {
        chars += text.length;
        if (!result.date) result.date = parseDateText(text);
        if (!result.source) result.source = cleanLabel(SOURCE_LABEL.exec(text)?.[1]);
        if (!result.author) result.author = cleanLabel(AUTHOR_LABEL.exec(text)?.[1] ?? BY_LINE.exec(text)?.[1]);
      }
    }
    node = nextNode(node);
  }
  return result;
}

function findHeading(headings: readonly Element[], title: string): Element | null {
  if (headings.length === 0) return null;
  const want = squash(title);
  if (want) {
    for (let i = 0; i < headings.length; i++) {
      const h = headings[i]!;
      const text = squash(h.textContent ?? '');
      if (text && (text === want || want.includes(text) || text.includes(want))) return h;
    }
  }
  return headings[0] ?? null;
}

function timeValue(el: Element): string | null {
  const attr = el.getAttribute('datetime');
  if (attr) {
    const iso = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i.exec(attr.trim());
    if (iso) return iso[0].replace(' ', 'T').replace(/\.\d+/, '');
  }
  return parseDateText(el.textContent ?? '');
}

function cleanLabel(value: string | undefined): string {
  if (!value) return '';
  // A label's value ends where the next label or a date begins ("Source: X 2024-06-12").
  const cut = value.split(/\s{2,}|\s(?=\d{4}[-/.年])|\s(?:author|source|editor|作者|来源|编辑)\s*[:：]/i)[0] ?? '';
  const cleaned = cut.replace(/[\s,;.·•]+$/u, '').trim();
  return cleaned.length <= 60 ? cleaned : '';
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Next node in document order, descending into children. */
function nextNode(node: Node): Node | null {
  return node.firstChild ?? nextOutside(node);
}

/** Next node in document order after `node` and its subtree. */
function nextOutside(node: Node): Node | null {
  let n: Node | null = node;
  while (n) {
    if (n.nextSibling) return n.nextSibling;
    n = n.parentNode;
  }
  return null;
}
