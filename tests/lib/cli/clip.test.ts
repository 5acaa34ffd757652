import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureText, parseClipArgs } from '../../../lib/cli/clip';

const repo = resolve(__dirname, '../../..');
const seed = resolve(repo, '../shared/fixtures/pages/stdaily-trilateral-summit.html');
const clip = (...args: string[]) =>
  spawnSync(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'lib/cli/clip.ts'), ...args], { cwd: repo, encoding: 'utf8' });

describe('clip CLI', () => {
  it('prints one ArticleRecord line per file, with speakers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clip-'));
    const txt = join(dir, 'note.txt');
    writeFileSync(txt, 'Flood barrier approved\n\nMayor Linda Okafor said the barrier would protect four thousand homes.\n');
    const res = clip(seed, txt, '--url', 'https://example.org/a');
    expect(res.status).toBe(0);
    const lines = res.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    const [a, b] = lines.map((l) => JSON.parse(l));
    expect(a.pageUrl).toBe('https://example.org/a'); // url is the page's canonical address
    expect(a.analysis.speakers.map((s: { name: string }) => s.name)).toContain('Nam Eunyoung');
    expect(a.content.text.length).toBeGreaterThan(1000);
    expect(b.title).toBe('Flood barrier approved');
    expect(b.analysis.speakers[0].name).toBe('Linda Okafor');
  }, 60_000);

  it('defaults the URL to the file URL, reports failures on stderr and exits non-zero', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clip-'));
    const bad = join(dir, 'bad.html');
    writeFileSync(bad, 'not html at all');
    const good = join(dir, 'ok.txt');
    writeFileSync(good, 'One line of text that is long enough to count as the body of this note, said nobody.');
    const res = clip(bad, good, join(dir, 'missing.html'));
    expect(res.status).toBe(1);
    const out = res.stdout.trim().split('\n');
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0] as string).pageUrl).toBe(pathToFileURL(good).href);
    const errors = res.stderr.trim().split('\n');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('bad.html');
    expect(errors[1]).toContain('missing.html');
  }, 60_000);

  it('prints one feed with --feed', () => {
    const res = clip(seed, '--feed');
    expect(res.status).toBe(0);
    const feed = JSON.parse(res.stdout);
    expect(feed.items).toHaveLength(1);
    expect(feed._clipshelf.version).toBe(1);
  }, 60_000);
});

describe('clip helpers', () => {
  it('parses arguments', () => {
    expect(parseClipArgs(['a.html', '--url', 'https://x.org/', '--feed', 'b.txt'])).toEqual({ files: ['a.html', 'b.txt'], url: 'https://x.org/', feed: true });
    expect(() => parseClipArgs([])).toThrow(/usage/);
    expect(() => parseClipArgs(['--bogus', 'a'])).toThrow(/unknown option/);
  });

  it('reads a title from a short first line of a .txt file', async () => {
    const c = await captureText('A title\n\nFirst paragraph.\n\nSecond paragraph.', 'file:///x.txt', 'x.txt');
    expect(c.title).toBe('A title');
    expect(c.text).toBe('First paragraph.\n\nSecond paragraph.');
    const d = await captureText('This first line ends like a sentence.\n\nMore.', 'file:///y.txt', 'y.txt');
    expect(d.title).toBe('y');
    expect(d.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
