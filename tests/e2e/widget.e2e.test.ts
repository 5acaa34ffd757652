/**
 * The standalone widget (dist/widget/clip-shelf.js, from `npm run build:widget`) in Debian's Chromium:
 * two widgets on a page that loads the module twice, the seed article's speakers, keyboard topic
 * filtering, dark theme, axe-core in light and dark, a hostile feed that must execute nothing, a
 * 280px-wide viewport, and screenshots in test-artifacts/ (widget-light.png, widget-dark.png).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../tools/serve-demo';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './helpers/chromium';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const artifacts = join(root, 'test-artifacts');
const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const SEED_SPEAKERS = ['Yan Liang', 'Osamu Onodera', 'Haeng-A Seo', 'Ni Yueju', 'Nam Eunyoung'];

const page = (body: string, title: string) => ({
  type: 'text/html; charset=utf-8',
  csp: false,
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{margin:0;padding:12px;font-family:sans-serif} main{display:grid;gap:16px}</style>
<script type="module" src="/clip-shelf.js"></script>
<script type="module" src="/clip-shelf.js?second-copy"></script>
</head><body><main><h1>${title}</h1>${body}</main></body></html>`,
});

const hostileText = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=1<\/script>"><svg onload=alert(1)>';
function hostileFeed(): unknown {
  const speaker = { name: hostileText, role: hostileText, kind: 'person', statements: [{ text: hostileText, kind: 'direct' }] };
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: hostileText,
    home_page_url: 'javascript:alert(1)',
    _clipshelf: { version: 1 },
    items: [
      {
        id: 'x',
        url: 'javascript:window.__pwned=1',
        image: 'javascript:alert(1)',
        title: hostileText + 'A'.repeat(200_000),
        summary: hostileText,
        content_text: hostileText,
        date_published: hostileText,
        tags: [hostileText],
        _clipshelf: {
          version: 1,
          site: hostileText,
          source: '',
          saved_at: '',
          word_count: 1e12,
          reading_minutes: 3,
          topics: [{ label: hostileText, score: 5 }],
          speakers: Array.from({ length: 500 }, () => speaker),
        },
      },
    ],
  };
}

let demo: DemoServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  demo = await startDemoServer({
    routes: {
      '/two.html': page(
        `<clip-shelf id="light" src="/feed.json" theme="light"></clip-shelf>
         <clip-shelf id="dark" src="/feed.json" theme="dark" view="speakers" limit="50"></clip-shelf>`,
        'Two widgets',
      ),
      '/hostile.json': { type: 'application/json', body: JSON.stringify(hostileFeed()) },
      '/broken.json': { type: 'application/json', body: '{"version": "https://jsonfeed.org/version/1.1", "items": [' },
      '/hostile.html': page(
        `<clip-shelf id="hostile" src="/hostile.json" view="articles"></clip-shelf>
         <clip-shelf id="hostile-speakers" src="/hostile.json" view="speakers"></clip-shelf>
         <clip-shelf id="hostile-topics" src="/hostile.json" view="topics"></clip-shelf>
         <clip-shelf id="broken" src="/broken.json"></clip-shelf>
         <clip-shelf id="missing" src="/nope.json"></clip-shelf>`,
        'Hostile feeds',
      ),
    },
  });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  // bypassCSP only so axe-core can be injected into the demo page (which has a strict CSP).
  context = await browser.newContext({ viewport: { width: 1000, height: 900 }, bypassCSP: true });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await demo?.close();
});

/** Opens a page and fails the test on any page error or console error. */
async function open(path: string, options: { colorScheme?: 'light' | 'dark' } = {}) {
  const p = await context.newPage();
  const problems: string[] = [];
  p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  p.on('console', (m) => {
    if (m.type() === 'error' && !/404 \(Not Found\)/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  p.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  if (options.colorScheme) await p.emulateMedia({ colorScheme: options.colorScheme });
  await p.goto(demo.url + path.replace(/^\//, ''));
  return { page: p, problems };
}

async function waitReady(p: Page, selector: string) {
  await p.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      return !!el?.shadowRoot && !el.shadowRoot.querySelector('[role="status"] .spinner') && !!el.shadowRoot.querySelector('h2');
    },
    selector,
  );
}

async function runAxe(p: Page) {
  await p.addScriptTag({ content: axeSource });
  return p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, why: n.failureSummary })) }));
  });
}

describe('clip-shelf widget in Chromium', () => {
  it('loads twice without errors, renders two widgets and the seed article’s speakers', async () => {
    const { page: p, problems } = await open('/two.html');
    await waitReady(p, '#light');
    await waitReady(p, '#dark');
    expect(await p.evaluate(() => customElements.get('clip-shelf') !== undefined)).toBe(true);
    await expect.poll(() => p.locator('#light clip-article-card').count()).toBe(demo.feed.items.length);
    await expect(p.locator('#light clip-article-card').first().locator('h3 a').textContent()).resolves.toContain('China-Japan-ROK');
    const speakersText = (await p.locator('#dark .group h3').allTextContents()).join('\n');
    for (const name of SEED_SPEAKERS) expect(speakersText).toContain(name);
    expect(problems).toEqual([]);
    await p.close();
  });

  it('filters by topic with the keyboard only, and switches views with arrow keys', async () => {
    const { page: p, problems } = await open('/two.html');
    await waitReady(p, '#light');
    const total = await p.locator('#light clip-article-card').count();
    // Tab from the search box into the first article until a topic chip has focus.
    await p.locator('#light input[type="search"]').focus();
    let focused = '';
    for (let i = 0; i < 40 && !focused.startsWith('chip:'); i++) {
      await p.keyboard.press('Tab');
      focused = await p.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.classList.contains('chip') ? `chip:${el.textContent!.trim()}` : (el?.tagName ?? '');
      });
    }
    expect(focused).toMatch(/^chip:/);
    const topic = focused.slice(5);
    await p.keyboard.press('Enter');
    await expect.poll(() => p.locator('#light').getAttribute('topic')).toBe(topic);
    const filtered = await p.locator('#light clip-article-card').count();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThanOrEqual(total);
    const expected = demo.feed.items.filter((i) => i._clipshelf.topics.some((t) => t.label.toLowerCase() === topic.toLowerCase())).length;
    expect(filtered).toBe(expected);
    // Arrow keys on the tab list: Articles → Speakers → Topics.
    await p.locator('#light [role="tab"][aria-selected="true"]').focus();
    await p.keyboard.press('ArrowRight');
    await expect.poll(() => p.locator('#light').getAttribute('view')).toBe('speakers');
    await p.keyboard.press('ArrowRight');
    await expect.poll(() => p.locator('#light').getAttribute('view')).toBe('topics');
    expect(await p.evaluate(() => document.querySelector('#light')!.shadowRoot!.activeElement?.id)).toBe('tab-topics');
    expect(problems).toEqual([]);
    await p.close();
  });

  it('applies the dark theme (attribute and prefers-color-scheme with auto)', async () => {
    const { page: p } = await open('/two.html');
    await waitReady(p, '#dark');
    const bg = (sel: string) => p.evaluate((s) => getComputedStyle(document.querySelector(s)!).backgroundColor, sel);
    expect(await bg('#dark')).toBe('rgb(22, 24, 29)');
    expect(await bg('#light')).toBe('rgb(255, 255, 255)');
    await p.evaluate(() => document.querySelector('#light')!.setAttribute('theme', 'auto'));
    await p.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => bg('#light')).toBe('rgb(22, 24, 29)');
    await p.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => bg('#light')).toBe('rgb(255, 255, 255)');
    await p.close();
  });

  it('has no axe-core violations in light and dark, and saves screenshots', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page: p, problems } = await open('/', { colorScheme: scheme });
      await waitReady(p, '#main-shelf');
      await p.locator('#main-shelf clip-article-card').first().waitFor();
      await p.evaluate((s) => document.querySelectorAll('clip-shelf').forEach((el) => el.setAttribute('theme', s)), scheme);
      await p.waitForTimeout(100);
      const violations = await runAxe(p);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
      await p.screenshot({ path: join(artifacts, `widget-${scheme}.png`), clip: { x: 0, y: 0, width: 1000, height: 1400 } });
      await p.screenshot({ path: join(artifacts, `widget-${scheme}-full.png`), fullPage: true });
      // Cards off screen are not painted (content-visibility: auto): bring the views into a tall viewport first.
      await p.setViewportSize({ width: 1000, height: 1400 });
      await p.locator('.grid').evaluate((el) => el.scrollIntoView());
      await p.waitForTimeout(200);
      await p.screenshot({ path: join(artifacts, `widget-${scheme}-views.png`) });
      expect(problems).toEqual([]);
      await p.close();
    }
  });

  it('has no axe-core violations in the Speakers and Topics views and the cards layout', async () => {
    const { page: p } = await open('/two.html');
    await waitReady(p, '#light');
    for (const [view, layout] of [['speakers', 'list'], ['topics', 'list'], ['articles', 'cards'], ['articles', 'compact']]) {
      await p.evaluate(([v, l]) => {
        const el = document.querySelector('#light')!;
        el.setAttribute('view', v!);
        el.setAttribute('layout', l!);
      }, [view, layout]);
      await p.waitForTimeout(150);
      const violations = await runAxe(p);
      expect(violations, `${view}/${layout}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
      await p.locator('#light').screenshot({ path: join(artifacts, `widget-${view}-${layout}.png`) });
    }
    await p.close();
  });

  it('fits a 280px-wide viewport without horizontal scrolling', async () => {
    const p = await context.newPage();
    await p.setViewportSize({ width: 280, height: 800 });
    await p.goto(demo.url + 'two.html');
    await waitReady(p, '#light');
    await p.locator('#light clip-article-card').first().waitFor();
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(280);
    await p.screenshot({ path: join(artifacts, 'widget-280px.png'), fullPage: false });
    await p.close();
  });

  it('a hostile, broken or missing feed executes nothing and shows escaped text or an error state', async () => {
    const { page: p, problems } = await open('/hostile.html');
    for (const id of ['#hostile', '#hostile-speakers', '#hostile-topics', '#broken', '#missing']) await waitReady(p, id);
    await p.locator('#hostile clip-article-card').first().waitFor();
    await p.waitForTimeout(300);
    expect(await p.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    const report = await p.evaluate(() => {
      const all: Element[] = [];
      const walk = (r: ParentNode) => r.querySelectorAll('*').forEach((n) => (all.push(n), n.shadowRoot && walk(n.shadowRoot)));
      walk(document.body);
      return {
        injected: all.filter((n) => ['img', 'script', 'svg', 'iframe'].includes(n.localName) && n.closest('clip-shelf') === null && n.getRootNode() !== document).length,
        hrefs: all.filter((n) => n.localName === 'a').map((a) => a.getAttribute('href')),
        title: document.querySelector('#hostile')!.shadowRoot!.querySelector('clip-article-card')!.shadowRoot!.querySelector('.title')!.textContent!,
        broken: document.querySelector('#broken')!.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '',
        missing: document.querySelector('#missing')!.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '',
      };
    });
    expect(report.injected).toBe(0);
    expect(report.hrefs.filter((h) => !/^https?:/.test(h ?? ''))).toEqual([]);
    expect(report.title.startsWith('<img src=x onerror=')).toBe(true);
    expect(report.title.length).toBeLessThanOrEqual(500);
    expect(report.broken).toContain('not valid JSON');
    expect(report.missing).toContain('404');
    expect(problems).toEqual([]);
    await p.close();
  });

  it('pre-defined tags on the host page do not break loading', async () => {
    const p = await context.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.setContent('<p>host</p>');
    await p.goto(demo.url + 'two.html');
    await waitReady(p, '#light');
    // String expressions: vitest would rewrite a dynamic import() inside a function.
    await p.evaluate(`import(${JSON.stringify(demo.url + 'clip-shelf.js?third')})`);
    const p2 = await context.newPage();
    p2.on('pageerror', (e) => errors.push(e.message));
    await p2.goto(demo.url + 'hostile.json');
    await p2.evaluate(`(async () => {
      customElements.define('clip-speaker-list', class extends HTMLElement {});
      await import(${JSON.stringify(demo.url + 'clip-shelf.js')});
      document.body.append(document.createElement('clip-shelf'));
    })()`);
    expect(await p2.evaluate(() => customElements.get('clip-shelf') !== undefined)).toBe(true);
    expect(errors).toEqual([]);
    await p.close();
    await p2.close();
  });
});
