/** The last `display` declaration of an inline style attribute wins, as in the CSSOM. */
const DISPLAY = /(?:^|[;\s])display\s*:\s*([a-z-]+)/gi;

/**
 * Readability's default visibility test for `isProbablyReaderable`, reading the `style` attribute instead of
 * `node.style`: the same answer for inline styles (all `node.style` reflects), without building a CSS declaration
 * object per candidate paragraph (costly in jsdom, and a style recalculation hazard nowhere).
 */
export function isNodeVisible(node: Node): boolean {
  if (node.nodeType !== 1) return true;
  const el = node as Element;
  const style = el.getAttribute('style');
  if (style !== null && style.includes('display')) {
    let display = '';
    for (const m of style.matchAll(DISPLAY)) display = m[1]!.toLowerCase();
    if (display === 'none') return false;
  }
  if (el.hasAttribute('hidden')) return false;
  if (el.getAttribute('aria-hidden') === 'true') {
    const className = el.getAttribute('class') ?? '';
    return className.includes('fallback-image');
  }
  return true;
}
