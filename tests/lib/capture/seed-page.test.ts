/** The seed article (../shared/fixtures/pages/stdaily-trilateral-summit.html) through the Node capture path. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CapturedArticle } from '../../../lib/model';
import { captureHtml } from '../../../lib/capture/node';

const SEED = join(import.meta.dirname, '../../../../shared/fixtures/pages/stdaily-trilateral-summit.html');
const ADDRESS = 'https://www.stdaily.com/English/Cooperation/2024-06/12/content_trilateral-summit.html?utm_source=wechat&fbclid=x#comments';

describe('seed page: stdaily trilateral summit', () => {
  let article: CapturedArticle;
  beforeAll(async () => {
    article = await captureHtml(readFileSync(SEED, 'utf8'), { url: ADDRESS });
  });

  it('reads the metadata', () => {
    expect(article.title).toBe("Revived China-Japan-ROK Summit a 'Golden Opportunity'");
    expect(article.authors).toEqual(['GONG Qian']);
    // Not in any metadata: the dateline under the headline ("2024-06-12 10:17:40").
    expect(article.published).toBe('2024-06-12T10:17:40');
    expect(article.modified).toBeNull();
    expect(article.siteName).toBe('Science and Technology Daily');
    // The "Source: 科技日报" credit in the info line under the headline.
    expect(article.source).toBe('科技日报');
    expect(article.lang).toBe('en');
    expect(article.excerpt).toMatch(/^Experts and scholars from China, Japan and the ROK/);
  });

  it('uses the canonical URL for dedupe and keeps the address', () => {
    expect(article.url).toBe('https://www.stdaily.com/English/Cooperation/2024-06/12/content_trilateral-summit.html');
    expect(article.pageUrl).toBe(ADDRESS);
  });

  it('keeps the article body and nothing of the sidebar, footer or page chrome', () => {
    expect(article.probablyArticle).toBe(true);
    expect(article.fromSelection).toBe(false);
    expect(article.text).toContain('Leaders of China, Japan and the Republic of Korea (ROK) attended the Ninth Trilateral Summit Meeting');
    expect(article.text).toMatch(/for mutual benefit\.$/);
    for (const chrome of ['Top News', 'Space Cooperation Consolidates', 'Sino-French', 'leading sports nation',
      'All rights reserved', 'About Us', 'Contact Us', 'advertisement', 'EnglishChannel', '_hmt']) {
      expect(article.text, chrome).not.toContain(chrome);
      expect(article.html, chrome).not.toContain(chrome);
    }
  });

  it('has paragraph-structured text and absolute image URLs', () => {
    const paragraphs = article.text.split('\n\n');
    expect(paragraphs.length).toBeGreaterThanOrEqual(12);
    for (const p of paragraphs) expect(p).toBe(p.replace(/\s+/g, ' ').trim());
    expect(paragraphs).toContain('By GONG Qian');
    expect(article.html).toContain('src="https://www.stdaily.com/English/images/2024-06/12/bfsu-symposium.jpg"');
    expect(article.imageUrl).toBe('https://www.stdaily.com/English/images/2024-06/12/bfsu-symposium.jpg');
    expect(article.html).not.toMatch(/<script|style=|class=/);
  });

  it('counts words, reading time and hashes the text', async () => {
    expect(article.wordCount).toBe(article.text.split(/\s+/).filter((w) => /\w/.test(w)).length);
    expect(article.readingMinutes).toBe(2);
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(article.text));
    expect(article.contentHash).toBe(Buffer.from(digest).toString('hex'));
  });
});
