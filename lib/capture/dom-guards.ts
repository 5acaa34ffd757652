/*
 * Guards against hostile documents. A page controls its elements' names and ids, and through them can shadow
 * ("clobber") DOM properties: `<form><input name=parentNode></form>` makes `form.parentNode` the input, which sends
 * Readability's tree walk round in circles for ever; `<img name=cloneNode>` makes `document.cloneNode` an element.
 * So capture reads the document only through prototype methods and getters, and strips clobbering names from its
 * copy before anything walks it.
 */

/** Calls `doc`'s own prototype method `name` (never an instance property a named element could shadow). */
export function callDocument<R>(doc: Document, name: 'cloneNode' | 'querySelectorAll' | 'getElementsByTagName' | 'createElement' | 'createTreeWalker' | 'getSelection', ...args: unknown[]): R {
  const method: unknown = Reflect.get(Object.getPrototypeOf(doc) as object, name);
  if (typeof method !== 'function') throw new TypeError(`This document has no ${name}()`);
  return Reflect.apply(method, doc, args) as R;
}

/** Reads a getter of `doc`'s prototype chain (`body`, `contentType` …) on `doc`, bypassing named properties. */
export function readDocument(doc: Document, name: 'body' | 'documentElement' | 'contentType'): unknown {
  return Reflect.get(Object.getPrototypeOf(doc) as object, name, doc);
}

/** Copies a document without running anything the page could have shadowed. */
export function cloneDocument(doc: Document): Document {
  return callDocument<Document>(doc, 'cloneNode', true);
}

/**
 * The elements whose names or ids become properties of the document or of their form (HTML's named properties, the
 * only ones that override built-in properties): embed, form, iframe, img and object on the document; form-listed
 * elements and img on their form. (Window named properties do not matter: a cloned document has no window.)
 */
const NAMED_PROPERTY_SELECTOR = ['form', 'input', 'button', 'select', 'textarea', 'fieldset', 'output', 'object', 'embed', 'iframe', 'img']
  .map((tag) => `${tag}[name],${tag}[id]`)
  .join(',');
const NAMED_PROPERTY_TAGS = new Set(['form', 'input', 'button', 'select', 'textarea', 'fieldset', 'output', 'object', 'embed', 'iframe', 'img']);

/** The getter `name` on `proto`'s chain (read through it: an element's own property may be a clobbering child). */
function findGetter(proto: object, name: string): ((this: Element) => unknown) | null {
  for (let p: object | null = proto; p; p = Object.getPrototypeOf(p) as object | null) {
    const get = Object.getOwnPropertyDescriptor(p, name)?.get;
    if (get) return get as (this: Element) => unknown;
  }
  return null;
}

/** Tags whose elements capture reads after the guard: metadata, lazy images, the readerable check, page text. */
const INDEXED_TAGS = ['meta', 'script', 'link', 'time', 'base', 'h1', 'h2', 'img', 'source', 'noscript', 'p', 'pre',
  'article', 'style', 'template'] as const;
export type IndexedTag = (typeof INDEXED_TAGS)[number];
const INDEXED = new Set<string>(INDEXED_TAGS);

/** Elements by tag name, in document order, as static arrays (what capture's passes read instead of queries). */
export type ElementsByTag = (tag: IndexedTag) => readonly Element[];

/** The same answer as a `PageIndex` from `getElementsByTagName`, for a root that was not indexed (a selection). */
export function elementsByTagName(root: Document | Element): ElementsByTag {
  return (tag) => Array.from(root.getElementsByTagName(tag));
}

/** What `prepareCopy` found in a document copy. */
export interface PageIndex {
  /** The copy's elements of `tag`, in document order (as `getElementsByTagName` lists them when it ran). */
  byTag: ElementsByTag;
  /** The `<div>` parents of `<br>` elements (`div > br`), in the order of their first `<br>`. */
  brParents: readonly Element[];
  /** How many clobbering `name`/`id` attributes were removed. */
  removed: number;
}

/**
 * Prepares a private copy of a page in one walk: removes every `name` and `id` attribute that shadows a property
 * of the document or of an element (a form included), and lists the elements later passes read, so they need no
 * queries of their own (in jsdom each `getElementsByTagName`/`querySelectorAll` walks the whole page again, and the
 * ten of them cost more than the walk). Ids only serve styling and fragment links, which the sanitizer drops anyway;
 * other elements' names and ids shadow nothing.
 */
export function prepareCopy(doc: Document): PageIndex {
  const docProto = Object.getPrototypeOf(doc) as object;
  // A form's prototype chain covers HTMLElement, Element, Node, EventTarget and Object too. `in` on the prototypes
  // (not on instances, which named elements shadow) answers without building a name list.
  const formProto = Object.getPrototypeOf(callDocument<Element>(doc, 'createElement', 'form')) as object;
  const getAttribute = Reflect.get(formProto, 'getAttribute') as Element['getAttribute'];
  const removeAttribute = Reflect.get(formProto, 'removeAttribute') as Element['removeAttribute'];
  const found = new Map<string, Element[]>(INDEXED_TAGS.map((tag) => [tag, []]));
  const brParents = new Set<Element>();
  let removed = 0;
  const localName = findGetter(formProto, 'localName');
  const parentElement = findGetter(formProto, 'parentElement') as (this: Element) => Element | null;
  const root = readDocument(doc, 'documentElement') as Element | null;
  // One TreeWalker pass in document order with tag-name checks: the walker moves through the tree natively, so named
  // children cannot redirect it, and it is the cheapest walk in both Chromium and jsdom (where each selector query or
  // getElementsByTagName walks the whole page again). Attributes change during the walk, the tree does not.
  const canWalk = root && typeof Reflect.get(docProto, 'createTreeWalker') === 'function';
  const walker = canWalk ? callDocument<TreeWalker>(doc, 'createTreeWalker', root, 1 /* SHOW_ELEMENT */) : null;
  const nextNode = walker && (Reflect.get(Object.getPrototypeOf(walker) as object, 'nextNode') as TreeWalker['nextNode'] | undefined);
  if (!localName || !parentElement || !walker || !nextNode) {
    // DOMs without these (some non-browser DOMs): one selector pass, and queries later.
    const elements = callDocument<NodeListOf<Element>>(doc, 'querySelectorAll', NAMED_PROPERTY_SELECTOR);
    for (let i = 0; i < elements.length; i++) removed += removeNames(elements[i]!);
    const parents = new Set<Element>();
    for (const br of callDocument<NodeListOf<Element>>(doc, 'querySelectorAll', 'div > br')) parents.add(br.parentElement!);
    return { byTag: elementsByTagName(doc), brParents: [...parents], removed };
  }
  for (let el: Element | null = root; el; el = nextNode.call(walker) as Element | null) {
    const tag = localName.call(el) as string;
    if (NAMED_PROPERTY_TAGS.has(tag)) removed += removeNames(el);
    if (INDEXED.has(tag)) found.get(tag)!.push(el);
    else if (tag === 'br') {
      const parent = parentElement.call(el);
      if (parent && localName.call(parent) === 'div') brParents.add(parent);
    }
  }
  return { byTag: (tag) => found.get(tag)!, brParents: [...brParents], removed };

  function removeNames(el: Element): number {
    let n = 0;
    for (const attr of ['name', 'id']) {
      const value = getAttribute.call(el, attr);
      if (value !== null && value !== '' && (value in docProto || value in formProto)) {
        removeAttribute.call(el, attr);
        n++;
      }
    }
    return n;
  }
}

/** Removes the clobbering names and ids from a private copy (see `prepareCopy`); returns how many. */
export function removeClobberingNames(doc: Document): number {
  return prepareCopy(doc).removed;
}

/**
 * Number of elements in `doc`. Native
 * `getElementsByTagName('*')` is exact and cheap in browsers, but some DOMs (linkedom) answer 0 for '*': then it
 * counts with querySelectorAll.
 */
export function countElements(doc: Document): number {
  const all = callDocument<HTMLCollection>(doc, 'getElementsByTagName', '*').length;
  if (all > 0 || !readDocument(doc, 'documentElement')) return all;
  return callDocument<NodeListOf<Element>>(doc, 'querySelectorAll', '*').length;
}

/** Deeper than this, jsdom's recursive tree code overflows the stack (browsers' parsers stop nesting at 512). */
export const MAX_HTML_DEPTH = 1000;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'frame', 'basefont', 'bgsound']);
/** Elements whose start tag closes an open one of the same kind (`<p>a<p>b`, `<li>…<li>`), as the parser does. */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th', 'a']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/**
 * Whether markup nests deeper than `limit`, estimated on the source text in one linear scan, before parsing (a
 * 10,000-level page costs jsdom's parser quadratic time and then overflows the stack). End tags close up to their
 * match and repeated p/li/td… close their predecessor, so ordinary unclosed tags do not inflate the estimate.
 */
export function nestsDeeperThan(html: string, limit = MAX_HTML_DEPTH): boolean {
  // Cheap bound first: without more start tags than the limit, nothing can nest that deep.
  let starts = 0;
  for (let at = html.indexOf('<'); at !== -1 && starts <= limit; at = html.indexOf('<', at + 1)) starts++;
  if (starts <= limit) return false;
  const lower = html.toLowerCase();
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][^\s/>]*)[^>]*?(\/?)>|<!--[\s\S]*?-->/g;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (!m[2]) continue; // a comment
    const name = m[2].toLowerCase();
    if (m[1]) {
      const open = stack.lastIndexOf(name);
      if (open !== -1) stack.length = open;
      continue;
    }
    if (VOID.has(name) || m[3]) continue;
    if (RAW_TEXT.has(name)) {
      // Skip to the matching end tag: its content is text, not markup.
      const end = lower.indexOf(`</${name}`, tag.lastIndex);
      if (end === -1) break;
      tag.lastIndex = end;
      continue;
    }
    if (SELF_CLOSING_SIBLINGS.has(name) && stack[stack.length - 1] === name) continue;
    stack.push(name);
    if (stack.length > limit) return true;
  }
  return false;
}