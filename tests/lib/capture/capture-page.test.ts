// @vitest-environment jsdom
/** capturePage as the content script calls it: the global document, location and selection of a live page. */
import { beforeEach, describe, expect, it } from 'vitest';
import { capturePage } from '../../../lib/capture';

beforeEach(() => {
  document.title = 'Council approves the riverside park plan | Example';
  document.documentElement.lang = 'en';
  document.body.innerHTML = `<nav><a href="/">Home</a></nav><article><h1>Council approves the riverside park plan</h1>
    <p class="byline">By Ada Byron</p>
    ${Array.from({ length: 6 }, (_, i) => `<p id="p${i}">Paragraph ${i} tells the reader, in full sentences, what the council decided about the new riverside park and why residents cared so much about it.</p>`).join('')}
    <p><img data-src="/img/lazy.jpg" alt="lazy"> <a href="/more" onclick="track()">More</a> details follow in this paragraph too.</p>
    </article><script>window.tracked = true;</script>`;
  document.getSelection()?.removeAllRanges();
});

describe('capturePage (live document)', () => {
  it('captures the article with the global window for DOMPurify and leaves the page untouched', async () => {
    const before = document.documentElement.outerHTML;
    const result = await capturePage(document, location, document.getSelection());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.title).toBe('Council approves the riverside park plan');
    expect(result.article.authors).toEqual(['Ada Byron']);
    expect(result.article.pageUrl).toBe(location.href);
    expect(result.article.html).toContain(new URL('/img/lazy.jpg', location.href).href);
    expect(result.article.html).not.toMatch(/onclick|<script/);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('captures only the selection unless told to ignore it', async () => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('p2')!);
    document.getSelection()!.addRange(range);
    const selected = await capturePage(document, location, document.getSelection());
    expect(selected.ok && selected.article.fromSelection).toBe(true);
    expect(selected.ok && selected.article.text).toMatch(/^Paragraph 2 tells the reader/);
    const whole = await capturePage(document, location, document.getSelection(), { ignoreSelection: true });
    expect(whole.ok && whole.article.fromSelection).toBe(false);
  });
});
