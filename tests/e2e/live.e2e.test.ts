/**
 * Live mode end to end in Debian's Chromium: save an article → allow an origin on the library page → a page on that
 * origin with `<clip-shelf live>` (the built widget, dist/widget/clip-shelf.js) shows the live library; a page on
 * another origin gets nothing; after "Remove" nothing more reaches any page.
 * Run after `npm run build` and `npm run build:widget` (`npm run test:e2e` does both).
 *
 * The permission prompt: `permissions.request` opens a browser dialog that nothing can click in automation
 * (Playwright and CDP have no API for extension permission prompts; `Browser.grantPermissions` covers web
 * permissions only). So this test loads a copy of the production build whose manifest also lists
 * `host_permissions: ["http://127.0.0.1/*"]` — a test-only patch of the copy, no product code. Chromium grants it at
 * install, and the library page's real `permissions.request` (from a real click) then resolves `true` at once,
 * without a dialog. Everything after it is the production path: registerContentScripts for that origin alone,
 * the stored setting, the content script, the background's sender checks, the widget. The one difference:
 * "Remove" cannot give back an install-time permission, which the page reports (and access ends anyway: the
 * script is unregistered and the background refuses). The permission calls themselves are unit-tested with fakes
 * (tests/lib/messaging/live-mode.test.ts).
 */
import { cpSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyBuild, createTeardown, launchExtension, serveDirectory, waitFor, withTimeout, type ExtensionSession, type StaticServer } from './helpers';

const SEED = '/work/shared/fixtures/pages/stdaily-trilateral-summit.html';

/** The user's start page: the widget in live mode, plus a probe that counts live feeds reaching the page. */
const HOST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>My start page</title>
<script>
  window.__liveFeeds = [];
  addEventListener('message', (e) => {
    if (e.source === window && e.data && e.data.type === 'clipshelf:live-feed') window.__liveFeeds.push(e.data.feed.items.map((i) => i.title));
  });
</script>
<script type="module" src="/clip-shelf.js"></script>
</head><body><h1>Start</h1><clip-shelf live></clip-shelf></body></html>`;

let session: ExtensionSession | undefined;
let home: StaticServer | undefined;
let other: StaticServer | undefined;
const teardown = createTeardown();

/** The article titles the shelf shows (its cards, through the nested shadow roots); [] when it shows none. */
const shelfTitles = (page: Page) =>
  page.evaluate(() => {
    const titles: string[] = [];
    const walk = (root: ParentNode) =>
      root.querySelectorAll('*').forEach((el) => {
        if (el.localName === 'clip-article-card') titles.push(el.shadowRoot?.querySelector('.title')?.textContent?.trim() ?? '?');
        if (el.shadowRoot) walk(el.shadowRoot);
      });
    walk(document);
    return titles;
  });

const liveFeeds = (page: Page) => page.evaluate(() => (window as unknown as { __liveFeeds: string[][] }).__liveFeeds);

async function openHostPage(url: string): Promise<Page> {
  const page = await session!.context.newPage();
  await withTimeout(page.goto(url, { waitUntil: 'load' }), 20_000, `loading ${url}`);
  await page.waitForFunction(() => customElements.get('clip-shelf') !== undefined);
  return page;
}

const registeredScripts = () =>
  session!.serviceWorker.evaluate('chrome.scripting.getRegisteredContentScripts()') as Promise<{ id: string; matches: string[]; js: string[] }[]>;

describe('live mode (production build + test-granted host permission)', () => {
  let title = '';
  let library: Page;

  beforeAll(async () => {
    const scratch = teardown.tempDir('clipshelf-live-');
    const build = copyBuild(join(scratch, 'chrome-mv3'), { hostPermissions: ['http://127.0.0.1/*'] });
    expect(build.manifest.host_permissions ?? []).toEqual([]); // the product asks at run time only

    const site = join(scratch, 'site');
    cpSync(resolve('dist/widget/clip-shelf.js'), join(site, 'clip-shelf.js'));
    writeFileSync(join(site, 'index.html'), HOST_PAGE);
    cpSync(SEED, join(site, 'news.html'));
    home = teardown.add(await serveDirectory(site));
    other = teardown.add(await serveDirectory(site)); // same host, another port: another origin
    session = teardown.add(await launchExtension({ extensionPath: build.path }));
    teardown.watchdog(170_000);
  }, 60_000);

  afterAll(() => teardown.run());

  it('saves an article (toolbar click)', { timeout: 60_000 }, async () => {
    const page = await session!.context.newPage();
    await withTimeout(page.goto(home!.url('/news.html'), { waitUntil: 'domcontentloaded' }), 20_000, 'the article');
    await page.bringToFront();
    const popup = await session!.clickToolbar(home!.url('/news.html'));
    const state = await waitFor(
      () =>
        popup.evaluate<{ kind: string; title: string } | null>(`(() => {
          const root = document.querySelector('clip-popup')?.shadowRoot;
          const s = root?.querySelector('.state');
          return s && s.dataset.kind !== 'saving' ? { kind: s.dataset.kind, title: root.querySelector('.page-title')?.textContent.trim() ?? '' } : null;
        })()`),
      30_000,
      'the save result',
    );
    expect(state.kind).toBe('saved');
    title = state.title;
    expect(title).toMatch(/\w/);
    await popup.close();
    await page.close();
  });

  it('before anything is allowed, the start page gets nothing', { timeout: 30_000 }, async () => {
    expect(await registeredScripts()).toEqual([]);
    const page = await openHostPage(home!.url('/'));
    await page.waitForTimeout(1500);
    expect(await liveFeeds(page)).toEqual([]);
    expect(await shelfTitles(page)).toEqual([]);
    await page.close();
  });

  it('"Allow" on the library page registers the bridge for that origin alone', { timeout: 30_000 }, async () => {
    library = await session!.context.newPage();
    await library.goto(session!.extensionUrl('library.html'));
    await library.bringToFront();
    await library.locator('clip-live-settings input[name="origin"]').fill(home!.origin);
    await library.locator('clip-live-settings button[type="submit"]').click();
    await library.locator('clip-live-settings .origin').waitFor({ timeout: 10_000 });
    expect(await library.locator('clip-live-settings .origin').textContent()).toBe(home!.origin);
    expect(await library.locator('clip-live-settings pre').textContent()).toContain('<clip-shelf src="clipshelf-feed.json" theme="auto" live></clip-shelf>');
    const scripts = await registeredScripts();
    expect(scripts.map((s) => ({ id: s.id, matches: s.matches, js: s.js }))).toEqual([
      { id: 'clipshelf-live-bridge', matches: ['http://127.0.0.1/*'], js: ['content-scripts/live-bridge.js'] },
    ]);
  });

  it('the allowed page shows the live library: exactly the exported feed', { timeout: 30_000 }, async () => {
    const page = await openHostPage(home!.url('/'));
    await waitFor(async () => ((await shelfTitles(page)).includes(title) ? true : null), 10_000, 'the live article in the shelf');
    const feeds = await liveFeeds(page);
    expect(feeds.length).toBeGreaterThan(0);
    expect(feeds.at(-1)).toEqual([title]);
    const feed = await page.evaluate(
      () =>
        new Promise<unknown>((resolveFeed) => {
          addEventListener('message', (e) => e.data?.type === 'clipshelf:live-feed' && resolveFeed(e.data.feed), { once: false });
          document.body.append(document.createElement('clip-shelf')); // a plain shelf: no live request
          const again = document.createElement('clip-shelf');
          again.setAttribute('live', '');
          document.body.append(again); // a new live shelf asks again
        }),
    );
    // Privacy default, as "Export feed": summaries, speakers and short quotes, never the full text.
    const items = (feed as { items: { title: string; summary: string; content_text: string; content_html?: string }[] }).items;
    expect(items.map((i) => i.title)).toEqual([title]);
    for (const item of items) {
      expect(item.content_html).toBeUndefined();
      expect(item.content_text).toBe(item.summary);
    }
    await page.close();
  });

  it('a page on another origin gets nothing (same host, other port; localhost)', { timeout: 30_000 }, async () => {
    for (const url of [other!.url('/'), home!.url('/').replace('127.0.0.1', 'localhost')]) {
      const page = await openHostPage(url);
      await page.waitForTimeout(2000);
      expect(await liveFeeds(page)).toEqual([]);
      expect(await shelfTitles(page)).toEqual([]);
      await page.close();
    }
  });

  it('after "Remove", the page gets nothing — an open page included', { timeout: 40_000 }, async () => {
    const open = await openHostPage(home!.url('/'));
    await waitFor(async () => ((await shelfTitles(open)).includes(title) ? true : null), 10_000, 'the live article');
    const before = (await liveFeeds(open)).length;

    await library.bringToFront();
    await library.locator('clip-live-settings button.remove').click();
    await library.locator('clip-live-settings input[name="origin"]').waitFor({ timeout: 10_000 });
    // The install-time permission of this test build cannot be removed; the page says so and access still ends.
    expect(await library.locator('clip-live-settings [role="status"]').textContent()).toContain('no longer gets your library');
    expect(await registeredScripts()).toEqual([]);

    // The open page's bridge asks again (new live shelf): the background refuses it now.
    await open.evaluate(() => {
      const again = document.createElement('clip-shelf');
      again.setAttribute('live', '');
      document.body.append(again);
    });
    await open.waitForTimeout(2000);
    expect((await liveFeeds(open)).length).toBe(before);
    await open.close();

    const fresh = await openHostPage(home!.url('/'));
    await fresh.waitForTimeout(2000);
    expect(await liveFeeds(fresh)).toEqual([]);
    expect(await shelfTitles(fresh)).toEqual([]);
    await fresh.close();
  });
});
