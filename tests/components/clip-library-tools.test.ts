// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import '../../components/clip-library';
import '../../components/clip-library-tools';
import '../../components/clip-library-notices';
import { toFeedItem } from '../../lib/feed';
import { createArticleRecord } from '../../lib/store';
import { makeAnalysis, makeCaptured } from '../lib/store/article-fixtures';
import type { ClipLibraryNotices } from '../../components/clip-library-notices';
import type { ClipCaptureProgress, ClipImportReport, ClipLibraryTools } from '../../components/clip-library-tools';

async function mountTools(props: Partial<ClipLibraryTools> = {}): Promise<ClipLibraryTools> {
  const el = document.createElement('clip-library-tools');
  Object.assign(el, { total: 3, shown: 3 }, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

async function mountNotices(props: Partial<ClipLibraryNotices> = {}): Promise<ClipLibraryNotices> {
  const el = document.createElement('clip-library-notices');
  Object.assign(el, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const buttons = (el: Element) => [...el.shadowRoot!.querySelectorAll('button')];
const button = (el: Element, text: RegExp) => buttons(el).find((b) => text.test(b.textContent ?? ''));
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function record(el: EventTarget, ...types: string[]): { type: string; detail: unknown }[] {
  const seen: { type: string; detail: unknown }[] = [];
  for (const type of types) el.addEventListener(type, (e) => seen.push({ type, detail: (e as CustomEvent).detail }));
  return seen;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('<clip-library-tools>', () => {
  it('offers export, embed, Markdown, backup and import; "Capture N pending" only with pending articles', async () => {
    const el = await mountTools();
    expect(buttons(el).map((b) => text(b))).toEqual(['Export feed…', 'Copy embed code', 'Export Markdown', 'Export everything', 'Cancel', 'Download feed', 'Done']);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(input.multiple).toBe(true);
    expect(input.accept).toBe('.json,.csv,.zip,.html,.htm');
    expect(button(el, /pending/)).toBeUndefined();
    el.pending = 4;
    await el.updateComplete;
    expect(text(button(el, /pending/))).toBe('Capture 4 pending');
    // While a capture runs the button gives way to the progress in the notices.
    el.capture = { state: 'running', total: 4, done: 1, captured: 1, failures: [], current: 'x' };
    await el.updateComplete;
    expect(button(el, /pending/)).toBeUndefined();
  });

  it('the feed dialog exports everything without full text by default', async () => {
    const el = await mountTools();
    const seen = record(el, 'clip-export-feed');
    button(el, /Export feed/)!.click();
    const dialog = el.shadowRoot!.querySelector('dialog#feed')!;
    expect(dialog.hasAttribute('open')).toBe(true);
    const radios = [...dialog.querySelectorAll<HTMLInputElement>('input[name=scope]')];
    expect(radios.find((r) => r.value === 'shown')!.disabled).toBe(true); // nothing filtered: "shown" = everything
    expect(dialog.querySelector<HTMLInputElement>('input[name=content]')!.checked).toBe(false);
    dialog.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(seen).toEqual([{ type: 'clip-export-feed', detail: { scope: 'all', includeContent: false } }]);
  });

  it('with a filter on, the feed dialog defaults to what is shown and passes "include full text"', async () => {
    const el = await mountTools({ filtered: true, shown: 1, total: 3 });
    const seen = record(el, 'clip-export-feed');
    const dialog = el.shadowRoot!.querySelector('dialog#feed')!;
    expect(text(dialog)).toContain('What the library shows now (1 article)');
    expect(text(dialog)).toContain('Everything (3 articles)');
    expect(dialog.querySelector<HTMLInputElement>('input[value=shown]')!.checked).toBe(true);
    dialog.querySelector<HTMLInputElement>('input[name=content]')!.checked = true;
    dialog.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(seen.at(-1)?.detail).toEqual({ scope: 'shown', includeContent: true });
    expect(text(button(el, /Markdown/))).toBe('Export shown as Markdown');
  });

  it('fires the other tools’ events', async () => {
    const el = await mountTools({ pending: 2, filtered: true });
    const seen = record(el, 'clip-copy-embed', 'clip-export-backup', 'clip-export-markdown', 'clip-capture-pending', 'clip-import-files');
    button(el, /Copy embed/)!.click();
    button(el, /Export everything/)!.click();
    button(el, /Markdown/)!.click();
    button(el, /pending/)!.click();
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    const file = new File(['title,url,time_added\n'], 'part_000000.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    expect(seen.map((s) => s.type)).toEqual(['clip-copy-embed', 'clip-export-backup', 'clip-export-markdown', 'clip-capture-pending', 'clip-import-files']);
    expect(seen[2]!.detail).toEqual({ scope: 'shown' });
    expect((seen[4]!.detail as { files: File[] }).files[0]!.name).toBe('part_000000.csv');
  });

  it('disables the tools while one runs and says so on its button', async () => {
    const el = await mountTools({ busy: 'backup' });
    expect(text(button(el, /Exporting/))).toBe('Exporting…');
    expect(buttons(el).filter((b) => /Export|Copy/.test(text(b))).every((b) => b.disabled)).toBe(true);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!.disabled).toBe(true);
  });

  it('shows the embed code in a dialog, with the clipboard result', async () => {
    const el = await mountTools();
    const snippet = '<script type="module" src="clip-shelf.js"></script>\n<clip-shelf src="clipshelf-feed.json" theme="auto"></clip-shelf>\n';
    el.embedSnippet = snippet;
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('dialog#embed')!;
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.querySelector('textarea')!.value).toBe(snippet);
    el.copyState = 'failed';
    await el.updateComplete;
    expect(text(dialog.querySelector('[role=status]'))).toMatch(/did not allow copying/);
    el.copyState = 'copied';
    await el.updateComplete;
    expect(text(dialog.querySelector('[role=status]'))).toBe('Copied to the clipboard.');
  });
});

describe('<clip-library-notices>', () => {
  const running: ClipCaptureProgress = { state: 'running', total: 5, done: 2, captured: 1, failures: [{ title: 'Gone', reason: 'The page did not load' }], current: 'Third story' };

  it('shows capture progress with Cancel, then the outcome', async () => {
    const el = await mountNotices({ capture: running });
    const seen = record(el, 'clip-capture-cancel');
    const progress = el.shadowRoot!.querySelector('progress')!;
    expect(progress.getAttribute('max')).toBe('5');
    expect(progress.value).toBe(2);
    expect(text(el.shadowRoot!.querySelector('.capture'))).toContain('Capturing pending articles: 2 of 5');
    expect(text(el.shadowRoot!.querySelector('.capture'))).toContain('Now: Third story');
    expect(text(el.shadowRoot!.querySelector('details'))).toContain('Gone: The page did not load');
    button(el, /Cancel/)!.click();
    expect(seen).toHaveLength(1);
    el.capture = { ...running, state: 'cancelled', current: '' };
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('.capture label'))).toBe('Capture stopped: 1 article captured, 1 failed, 3 left to capture.');
    expect(button(el, /Cancel/)).toBeUndefined();
    const dismissed = record(el, 'clip-notice-dismiss');
    button(el, /Dismiss/)!.click();
    expect(dismissed).toHaveLength(1);
  });

  it('shows an import report as text (file names are untrusted) and dismisses it', async () => {
    const report: ClipImportReport = {
      ok: true,
      summary: '2 articles imported (0 with content, 2 to capture), 1 skipped.',
      files: [{ file: '<img src=x onerror=alert(1)>.csv', format: 'Pocket export (CSV)', found: 3, added: 0, pending: 2, merged: 0, skipped: 1 }],
      skipped: ['part.csv (javascript:alert(1)): not a web address'],
      warnings: [],
    };
    const el = await mountNotices({ report });
    const seen = record(el, 'clip-notice-dismiss');
    const section = el.shadowRoot!.querySelector('section.report')!;
    expect(section.getAttribute('role')).toBe('status');
    expect(section.querySelector('img')).toBeNull();
    expect(text(section.querySelector('.files'))).toContain('<img src=x onerror=alert(1)>.csv (Pocket export (CSV)): 3 found, 0 came in with content, 2 to capture, 0 merged, 1 skipped');
    expect(text(section.querySelector('details'))).toContain('not a web address');
    button(el, /Dismiss/)!.click();
    expect(seen).toHaveLength(1);
  });

  it('a failed import is an alert', async () => {
    const el = await mountNotices({ report: { ok: false, summary: 'Nothing was imported: bad file', files: [], skipped: [], warnings: [] } });
    expect(el.shadowRoot!.querySelector('section.report')!.getAttribute('role')).toBe('alert');
    el.report = null;
    el.message = 'Export failed: disk full';
    el.tone = 'error';
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[role=alert] .message'))).toBe('Export failed: disk full');
  });
});

describe('<clip-library> pending articles', () => {
  it('marks imported links waiting for capture as "To capture"', async () => {
    const { content: _a, ...saved } = createArticleRecord(makeCaptured({ url: 'https://news.example/a', title: 'Saved one' }), makeAnalysis(), { now: 2 });
    const { content: _b, ...link } = createArticleRecord(makeCaptured({ url: 'https://news.example/b', title: 'Link only' }), makeAnalysis([], []), { now: 1 });
    const el = document.createElement('clip-library');
    Object.assign(el, { loading: false, total: 2, articles: [toFeedItem(saved), toFeedItem({ ...link, state: 'pending' })], pending: [link.id] });
    document.body.append(el);
    await el.updateComplete;
    const items = [...el.shadowRoot!.querySelectorAll('li[data-id]')];
    expect(items.map((li) => li.querySelector('.to-capture') !== null)).toEqual([false, true]);
    expect(text(items[1]!.querySelector('.to-capture'))).toBe('To capture');
  });
});
