/**
 * A small, careful HTML → Markdown (CommonMark + GFM tables/strikethrough) converter for sanitized article HTML.
 * It walks a DOM (the browser's, or linkedom/happy-dom in Node) and never copies raw HTML into the output:
 * every text character Markdown could read as syntax — including `<` and `&`, which many renderers would turn
 * into live HTML — is backslash-escaped, and only http(s)/mailto/tel URLs become links or images.
 */

/** What the converter needs from a parsed document: a body to walk. */
export type ParseHtml = (html: string) => { body: Node | null };

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'dialog', 'dd', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'ul', 'tbody', 'thead', 'tfoot', 'tr',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'head', 'button', 'select', 'textarea', 'input']);
const SAFE_URL = /^(?:https?:|mailto:|tel:)/i;

/** Escapes text so Markdown shows it literally. */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~]/g, '\\$&')
    // Only an entity-looking & would be decoded by a renderer.
    .replace(/&(?=#?\w+;)/g, '\\&');
}

/** Escapes what is special only at the start of a line (list markers, headings, quotes, thematic breaks). */
function escapeLineStart(line: string): string {
  return line
    .replace(/^(\s*)([-=+#])(?=\s|$|[-=#])/, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])(?=\s|$)/, '$1$2\\$3');
}

function safeUrl(raw: string | null): string | null {
  if (!raw) return null;
  const url = raw.trim();
  if (!SAFE_URL.test(url) || /[\u0000-\u001f]/.test(url)) return null;
  // Angle-bracket destinations allow spaces and parentheses; only < > and newlines must be escaped there.
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, (c) => encodeURIComponent(c))}>` : url;
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\n/g, ' ')}${pad}${fence}`;
}

function localName(node: Node): string {
  return (node as Element).localName?.toLowerCase() ?? node.nodeName.toLowerCase();
}

interface Ctx {
  /** Inside <pre>: keep whitespace, no escaping. */
  pre: boolean;
  listDepth: number;
}

function inline(node: Node, ctx: Ctx): string {
  if (node.nodeType === 3) {
    const text = node.nodeValue ?? '';
    return ctx.pre ? text : escapeMarkdownText(text.replace(/\s+/g, ' '));
  }
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  const name = localName(el);
  if (SKIP.has(name)) return '';
  const children = (): string => Array.from(el.childNodes, (c) => inline(c, ctx)).join('');
  switch (name) {
    case 'br':
      return '\\\n';
    case 'strong':
    case 'b':
      return wrap(children(), '**');
    case 'em':
    case 'i':
    case 'cite':
      return wrap(children(), '*');
    case 'del':
    case 's':
    case 'strike':
      return wrap(children(), '~~');
    case 'code':
    case 'kbd':
    case 'samp':
      return ctx.pre ? (el.textContent ?? '') : codeSpan(el.textContent ?? '');
    case 'a': {
      const text = children().trim();
      const href = safeUrl(el.getAttribute('href'));
      if (!href) return text;
      const title = el.getAttribute('title');
      const titlePart = title ? ` "${title.replace(/["\\]/g, '\\$&').replace(/\s+/g, ' ')}"` : '';
      return `[${text || escapeMarkdownText(el.getAttribute('href') ?? '')}](${href}${titlePart})`;
    }
    case 'img': {
      const src = safeUrl(el.getAttribute('src'));
      if (!src) return '';
      const alt = escapeMarkdownText((el.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim());
      return `![${alt}](${src})`;
    }
    default:
      if (BLOCK.has(name)) return ` ${blocks(el, ctx).join(' ')} `;
      return children();
  }
}

function wrap(text: string, mark: string): string {
  const trimmed = text.trim();
  if (!trimmed) return text;
  const lead = text.startsWith(' ') ? ' ' : '';
  const trail = text.endsWith(' ') ? ' ' : '';
  return `${lead}${mark}${trimmed}${mark}${trail}`;
}

/** Converts the children of `parent` to a list of Markdown blocks. */
function blocks(parent: Node, ctx: Ctx): string[] {
  const out: string[] = [];
  let run = '';
  const flush = (): void => {
    const text = run.replace(/[ \t]+\n/g, '\n').trim();
    if (text) out.push(text.split('\n').map(escapeLineStart).join('\n'));
    run = '';
  };
  for (const child of Array.from(parent.childNodes)) {
    const name = child.nodeType === 1 ? localName(child) : '';
    if (child.nodeType === 1 && SKIP.has(name)) continue;
    if (child.nodeType === 1 && BLOCK.has(name)) {
      flush();
      out.push(...block(child as Element, ctx));
    } else {
      run += inline(child, ctx);
    }
  }
  flush();
  return out;
}

function block(el: Element, ctx: Ctx): string[] {
  const name = localName(el);
  // One-line contexts (headings): a <br> becomes a space, not a hard break.
  const inlineText = (): string => Array.from(el.childNodes, (c) => inline(c, ctx)).join('').replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim();
  switch (name) {
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': {
      const text = inlineText();
      return text ? [`${'#'.repeat(Number(name[1]))} ${text}`] : [];
    }
    case 'p':
    case 'summary':
    case 'dt':
    case 'figcaption': {
      const parts = blocks(el, ctx);
      return name === 'figcaption' ? parts.map((p) => `*${p}*`) : parts;
    }
    case 'hr':
      return ['---'];
    case 'pre': {
      const text = (el.textContent ?? '').replace(/\n$/, '');
      const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((r) => r.length));
      const fence = '`'.repeat(longest + 1);
      return [`${fence}\n${text}\n${fence}`];
    }
    case 'blockquote': {
      const inner = blocks(el, ctx).join('\n\n');
      return inner ? [inner.split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n')] : [];
    }
    case 'ul':
    case 'ol':
      return [list(el, ctx, name === 'ol')].filter(Boolean);
    case 'li':
      return blocks(el, ctx);
    case 'table':
      return [table(el, ctx)].filter(Boolean);
    default:
      return blocks(el, ctx);
  }
}

function list(el: Element, ctx: Ctx, ordered: boolean): string {
  const start = Number(el.getAttribute('start') ?? '1');
  let n = Number.isFinite(start) ? start : 1;
  const items: string[] = [];
  for (const li of Array.from(el.children)) {
    if (localName(li) !== 'li') continue;
    const marker = ordered ? `${n++}. ` : '- ';
    const body = blocks(li, { ...ctx, listDepth: ctx.listDepth + 1 }).join('\n\n');
    const indent = ' '.repeat(marker.length);
    const lines = (body || '').split('\n').map((l, i) => (i === 0 ? marker + l : l ? indent + l : ''));
    items.push(lines.join('\n'));
  }
  return items.join('\n');
}

function table(el: Element, ctx: Ctx): string {
  const rows = Array.from(el.querySelectorAll('tr'));
  if (rows.length === 0) return '';
  const cells = rows.map((tr) =>
    Array.from(tr.children)
      .filter((c) => localName(c) === 'td' || localName(c) === 'th')
      .map((c) => Array.from(c.childNodes, (n) => inline(n, ctx)).join('').replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')),
  );
  const width = Math.max(1, ...cells.map((r) => r.length));
  const line = (r: string[]): string => `| ${Array.from({ length: width }, (_, i) => r[i] ?? '').join(' | ')} |`;
  const [head, ...rest] = cells;
  return [line(head ?? []), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...rest.map(line)].join('\n');
}

export interface HtmlToMarkdownOptions {
  /** Parses HTML into a document; default: the global DOMParser (browser, happy-dom). */
  parseHtml?: ParseHtml;
}

function defaultParse(html: string): { body: Node | null } {
  const Parser = (globalThis as { DOMParser?: new () => { parseFromString(s: string, t: string): Document } }).DOMParser;
  if (!Parser) throw new Error('htmlToMarkdown needs a DOMParser (pass options.parseHtml outside the browser)');
  return new Parser().parseFromString(html, 'text/html');
}

/** Converts (sanitized) article HTML to Markdown; the result ends with one newline, or is "" for empty input. */
export function htmlToMarkdown(html: string, { parseHtml = defaultParse }: HtmlToMarkdownOptions = {}): string {
  const doc = parseHtml(`<!DOCTYPE html><html><body>${html}</body></html>`);
  if (!doc.body) return '';
  const md = blocks(doc.body, { pre: false, listDepth: 0 }).join('\n\n').trim();
  return md ? md + '\n' : '';
}
