// @vitest-environment jsdom
/**
 * The render-time sanitizing of the library's reader (lib/messaging prepareReaderHtml, which runs lib/capture's
 * sanitizeArticle — the one audited DOMPurify helper, same configuration as at capture — in the library page's
 * controller before the component gets the HTML). The database is a trust boundary too (imports, older versions),
 * so every vector must come out inert even if it never went through capture. Runs in jsdom, where DOMPurify really
 * works (it does nothing under happy-dom 21 and linkedom); the sanitizer's canary proves it ran.
 */
import { describe, expect, it } from 'vitest';
import { prepareReaderHtml, type ReaderWindow } from '../../lib/messaging/reader-html';
import { ATTACK_VECTORS } from '../fixtures/attacks/vectors';
import { findActiveContent } from './find-active-content';

const view = window as unknown as ReaderWindow;
const BASE = 'http://127.0.0.1:8080/news/x';

describe('render-time sanitizer on every vector, straight from the corpus', () => {
  it.each(ATTACK_VECTORS.map((v) => [v.id, v.name, v] as const))('#%i %s', (_id, _name, v) => {
    // Metadata payloads are text in their slot; here they are treated as hostile HTML, the worst case.
    const out = prepareReaderHtml({ html: v.payload, text: 'fallback text' }, BASE, view);
    expect(findActiveContent(out)).toEqual([]);
  });

  it('keeps the article, makes links open in a new tab and images lazy, strips handlers', () => {
    expect(prepareReaderHtml({ html: '<p>ok <a href="/a">a</a> <a href="#n">n</a><img src="https://a.example/x.png" onerror="x()"></p>', text: 'plain' }, BASE, view)).toBe(
      '<p>ok <a href="http://127.0.0.1:8080/a" rel="noopener noreferrer" target="_blank">a</a> <a href="#n" rel="noopener noreferrer">n</a><img src="https://a.example/x.png" loading="lazy" referrerpolicy="no-referrer"></p>',
    );
  });

  it('fails closed to escaped plain text where DOMPurify cannot run (no window)', () => {
    const out = prepareReaderHtml({ html: '<p onclick="x()">Hi</p><script>alert(1)</script>', text: 'Hi <b>there</b>\n\nSecond & last' }, BASE, null);
    expect(out).toBe('<p>Hi &#60;b&#62;there&#60;/b&#62;</p><p>Second &#38; last</p>');
  });
});
