/**
 * Hostile content stays inert, end to end, in Debian's Chromium with the production build (.output/chrome-mv3) and
 * the standalone widget (dist/widget/clip-shelf.js). Run after `npm run build && npm run build:widget`
 * (`npm run test:e2e` does both).
 *
 * The whole attack corpus (tests/fixtures/attacks, ≥ 200 vectors) is served on 127.0.0.1 as ~24 article pages.
 * Each is captured with a real toolbar click (CDP Extensions.triggerAction → popup → background → IndexedDB),
 * then shown in the popup, the library page, the reader view of every article, and by <clip-shelf> on a host page
 * fed with the library's feed (lib/feed toFeed over the stored records). Every payload calls __clipCanary(id);
 * each extension page and the host page is instrumented (canary, window errors, CSP violation reports, dialogs,
 * console), and the test prints how many vectors were tried and how many executed — which must be zero.
 */
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFeed } from '../../lib/feed';
import type { ArticleMeta, ArticleRecord } from '../../lib/model';
import { buildAttackPages, type AttackPage } from '../fixtures/attacks/attack-page';
import { ATTACK_VECTORS } from '../fixtures/attacks/vectors';
import { findActiveContent } from '../security/find-active-content';
import { copyBuild, createTeardown, launchExtension, READ_DB, serveFiles, settledPopupState, waitFor, withTimeout, type DbSnapshot, type ExtensionSession, type RawTarget, type ServedFile } from './helpers';

const ARTIFACTS = 'test-artifacts';

/**
 * Instrumentation for a page that must run none of the payloads: records canary calls, alert/confirm/prompt,
 * uncaught errors that mention the canary, and CSP violations (extension pages block inline script, so a payload
 * that slips through shows up as a violation even though it cannot run).
 */
const INSTRUMENT = `(() => {
  if (window.__clipWatch) return;
  const watch = window.__clipWatch = { hits: [], violations: [], errors: [] };
  window.__clipCanary = (n) => { watch.hits.push(String(n)); };
  for (const name of ['alert', 'confirm', 'prompt']) window[name] = (m) => { watch.hits.push(name + ':' + String(m)); };
  addEventListener('error', (e) => { watch.errors.push(String(e.message || e.type)); }, true);
  document.addEventListener('securitypolicyviolation', (e) => {
    const t = e.composedPath()[0];
    const where = t && t.nodeType === 1 ? ' at ' + t.outerHTML.slice(0, 160) + ' in ' + (t.getRootNode().host ? t.getRootNode().host.localName : 'document') : '';
    watch.violations.push(e.violatedDirective + ' ' + (e.sample || e.blockedURI || '') + where);
  }, true);
})()`;
const READ_WATCH = `(() => window.__clipWatch ? { hits: window.__clipWatch.hits, violations: window.__clipWatch.violations, errors: window.__clipWatch.errors.filter((m) => /clipCanary|alert/i.test(m)) } : null)()`;

interface Watch {
  hits: string[];
  violations: string[];
  errors: string[];
}

let session: ExtensionSession | undefined;
let origin = '';
let pages: AttackPage[] = [];
const files = new Map<string, ServedFile>();
/** Canary calls that reached the server (fetches from a payload), with the page that made them. */
const serverHits: string[] = [];
/** What executed where; the hostile pages running their own scripts on their own origin is expected and not counted. */
const executed = { popup: new Set<string>(), library: new Set<string>(), reader: new Set<string>(), widget: new Set<string>() };
const violations: string[] = [];
/** Pages whose capture never finished (the popup still said "Saving…" after 30 s). */
const hungPages: number[] = [];
let savedCount = 0;
const dialogs: string[] = [];
/** A private copy of the build: other test runs may rebuild .output while this one runs. */
let buildCopy = '';
const teardown = createTeardown();

function record(where: keyof typeof executed, watch: Watch | null, label: string): void {
  if (!watch) return;
  for (const h of watch.hits) executed[where].add(h);
  for (const e of watch.errors) executed[where].add(`error:${e}`);
  violations.push(...watch.violations.map((v) => `${label}: ${v}`));
}

/** Instruments an extension page opened by Playwright (before any of its scripts run) and watches its console. */
async function watchedPage(where: keyof typeof executed, label: string): Promise<Page> {
  const page = await session!.context.newPage();
  await page.addInitScript(INSTRUMENT);
  page.on('dialog', (d) => {
    dialogs.push(`${label}: ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (/clipCanary|Content Security Policy/i.test(m.text())) executed[where].add(`console:${m.text().slice(0, 120)}`);
  });
  page.on('pageerror', (e) => {
    if (/clipCanary/i.test(e.message)) executed[where].add(`pageerror:${e.message.slice(0, 120)}`);
  });
  return page;
}

describe('hostile content stays inert (production build, Debian Chromium)', () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const server = await serveFiles(files, {
      intercept(url, req, res) {
        if (url.pathname !== '/canary') return false;
        serverHits.push(`${url.searchParams.get('v')} from ${req.headers.referer ?? req.headers.origin ?? '?'}`);
        res.writeHead(204).end();
        return true;
      },
    });
    ({ origin } = teardown.add(server));
    pages = buildAttackPages(ATTACK_VECTORS, 12, origin);
    // The hostile pages may run their own payloads on their own origin: give them a harmless canary.
    const pageCanary = `<script>window.__clipCanary = function () {};</script>`;
    for (const p of pages) files.set(`/news/attack-${p.index}`, { type: 'text/html; charset=utf-8', body: p.html.replace('<head>', `<head>${pageCanary}`) });
    buildCopy = teardown.tempDir('clipshelf-build-');
    const build = copyBuild(join(buildCopy, 'chrome-mv3'));
    cpSync('.output/firefox-mv3/manifest.json', join(buildCopy, 'firefox-manifest.json'));
    cpSync('dist/widget/clip-shelf.js', join(buildCopy, 'clip-shelf.js'));
    session = teardown.add(await launchExtension({ extensionPath: build.path }));
    teardown.watchdog(590_000);
  }, 120_000);

  afterAll(() => teardown.run());

  it('the built manifest keeps the default MV3 CSP: no loosening, no remote code, no eval', () => {
    const manifest = JSON.parse(readFileSync(join(buildCopy, 'chrome-mv3/manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.manifest_version).toBe(3);
    expect(manifest).not.toHaveProperty('content_security_policy');
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(manifest).not.toHaveProperty('sandbox');
    const { optional_host_permissions: optionalHosts = [], ...rest } = manifest;
    expect(JSON.stringify(rest)).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:\/\/(?!127\.0\.0\.1)/);
    expect(manifest.host_permissions ?? []).toEqual([]);
    // Sites are only optional (granted at run time for capturing imported links), and only web pages.
    for (const pattern of optionalHosts as string[]) expect(pattern).toMatch(/^https?:\/\/[^/]+\/\*$/);
    const war = (manifest.web_accessible_resources ?? []) as Array<{ resources: string[] }>;
    expect(war.flatMap((w) => w.resources).filter((r) => /\.html$|\*/.test(r))).toEqual([]);
    for (const html of ['popup.html', 'library.html']) {
      const text = readFileSync(join(buildCopy, 'chrome-mv3', html), 'utf8');
      // Only the extension's own module scripts; nothing remote, no inline script.
      for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        expect(m[1]).toMatch(/src="\/?[^":]+"/);
        expect(m[2]!.trim()).toBe('');
      }
    }
    const firefox = JSON.parse(readFileSync(join(buildCopy, 'firefox-manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(firefox).not.toHaveProperty('content_security_policy');
  });

  it('captures every attack page with a toolbar click; the popup runs nothing', { timeout: 400_000 }, async () => {
    let saved = 0;
    for (const p of pages) {
      const url = `${origin}/news/attack-${p.index}`;
      const tab = await session!.context.newPage();
      tab.on('dialog', (d) => void d.dismiss());
      let popup: RawTarget | undefined;
      try {
        await withTimeout(tab.goto(url, { waitUntil: 'domcontentloaded' }), 20_000, `loading ${url}`);
        await tab.bringToFront();
        popup = await session!.clickToolbar(url).catch(async () => {
          // A popup that did not load in time (the browser is busy after a hung capture): click once more.
          await tab.bringToFront();
          return session!.clickToolbar(url);
        });
        await popup.evaluate(INSTRUMENT);
        const settle = () =>
          settledPopupState(popup!, 30_000, `the popup result for page ${p.index}`).catch(() => ({ kind: 'hung', text: 'still saving after 30 s' }));
        let state = await settle();
        if (state.kind === 'not-article') {
          // Payloads that swallow the rest of the page (xmp, plaintext, noembed …) can make it look like no article.
          console.info(`[hostile] page ${p.index}: not an article → "Save anyway"`);
          await popup.evaluate(`[...document.querySelector('clip-popup').shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Save anyway').click()`);
          await new Promise((r) => setTimeout(r, 200));
          state = await settle();
        }
        if (state.kind === 'saved' || state.kind === 'updated') savedCount = ++saved;
        else {
          if (state.kind === 'hung') hungPages.push(p.index);
          console.info(`[hostile] page ${p.index} (vectors ${p.vectors.map((v) => v.id).join(',')}): popup says ${state.kind}: ${state.text}`);
        }
        // Let the popup render the saved article (title, speakers, topics) before reading the watch.
        await new Promise((r) => setTimeout(r, 300));
        record('popup', await popup.evaluate<Watch | null>(READ_WATCH), `popup ${p.index}`);
        if (p.index === 1) await popup.screenshot(join(ARTIFACTS, 'hostile-popup.png'));
      } finally {
        await popup?.close();
        await tab.close();
      }
    }
    console.info(`[hostile] ${pages.length} pages captured, ${saved} saved, hung: ${hungPages.join(',') || 'none'}`);
    // Every page ends saved, or (known bug below) hung; never executed.
    expect(saved + hungPages.length).toBe(pages.length);
    expect([...executed.popup]).toEqual([]);
  });

  // Fixed: DOM clobbering `<form><input name=parentNode></form>` (vector #36) used to send Readability's
  // _getNextNode into an endless loop in the content script ("Saving…" for ever). Capture now strips clobbering
  // names from its copy first, and the background gives up on a capture after 30 s with a clear message.
  it('every attack page ends with a save result (no capture hangs)', () => {
    expect(hungPages).toEqual([]);
  });

  it('stored HTML is inert and URL fields are http(s) (checked in Node with a spec parser)', { timeout: 60_000 }, async () => {
    const page = await watchedPage('library', 'db read');
    try {
      await page.goto(session!.extensionUrl('library.html'));
      const db = await page.evaluate<DbSnapshot>(READ_DB);
      expect(db.articles).toHaveLength(savedCount);
      for (const c of db.contents) expect(findActiveContent(c.html), `article ${c.id}`).toEqual([]);
      for (const a of db.articles) {
        for (const u of [a.url, a.pageUrl, a.imageUrl]) expect(u === '' || /^https?:\/\//.test(u), u).toBe(true);
      }
    } finally {
      await page.close();
    }
  });

  it('the library page and the reader view of every article run nothing', { timeout: 180_000 }, async () => {
    const page = await watchedPage('library', 'library');
    try {
      await page.goto(session!.extensionUrl('library.html'));
      await waitFor(async () => (await page.locator('clip-library li[data-id]').count()) === savedCount, 15_000, 'all articles listed');
      await page.screenshot({ path: join(ARTIFACTS, 'hostile-library.png') });
      record('library', await page.evaluate<Watch | null>(READ_WATCH), 'library');
      const db = await page.evaluate<{ articles: ArticleMeta[] }>(READ_DB);
      const reader = await watchedPage('reader', 'reader');
      try {
        for (const a of db.articles) {
          await reader.goto(session!.extensionUrl(`library.html?article=${encodeURIComponent(a.id)}`));
          await reader.locator('clip-library-reader .body p').first().waitFor({ timeout: 10_000 });
          // Clicks on links in the article body must not run anything either.
          const links = reader.locator('clip-library-reader .body a');
          const n = Math.min(await links.count(), 5);
          for (let i = 0; i < n; i++) await links.nth(i).click({ modifiers: ['Control'], timeout: 2_000 }).catch(() => undefined);
          record('reader', await reader.evaluate<Watch | null>(READ_WATCH), `reader ${a.id}`);
        }
        await reader.screenshot({ path: join(ARTIFACTS, 'hostile-reader.png') });
      } finally {
        await reader.close();
      }
    } finally {
      await page.close();
    }
    expect([...executed.library]).toEqual([]);
    expect([...executed.reader]).toEqual([]);
  });

  it('<clip-shelf> on a host page, fed with the library\'s feed, runs nothing', { timeout: 90_000 }, async () => {
    const reader = await watchedPage('library', 'feed export');
    let records: ArticleRecord[];
    try {
      await reader.goto(session!.extensionUrl('library.html'));
      const db = await reader.evaluate<DbSnapshot>(READ_DB);
      const byId = new Map(db.contents.map((c) => [c.id, c]));
      records = db.articles.map((m) => ({ ...m, content: byId.get(m.id)! }));
    } finally {
      await reader.close();
    }
    files.set('/feed.json', { type: 'application/feed+json', body: JSON.stringify(toFeed(records, { title: 'Hostile library', includeContent: true })) });
    files.set('/clip-shelf.js', { type: 'text/javascript', body: readFileSync(join(buildCopy, 'clip-shelf.js')) });
    files.set('/host.html', {
      type: 'text/html; charset=utf-8',
      body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script>${INSTRUMENT.replace("window.__clipCanary = (n) => { watch.hits.push(String(n)); };", "window.__clipCanary = (n) => { watch.hits.push(String(n)); fetch('/canary?v=' + n); };")}</script>
<script type="module" src="/clip-shelf.js"></script></head><body>
<clip-shelf id="a" src="/feed.json" limit="100"></clip-shelf>
<clip-shelf id="s" src="/feed.json" view="speakers" limit="200"></clip-shelf>
<clip-shelf id="t" src="/feed.json" view="topics" limit="200"></clip-shelf></body></html>`,
    });
    const host = await session!.context.newPage();
    host.on('dialog', (d) => {
      dialogs.push(`widget: ${d.type()} ${d.message()}`);
      void d.dismiss();
    });
    host.on('console', (m) => {
      if (/clipCanary/i.test(m.text())) executed.widget.add(`console:${m.text().slice(0, 120)}`);
    });
    try {
      await host.goto(`${origin}/host.html`);
      await waitFor(() => host.evaluate(() => document.querySelector('#a')?.shadowRoot?.querySelectorAll('clip-article-card').length ?? 0), 15_000, 'the widget to render');
      // Interact: switch views, open speaker lists, follow the first links (they must be http(s)).
      await host.evaluate(() => new Promise((r) => setTimeout(r, 500)));
      const hrefs = await host.evaluate(() => {
        const out: string[] = [];
        const visit = (root: Document | ShadowRoot) => {
          for (const el of Array.from(root.querySelectorAll('*'))) {
            for (const name of ['href', 'src', 'xlink:href', 'action', 'formaction']) {
              const v = el.getAttribute(name);
              if (v !== null) out.push(v);
            }
            if (el.shadowRoot) visit(el.shadowRoot);
          }
        };
        visit(document);
        return out;
      });
      for (const h of hrefs) expect(h === '' || h.startsWith('#') || h.startsWith('/') || /^https?:\/\//.test(h), h).toBe(true);
      await host.screenshot({ path: join(ARTIFACTS, 'hostile-widget.png') });
      record('widget', await host.evaluate<Watch | null>(READ_WATCH), 'widget');
    } finally {
      await host.close();
    }
    expect([...executed.widget]).toEqual([]);
  });

  it('the watch is not blind: a handler injected into an extension page is reported', { timeout: 30_000 }, async () => {
    const page = await session!.context.newPage();
    await page.addInitScript(INSTRUMENT);
    try {
      await page.goto(session!.extensionUrl('library.html'));
      await page.evaluate(() => {
        const d = document.createElement('div');
        d.innerHTML = '<img src="http://127.0.0.1:9/x.png" onerror="__clipCanary(0)">';
        (document.querySelector('clip-library')?.shadowRoot ?? document.body).append(d);
      });
      const watch = await waitFor(async () => {
        const w = await page.evaluate<Watch | null>(READ_WATCH);
        return w && w.violations.length > 0 ? w : null;
      }, 10_000, 'a CSP violation report');
      expect(watch.violations[0]).toMatch(/script-src/);
      expect(watch.hits).toEqual([]); // blocked by the extension's CSP, as the second line of defence
    } finally {
      await page.close();
    }
  });

  it('reports the figures', () => {
    const all = new Set([...executed.popup, ...executed.library, ...executed.reader, ...executed.widget]);
    console.info(
      `[hostile] vectors tried: ${ATTACK_VECTORS.length} on ${pages.length} pages; executed — popup ${executed.popup.size}, library ${executed.library.size}, reader ${executed.reader.size}, widget ${executed.widget.size}; total ${all.size}; dialogs ${dialogs.length}; CSP violations ${violations.length}; canary fetches ${serverHits.length}`,
    );
    if (violations.length) console.info(`[hostile] CSP violations:\n${violations.slice(0, 20).join('\n')}`);
    expect(all.size).toBe(0);
    expect(dialogs).toEqual([]);
    expect(serverHits).toEqual([]);
    expect(violations).toEqual([]);
  });
});
