import { elementsByTagName, type ElementsByTag } from './dom-guards';

const LAZY_SRC_ATTRS = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-hi-res-src', 'data-full-src'];
const LAZY_SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset'];
/** Placeholders that stand in for a lazily loaded image. */
const PLACEHOLDER = /^data:image\/(?:gif|png|svg\+xml)|(?:blank|spacer|placeholder|transparent|pixel|loading|lazy)[^/]*\.(?:gif|png|svg)/i;

/**
 * Makes lazily loaded images real on a (cloned) document: `data-src`-style attributes become `src`/`srcset`,
 * `<source data-srcset>` becomes `srcset`, and an `<img>` in a `<noscript>` replaces the placeholder image before
 * it. Mutates `root`; run it on a clone only. `byTag` lists `root`'s elements (static lists: noscript unwrapping
 * changes the tree).
 */
export function promoteLazyImages(root: Document | Element, byTag: ElementsByTag = elementsByTagName(root)): void {
  // Each element is handled on its own, so the order of the two lists does not matter.
  for (const img of [...byTag('img'), ...byTag('source')]) {
    if (!hasDataAttribute(img) && img.hasAttribute('src')) continue; // the common case, checked cheaply
    const src = img.getAttribute('src');
    const needsSrc = !src || PLACEHOLDER.test(src);
    if (img.localName === 'img' && needsSrc) {
      for (const attr of LAZY_SRC_ATTRS) {
        const value = img.getAttribute(attr);
        if (value && !/^\s*data:/i.test(value)) {
          img.setAttribute('src', value.trim());
          break;
        }
      }
    }
    for (const attr of LAZY_SRCSET_ATTRS) {
      const value = img.getAttribute(attr);
      if (value) {
        img.setAttribute('srcset', value.trim());
        break;
      }
    }
    // Only a srcset: give the image a plain src too (the first candidate), so readers without srcset work.
    if (img.localName === 'img' && !img.getAttribute('src') && img.getAttribute('srcset')) {
      const firstCandidate = img.getAttribute('srcset')!.trim().split(/\s+/)[0];
      if (firstCandidate) img.setAttribute('src', firstCandidate.replace(/,$/, ''));
    }
  }
  unwrapNoscriptImages(byTag('noscript'));
}

function hasDataAttribute(el: Element): boolean {
  // Names only: `attributes` would make an Attr object per attribute.
  for (const name of el.getAttributeNames()) if (name.startsWith('data-')) return true;
  return false;
}

/** `<img placeholder><noscript><img real></noscript>` → `<img real>`. */
function unwrapNoscriptImages(noscripts: readonly Element[]): void {
  for (const noscript of noscripts) {
    // With scripting off (Node) <noscript> holds elements; on a live page it holds its markup as text.
    const parsedImages = noscript.getElementsByTagName('img').length;
    if (parsedImages === 0 && !(noscript.textContent ?? '').includes('<img')) continue;
    const markup = parsedImages > 0 ? noscript.innerHTML : (noscript.textContent ?? '');
    const doc = noscript.ownerDocument;
    const holder = doc.createElement('div');
    // <noscript> content is text when scripting is on (a live page); parse it as markup in an inert element.
    holder.innerHTML = markup;
    const real = holder.getElementsByTagName('img')[0];
    if (!real || !real.getAttribute('src')) continue;
    if (holder.getElementsByTagName('img').length !== 1 || (holder.textContent ?? '').trim()) continue;
    const prev = previousElement(noscript);
    if (prev && isImageLike(prev)) {
      const placeholder = prev.localName === 'img' ? prev : prev.getElementsByTagName('img')[0];
      if (placeholder) {
        // Keep the placeholder's alt when the real image has none.
        if (!real.getAttribute('alt') && placeholder.getAttribute('alt')) real.setAttribute('alt', placeholder.getAttribute('alt')!);
        placeholder.replaceWith(real);
        noscript.remove();
        continue;
      }
    }
    noscript.replaceWith(real);
  }
}

function previousElement(node: Element): Element | null {
  let prev = node.previousSibling;
  while (prev && prev.nodeType === 3 && !(prev.nodeValue ?? '').trim()) prev = prev.previousSibling;
  return prev && prev.nodeType === 1 ? (prev as Element) : null;
}

function isImageLike(el: Element): boolean {
  if (el.localName === 'img') return true;
  return el.getElementsByTagName('img').length === 1 && !(el.textContent ?? '').trim();
}
