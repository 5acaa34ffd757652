// @vitest-environment jsdom
/**
 * The render-time sanitizer (components/clip-library-html sanitizeArticleHtml, used by the reader view) on its own:
 * the database is a trust boundary too (imports, older versions), so every vector must come out inert even if it
 * never went through capture. Runs in jsdom: DOMPurify does not work under happy-dom 21 (see report).
 */
import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from '../../components/clip-library-html';
import { ATTACK_VECTORS } from '../fixtures/attacks/vectors';
import { findActiveContent } from './find-active-content';

describe('render-time sanitizer on every vector, straight from the corpus', () => {
  it.each(ATTACK_VECTORS.map((v) => [v.id, v.name, v] as const))('#%i %s', (_id, _name, v) => {
    // Metadata payloads are text in their slot; here they are treated as hostile HTML, the worst case.
    const out = sanitizeArticleHtml(v.payload, 'fallback text');
    expect(findActiveContent(out)).toEqual([]);
  });

  it('fails closed to escaped text when DOMPurify is unusable, and works here (self-test passes)', () => {
    expect(sanitizeArticleHtml('<p>ok<img src="https://a.example/x.png" onerror="x()"></p>', 'plain')).toBe('<p>ok<img src="https://a.example/x.png" loading="lazy" referrerpolicy="no-referrer"></p>');
  });
});
