import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { ArticleRecord } from '../../../lib/model';
import { createMarkdownZip, escapeMarkdownText, htmlToMarkdown, parseBackup, slugify, toMarkdown, toMarkdownFiles } from '../../../lib/transfer';
import { ATTACK_VECTORS } from '../../fixtures/attacks/vectors';
import { findActiveContent } from '../../security/find-active-content';

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as { body: Node | null };
const md = (html: string): string => htmlToMarkdown(html, { parseHtml });
const backup = parseBackup(readFileSync(join(__dirname, '..', '..', 'fixtures', 'imports', 'backup', 'clipshelf-backup.json'), 'utf8'));
if (!backup.ok) throw new Error(backup.errors.join());
const [park, hostile] = backup.backup.articles as [ArticleRecord, ArticleRecord, ArticleRecord];

describe('htmlToMarkdown', () => {
  it('converts the usual article structure', () => {
    const out = md(`<h2>Heading</h2><p>Some <strong>bold</strong> and <em>italic</em> text with a <a href="https://example.org/a?b=1&amp;c=2" title="T">link</a>.</p>
      <blockquote><p>"Quoted," she said.</p><p>Second.</p></blockquote>
      <ul><li>One</li><li>Two<ul><li>Nested</li></ul></li></ul><ol start="3"><li>Three</li><li>Four</li></ol>
      <pre><code>const x = \`a\`;\n\`\`\`inner</code></pre>
      <figure><img src="https://example.org/i.jpg" alt="A [photo]"><figcaption>Caption</figcaption></figure>
      <table><tr><th>A</th><th>B|C</th></tr><tr><td>1</td><td>2</td></tr></table><hr><p>Line<br>break</p>`);
    expect(out).toBe([
      '## Heading',
      'Some **bold** and *italic* text with a [link](https://example.org/a?b=1&c=2 "T").',
      '> "Quoted," she said.\n>\n> Second.',
      '- One\n- Two\n\n  - Nested',
      '3. Three\n4. Four',
      '````\nconst x = `a`;\n```inner\n````',
      '![A \\[photo\\]](https://example.org/i.jpg)',
      '*Caption*',
      '| A | B\\|C |\n| --- | --- |\n| 1 | 2 |',
      '---',
      'Line\\\nbreak',
    ].join('\n\n') + '\n');
  });

  it('escapes text that Markdown would read as syntax or as HTML', () => {
    expect(md('<p>1. not a list</p><p># not a heading</p><p>- not a bullet</p><p>*stars* and _under_ and `ticks` and [brackets]</p>'))
      .toBe('1\\. not a list\n\n\\# not a heading\n\n\\- not a bullet\n\n\\*stars\\* and \\_under\\_ and \\`ticks\\` and \\[brackets\\]\n');
    expect(escapeMarkdownText('<img src=x onerror=alert(1)> &amp; &copy;')).toBe('\\<img src=x onerror=alert(1)\\> \\&amp; \\&copy;');
  });

  it('a <br> in a heading or table cell is a space (they are one line)', () => {
    expect(md('<h2>A<br>B</h2><table><tr><td>x<br>y</td></tr></table>')).toBe('## A B\n\n| x y |\n| --- |\n');
  });

  it('drops unsafe links and images, keeps their text', () => {
    expect(md('<p><a href="javascript:alert(1)">click</a> <img src="data:text/html,x" alt="pic"> <a href="https://ok.example/a b(c)">ok</a></p>'))
      .toBe('click  [ok](<https://ok.example/a b(c)>)\n');
  });

  it('no attack vector turns into live HTML when the Markdown is rendered by an HTML-passing renderer', () => {
    // Worst case renderer: raw HTML allowed. Escaped text cannot form tags; links are http(s) only.
    let leaked = 0;
    for (const v of ATTACK_VECTORS) {
      const out = md(`<p>${v.payload.replace(/</g, '&lt;')}</p>`) + md(v.payload);
      const asHtml = out.replace(/\\([\\`*_[\]<>~&#+\-=.!|])/g, (_, c: string) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c));
      if (findActiveContent(asHtml.replace(/\[([^\]]*)\]\(<?([^)>\s]*)>?[^)]*\)/g, '<a href="$2">$1</a>')).length) leaked++;
    }
    expect(leaked).toBe(0);
  });
});

describe('Markdown export', () => {
  it('writes YAML front matter with every field, readable back by a YAML parser', () => {
    const text = toMarkdown(park, { parseHtml });
    const [, front, body] = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(text)!;
    expect(parseYaml(front!)).toEqual({
      title: 'Council approves riverside park plan',
      url: 'https://news.example.org/2026/11/riverside-park',
      authors: ['Jane Reporter'],
      published: '2026-11-20T09:30:00Z',
      site: 'Riverside Gazette',
      language: 'en',
      saved: new Date(park.savedAt).toISOString(),
      tags: ['city'],
      speakers: [{ name: 'Maria Delgado', role: 'council member', kind: 'person', statements: 1 }],
      topics: ['riverside park'],
    });
    expect(body).toContain('said Maria Delgado.');
  });

  it('front matter survives hostile titles and tags (YAML injection) and the body stays inert', () => {
    const evil: ArticleRecord = { ...hostile, title: 'x\n---\nurl: javascript:alert(1)\n"quoted": [1', tags: ['- a', '{b: 1}', '#c', 'yes', '0x1F'] };
    const text = toMarkdown(evil, { parseHtml });
    const front = /^---\n([\s\S]*?)\n---\n/.exec(text)![1]!;
    const data = parseYaml(front) as Record<string, unknown>;
    expect(data.title).toBe(evil.title);
    expect(data.url).toBe(evil.url);
    expect(data.tags).toEqual(evil.tags);
    expect(text).not.toMatch(/<script|onerror=|javascript:__clipCanary\(9104\)/);
  });

  it('gives every file a unique, safe name', () => {
    const records = [park, { ...park, id: 'b' }, { ...park, id: 'c', title: '../../etc/passwd' }, { ...park, id: 'd', title: 'CON' }, { ...park, id: 'e', title: '' }, { ...park, id: 'f', title: '科技日报 报道' }];
    const names = toMarkdownFiles(records, { parseHtml }).map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[\p{L}\p{N}-]+\.md$/u);
    expect(names).toContain('2025-11-20-council-approves-riverside-park-plan-2.md');
    expect(names).toContain('2025-11-20-科技日报-报道.md');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
  });

  it('zips one .md per article', () => {
    const zip = unzipSync(createMarkdownZip(backup.backup.articles, { parseHtml, now: Date.UTC(2026, 10, 28) }));
    const names = Object.keys(zip).sort();
    expect(names).toHaveLength(3);
    expect(names.every((n) => n.startsWith('clipshelf/') && n.endsWith('.md'))).toBe(true);
    expect(strFromU8(zip[names[0]!]!)).toMatch(/^---\ntitle: /);
  });
});
