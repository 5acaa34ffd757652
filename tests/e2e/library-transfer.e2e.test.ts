/**
 * The library page's data tools in the production build (.output/chrome-mv3) in Debian's Chromium:
 * save two pages → export a feed (parses with parseFeed) → export everything (backup) → delete all → restore
 * the backup through the file input → both back with content → import a Pocket CSV → "to capture" items and a
 * "Capture 2 pending" action. Run with `npm run test:e2e` (builds first). Screenshots go to test-artifacts/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../lib/feed';
import { axeViolations, copyBuild, createTeardown, launchExtension, READ_DB, serveDirectory, waitFor, withTimeout, type DbSnapshot, type ExtensionSession, type StaticServer } from './helpers';

const FIXTURES = '/work/shared/fixtures';
const ARTIFACTS = 'test-artifacts';
const PAGES = [
  { path: '/news/stdaily-trilateral-summit.html', file: `${FIXTURES}/pages/stdaily-trilateral-summit.html` },
  { path: '/news/bbc-1.html', file: `${FIXTURES}/readability-pages/bbc-1/source.html` },
];

const CLEAR_DB = `new Promise((resolve, reject) => {
  const open = indexedDB.open('clipshelf');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction(['articles', 'contents'], 'readwrite');
    tx.objectStore('articles').clear();
    tx.objectStore('contents').clear();
    tx.oncomplete = () => { db.close(); resolve(true); };
    tx.onerror = () => reject(tx.error);
  };
})`;

let session: ExtensionSession | undefined;
let server: StaticServer | undefined;
let scratch = '';
let library: Page | undefined;
const teardown = createTeardown();

const readDb = (page: Page) => page.evaluate(READ_DB) as Promise<DbSnapshot>;
const tools = (page: Page) => page.locator('clip-library-tools');
const toolButton = (page: Page, name: RegExp) => tools(page).getByRole('button', { name });

/** Clicks and returns the download the click started, read as text. */
async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string; path: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), click()])) as [Download, void];
  const path = join(scratch, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8'), path };
}

async function openLibrary(): Promise<Page> {
  const page = library ?? (await session!.context.newPage());
  library = page;
  await page.goto(session!.extensionUrl('library.html'));
  await page.locator('clip-library-tools').getByRole('button', { name: /Export feed/ }).waitFor({ timeout: 10_000 });
  return page;
}

describe('library data tools (production build)', () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    scratch = teardown.tempDir('clipshelf-transfer-');
    server = teardown.add(await serveDirectory(scratch, { routes: Object.fromEntries(PAGES.map((p) => [p.path, p.file])) }));
    session = teardown.add(await launchExtension());
    teardown.watchdog(170_000);
  });

  afterAll(() => teardown.run());

  it('saves two pages with the toolbar button', { timeout: 90_000 }, async () => {
    for (const p of PAGES) {
      const url = server!.url(p.path);
      const page = await session!.context.newPage();
      await withTimeout(page.goto(url, { waitUntil: 'domcontentloaded' }), 20_000, `loading ${url}`);
      await page.bringToFront();
      const popup = await session!.clickToolbar(url);
      await waitFor(
        () =>
          popup.evaluate<boolean>(
            `['saved','updated'].includes(document.querySelector('clip-popup')?.shadowRoot?.querySelector('.state')?.dataset.kind ?? '')`,
          ),
        30_000,
        `the popup to save ${p.path}`,
      );
      await popup.close();
      await page.close();
    }
    const page = await openLibrary();
    const db = await readDb(page);
    expect(db.articles).toHaveLength(2);
    expect(db.articles.every((a) => a.state === 'saved')).toBe(true);
  });

  it('shows the tools in the library toolbar (screenshot)', { timeout: 30_000 }, async () => {
    const page = await openLibrary();
    for (const name of [/Export feed/, /Copy embed code/, /Export Markdown/, /Export everything/]) {
      expect(await toolButton(page, name).isVisible()).toBe(true);
    }
    await page.locator('clip-library').locator('header.masthead').screenshot({ path: join(ARTIFACTS, 'library-toolbar.png') });
    await page.screenshot({ path: join(ARTIFACTS, 'library-tools-page.png') });
  });

  it('exports a feed of everything that parseFeed reads, privacy by default', { timeout: 30_000 }, async () => {
    const page = await openLibrary();
    await toolButton(page, /Export feed/).click();
    const dialog = tools(page).locator('dialog#feed');
    await dialog.waitFor({ state: 'visible' });
    await page.screenshot({ path: join(ARTIFACTS, 'library-export-feed-dialog.png') });
    expect(await axeViolations((e) => page.evaluate(e))).toEqual([]);
    const { name, text } = await downloadText(page, () => dialog.getByRole('button', { name: 'Download feed' }).click());
    expect(name).toBe('clipshelf-feed.json');
    const parsed = parseFeed(JSON.parse(text));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.feed.items).toHaveLength(2);
    const db = await readDb(page);
    expect(parsed.feed.items.map((i) => i.id).sort()).toEqual(db.articles.map((a) => a.id).sort());
    // No full text unless asked for: content_text is the summary.
    for (const item of parsed.feed.items) expect(item.content_text).toBe(item.summary);
  });

  it('exports only what the filter shows, with full text when ticked', { timeout: 30_000 }, async () => {
    const page = await openLibrary();
    const db = await readDb(page);
    const target = db.articles.find((a) => a.speakerKeys.length > 0) ?? db.articles[0]!;
    await page.goto(session!.extensionUrl(`library.html?q=${encodeURIComponent(target.title.split(/\s+/).slice(0, 3).join(' '))}`));
    await toolButton(page, /Export feed/).click();
    const dialog = tools(page).locator('dialog#feed');
    await dialog.getByLabel(/What the library shows now/).check();
    await dialog.getByLabel(/Include full text/).check();
    const { text } = await downloadText(page, () => dialog.getByRole('button', { name: 'Download feed' }).click());
    const parsed = parseFeed(JSON.parse(text));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.feed.items.map((i) => i.id)).toEqual([target.id]);
    const content = db.contents.find((c) => c.id === target.id)!;
    expect(parsed.feed.items[0]!.content_text.length).toBeGreaterThan(parsed.feed.items[0]!.summary.length);
    expect(content.text.startsWith(parsed.feed.items[0]!.content_text.slice(0, 200))).toBe(true);
  });

  it('shows the embed code in a dialog (and copies it when the clipboard allows)', { timeout: 30_000 }, async () => {
    const page = await openLibrary();
    await toolButton(page, /Copy embed code/).click();
    const dialog = tools(page).locator('dialog#embed');
    await dialog.waitFor({ state: 'visible' });
    const snippet = await dialog.locator('textarea').inputValue();
    expect(snippet).toContain('<script type="module" src="clip-shelf.js"></script>');
    expect(snippet).toContain('<clip-shelf src="clipshelf-feed.json"');
    await waitFor(async () => ((await dialog.locator('p[role=status]').count()) > 0 ? true : null), 10_000, 'the copy result');
    await page.screenshot({ path: join(ARTIFACTS, 'library-embed-dialog.png') });
    expect(await axeViolations((e) => page.evaluate(e))).toEqual([]);
    await dialog.getByRole('button', { name: 'Done' }).click();
  });

  it('exports everything, deletes all, restores the backup through the file input', { timeout: 60_000 }, async () => {
    const page = await openLibrary();
    const before = await readDb(page);
    const backup = await downloadText(page, () => toolButton(page, /Export everything/).click());
    expect(backup.name).toMatch(/^clipshelf-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const parsedBackup = JSON.parse(backup.text) as { format: string; count: number; articles: { content: { text: string } }[] };
    expect(parsedBackup.format).toBe('clipshelf-backup');
    expect(parsedBackup.count).toBe(2);
    expect(parsedBackup.articles.every((a) => a.content.text.length > 200)).toBe(true);

    const md = await downloadText(page, () => toolButton(page, /Export Markdown/).click());
    expect(md.name).toMatch(/^clipshelf-markdown-.*\.zip$/);
    expect(readFileSync(md.path).subarray(0, 2).toString('latin1')).toBe('PK');

    await page.evaluate(CLEAR_DB);
    await openLibrary();
    expect((await readDb(page)).articles).toHaveLength(0);
    await page.locator('clip-library p.count', { hasText: /^\s*0 articles\s*$/ }).waitFor({ timeout: 10_000 });

    await tools(page).locator('input[type=file]').setInputFiles(backup.path);
    const report = page.locator('clip-library-notices section.report');
    await report.waitFor({ timeout: 30_000 });
    expect(await report.locator('.summary').textContent()).toMatch(/2 articles imported \(2 with content, 0 to capture\)/);

    const after = await readDb(page);
    expect(after.articles.map((a) => a.id).sort()).toEqual(before.articles.map((a) => a.id).sort());
    for (const article of before.articles) {
      const restored = after.articles.find((a) => a.id === article.id)!;
      expect(restored.title).toBe(article.title);
      expect(restored.state).toBe('saved');
      expect(restored.analysis.speakers.map((s) => s.name)).toEqual(article.analysis.speakers.map((s) => s.name));
      const text = after.contents.find((c) => c.id === article.id)?.text ?? '';
      expect(text).toBe(before.contents.find((c) => c.id === article.id)?.text);
    }
    await page.locator('clip-library p.count', { hasText: /^\s*2 articles\s*$/ }).waitFor({ timeout: 10_000 });
  });

  it('imports a Pocket CSV: links come in "to capture" with a Capture action', { timeout: 60_000 }, async () => {
    const page = await openLibrary();
    // A saved article's address (its canonical URL) in the export merges instead of coming in twice.
    const saved = (await readDb(page)).articles[0]!;
    const csv = [
      'title,url,time_added,tags,status',
      'First link,https://news.example/first-story,1700000000,politics|asia,unread',
      'Second link,https://news.example/second-story?utm_source=x,1700000100,,archive',
      `Already saved,${saved.url},1700000200,kept,unread`,
      'Not a page,javascript:alert(1),1700000300,,unread',
    ].join('\n');
    const csvPath = join(scratch, 'part_000000.csv');
    writeFileSync(csvPath, csv);
    await tools(page).locator('input[type=file]').setInputFiles(csvPath);
    const report = page.locator('clip-library-notices section.report');
    await waitFor(async () => ((await report.locator('.summary').textContent()) ?? '').includes('to capture') || null, 30_000, 'the import report');
    const summary = (await report.locator('.summary').textContent()) ?? '';
    expect(summary).toMatch(/2 articles imported \(0 with content, 2 to capture\)/);
    expect(summary).toMatch(/1 merged/);
    expect(summary).toMatch(/1 skipped/);

    const db = await readDb(page);
    const pending = db.articles.filter((a) => a.state === 'pending');
    expect(pending.map((a) => a.title).sort()).toEqual(['First link', 'Second link']);
    expect(db.articles.find((a) => a.title === 'First link')?.tags).toEqual(['politics', 'asia']);
    expect(db.articles.find((a) => a.id === saved.id)?.tags).toContain('kept');

    await page.locator('clip-library').locator('.to-capture').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('clip-library').locator('.to-capture').count()).toBe(2);
    expect(await toolButton(page, /Capture 2 pending/).isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'library-import-report.png'), fullPage: true });
    expect(await axeViolations((e) => page.evaluate(e))).toEqual([]);
  });
});

/**
 * "Capture N pending" end to end. permissions.request shows a browser prompt that automation cannot answer, so
 * this block loads a copy of the production build whose manifest already grants http://127.0.0.1/* (the
 * fixture server): the request then resolves at once, as it does after the user clicks "Allow".
 */
describe('capturing imported links in the background', () => {
  let granted: ExtensionSession | undefined;
  let pagesServer: StaticServer | undefined;
  let dir = '';
  const grantedTeardown = createTeardown();

  beforeAll(async () => {
    dir = grantedTeardown.tempDir('clipshelf-granted-');
    const ext = copyBuild(join(dir, 'ext'), { hostPermissions: ['http://127.0.0.1/*'] });
    pagesServer = grantedTeardown.add(await serveDirectory(dir, { routes: Object.fromEntries(PAGES.map((p) => [p.path, p.file])) }));
    granted = grantedTeardown.add(await launchExtension({ extensionPath: ext.path }));
    grantedTeardown.watchdog(170_000);
  });

  afterAll(() => grantedTeardown.run());

  it('imports two links, then "Capture 2 pending" opens, captures, analyses and stores both, closing its tabs', { timeout: 90_000 }, async () => {
    const page = await granted!.context.newPage();
    await page.goto(granted!.extensionUrl('library.html'));
    const csv = ['title,url,time_added,tags,status', ...PAGES.map((p, i) => `Link ${i + 1},${pagesServer!.url(p.path)},170000000${i},imported,unread`)].join('\n');
    const csvPath = join(dir, 'part_000000.csv');
    writeFileSync(csvPath, csv);
    await tools(page).locator('input[type=file]').setInputFiles(csvPath);
    await toolButton(page, /Capture 2 pending/).waitFor({ timeout: 20_000 });
    expect((await readDb(page)).articles.map((a) => a.state)).toEqual(['pending', 'pending']);
    const tabsBefore = granted!.context.pages().length;

    await toolButton(page, /Capture 2 pending/).click();
    const progress = page.locator('clip-library-notices .capture');
    await progress.waitFor({ timeout: 10_000 });
    await waitFor(
      async () => ((await progress.textContent()) ?? '').includes('Capture finished') || null,
      60_000,
      'the capture job to finish',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'library-capture-finished.png'), fullPage: true });
    expect((await progress.textContent())?.replace(/\s+/g, ' ')).toContain('Capture finished: 2 articles captured.');

    const db = await readDb(page);
    expect(db.articles.map((a) => a.state)).toEqual(['saved', 'saved']);
    for (const article of db.articles) {
      expect(article.tags).toEqual(['imported']);
      expect(article.analysis.speakers.length).toBeGreaterThan(0);
      expect(db.contents.find((c) => c.id === article.id)?.text.length).toBeGreaterThan(500);
    }
    const seed = db.articles.find((a) => a.title.includes('Golden Opportunity'));
    expect(seed?.analysis.speakers.map((s) => s.name)).toContain('Yan Liang');
    await waitFor(async () => (granted!.context.pages().length <= tabsBefore ? true : null), 10_000, 'the capture tabs to close');
    expect(await page.locator('clip-library').locator('.to-capture').count()).toBe(0);
    expect(await toolButton(page, /pending/).count()).toBe(0);
  });
});
