import createDOMPurify, { type DOMPurify, type WindowLike } from 'dompurify';

/** Tags that never belong in a stored article: active content, embeds, forms and document-level elements. */
const FORBID_TAGS = [
  'script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'form', 'input', 'button', 'select', 'option', 'optgroup', 'textarea', 'fieldset', 'legend', 'label', 'output',
  'dialog', 'template', 'slot', 'noscript', 'portal', 'canvas',
];
const FORBID_ATTR = ['style', 'class', 'id', 'srcdoc', 'formaction', 'action', 'ping', 'background', 'poster'];
const URL_ATTRS = ['href', 'src', 'cite', 'longdesc'];
const SAFE_PROTOCOL = /^(?:https?|mailto|tel):/i;
const ABSOLUTE_HTTP = /^https?:\/\/[^\s\\\u0000-\u001f]+$/i;

const CONFIG = {
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
};

type Mode = 'in-place' | 'dom';
const purifiers = new WeakMap<object, Partial<Record<Mode, DOMPurify>>>();
let currentBase = '';

/**
 * Up to two DOMPurify instances per window (in place, and string → DOM), each configured once with `setConfig`:
 * parsing the config on every call costs about as much as sanitizing a short article (it rebuilds allow-lists).
 */
function getPurifier(view: WindowLike, mode: Mode): DOMPurify {
  let pair = purifiers.get(view);
  if (!pair) purifiers.set(view, (pair = {}));
  let purify = pair[mode];
  if (!purify) {
    // Created on first use: a Node capture has a fresh window each time and needs only the in-place one.
    purify = createPurifier(view, mode);
    pair[mode] = purify;
  }
  return purify;
}

function createPurifier(view: WindowLike, mode: Mode): DOMPurify {
  const purify = createDOMPurify(view);
  if (!purify.isSupported) {
    // DOMPurify returns input unchanged when unsupported (linkedom): never let that through silently.
    throw new Error('DOMPurify is not supported by this DOM implementation; refusing to store unsanitized HTML');
  }
  purify.addHook('afterSanitizeAttributes', (node) => {
    // Most article elements (p, em, li …) have no attributes left: skip them before any lookup.
    if (node.nodeType !== 1 || !(node as Element).hasAttributes()) return;
    const el = node as Element;
    for (const attr of URL_ATTRS) {
      const value = el.getAttribute(attr);
      if (value === null) continue;
      const resolved = resolveUrl(value, attr === 'src' && el.localName === 'img');
      if (resolved === null) el.removeAttribute(attr);
      else if (resolved !== value) el.setAttribute(attr, resolved);
    }
    const srcset = el.getAttribute('srcset');
    if (srcset !== null) {
      const resolved = resolveSrcset(srcset);
      if (resolved) el.setAttribute('srcset', resolved);
      else el.removeAttribute('srcset');
    }
    if (el.localName === 'a' && el.hasAttribute('href')) {
      el.setAttribute('rel', 'noopener noreferrer');
    }
  });
  purify.setConfig(mode === 'in-place' ? { ...CONFIG, IN_PLACE: true } : { ...CONFIG, RETURN_DOM: true });
  // Some DOMs claim support and still sanitize nothing (happy-dom 21: Node.prototype.nodeName is undefined, so
  // DOMPurify recognizes no element). One canary per window, through this instance as configured, proves this one
  // works. It is built with DOM calls, not parsed from a string: in jsdom (a new window per captured page) parsing
  // would cost more than sanitizing a short article. Never inserted, so nothing in it loads or runs.
  // No on* attribute in it: Chromium reports every parsed inline handler as a CSP violation on extension pages.
  if (!canarySurvives(purify, view)) {
    throw new Error('DOMPurify does not sanitize in this DOM implementation; refusing to store unsanitized HTML');
  }
  return purify;
}

/** `<h2>a</h2><p>b<script>x()</script></p><iframe></iframe><p>c<a href="javascript:x()">d</a></p>`, sanitized. */
function canarySurvives(purify: DOMPurify, view: WindowLike): boolean {
  const doc = view.document;
  if (!doc) return false;
  const make = (tag: string, ...children: (Node | string)[]): Element => {
    const el = doc.createElement(tag);
    el.append(...children);
    return el;
  };
  const link = make('a', 'd');
  link.setAttribute('href', 'javascript:x()');
  const root = make('div', make('h2', 'a'), make('p', 'b', make('script', 'x()')), make('iframe'), make('p', 'c', link));
  let sanitized: Element;
  try {
    // The instance's configuration wins over these options: in place, `root` itself comes back; otherwise the
    // <body> DOMPurify copied it into. Anything else leaves `root` unsanitized, and the check fails.
    const result = purify.sanitize(root, { ...CONFIG, RETURN_DOM: true }) as Element | null;
    sanitized = result === root ? root : (result?.firstElementChild ?? root);
  } catch {
    return false; // DOMPurify refuses a root it cannot recognize
  }
  return sanitized.innerHTML === '<h2>a</h2><p>b</p><p>c<a>d</a></p>';
}

/**
 * Sanitizes article content with DOMPurify (one instance per window): no scripts, event handlers, styles, forms,
 * iframes or embeds; links and images keep only safe http(s)/mailto/tel (and `data:` images) URLs, made absolute
 * against `base`.
 *
 * An element made with `view`'s DOM classes is sanitized in place (no serialize/parse round trip) and returned;
 * a string, or an element from another DOM implementation, is parsed by DOMPurify and its `<body>` returned.
 */
export function sanitizeArticle(content: string | Element, view: WindowLike, base: string): Element {
  currentBase = base;
  try {
    if (typeof content !== 'string' && FORBIDDEN_ROOTS.has(content.localName)) {
      // DOMPurify refuses to sanitize a forbidden root in place (a <frameset> "body"): nothing of it may be kept.
      return emptyBody(view);
    }
    if (typeof content !== 'string' && madeBy(content, view)) {
      // The options repeat the instance's setConfig (which wins) for the typed overload.
      getPurifier(view, 'in-place').sanitize(content, { ...CONFIG, IN_PLACE: true });
      return content;
    }
    const html = typeof content === 'string' ? content : content.innerHTML;
    const body = getPurifier(view, 'dom').sanitize(html, { ...CONFIG, RETURN_DOM: true });
    // RETURN_DOM gives the <body> DOMPurify parsed into (documented), or null when the HTML parses into a document
    // without one (it starts with <frameset>, which is forbidden anyway): then there is nothing to keep.
    if (!body) return emptyBody(view);
    if (body.nodeType !== 1) throw new Error('DOMPurify returned no element');
    return body as Element;
  } finally {
    currentBase = '';
  }
}

const FORBIDDEN_ROOTS = new Set(FORBID_TAGS);

function emptyBody(view: WindowLike): Element {
  if (!view.document) throw new Error('DOMPurify needs a window with a document');
  return view.document.createElement('body');
}

/** Whether `el` is an instance of `view`'s DOM classes (DOMPurify can only work in place within its realm). */
function madeBy(el: Element, view: WindowLike): boolean {
  return el instanceof view.Element;
}

/** Absolute URL, or null when the URL is unsafe. Same-page fragments stay as they are. */
function resolveUrl(value: string, allowDataImage: boolean): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (trimmed.startsWith('#')) return trimmed;
  // Already absolute http(s) without spaces or controls (Readability made most links so): nothing to resolve.
  if (ABSOLUTE_HTTP.test(trimmed)) return trimmed;
  if (allowDataImage && /^data:image\/(?:png|gif|jpe?g|webp|avif)[;,]/i.test(trimmed)) return trimmed;
  let url: URL;
  try {
    url = new URL(trimmed, currentBase || undefined);
  } catch {
    return null;
  }
  return SAFE_PROTOCOL.test(url.protocol) ? url.href : null;
}

function resolveSrcset(srcset: string): string {
  const out: string[] = [];
  for (const candidate of srcset.split(/,\s+|,(?=\S+\s+\d)/)) {
    const [url, ...descriptor] = candidate.trim().split(/\s+/);
    if (!url) continue;
    const resolved = resolveUrl(url, false);
    if (resolved) out.push([resolved, ...descriptor].join(' '));
  }
  return out.join(', ');
}
