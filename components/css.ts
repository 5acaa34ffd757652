import { unsafeCSS, type CSSResult } from 'lit';

/**
 * The `css` tag for our own style sheets (written in this folder, never built from data): like Lit's `css`, but
 * without its check of interpolated values, so the widget leaves Lit's `css` (and its long error message) out.
 * Interpolate only other results of this tag. The widget build collapses whitespace in `css` templates.
 */
export function css(strings: TemplateStringsArray, ...values: CSSResult[]): CSSResult {
  return unsafeCSS(strings.reduce((text, part, i) => text + String(values[i - 1]) + part));
}
