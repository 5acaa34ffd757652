// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../components/clip-popup';
import type { ClipPopup } from '../../components/clip-popup';
import { toFeedItem, type FeedItem } from '../../lib/feed';
import { createArticleRecord } from '../../lib/store';
import { makeAnalysis, makeCaptured } from '../lib/store/article-fixtures';

function item(title: string, speakers = ['Yan Liang'], topics = ['AI semiconductors']): FeedItem {
  const { content: _content, ...meta } = createArticleRecord(
    makeCaptured({ title, url: `https://news.example/${encodeURIComponent(title)}` }),
    makeAnalysis(speakers, topics),
    { now: Date.UTC(2026, 10, 28) },
  );
  return toFeedItem(meta);
}

async function mount(props: Partial<ClipPopup> = {}): Promise<ClipPopup> {
  const el = document.createElement('clip-popup');
  Object.assign(el, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const $ = (el: ClipPopup, selector: string) => el.shadowRoot!.querySelector(selector);
const $$ = (el: ClipPopup, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('<clip-popup>', () => {
  it('shows "Saving…" first, then "Saved" with speakers (one statement each) and topics', async () => {
    const el = await mount();
    expect(text($(el, '.state .label'))).toBe('Saving…');
    expect($(el, '.current')?.getAttribute('aria-busy')).toBe('true');

    el.status = { kind: 'saved', title: 'Summit', article: item('Summit', ['Yan Liang', 'Osamu Onodera'], ['trade', 'chips']) };
    await el.updateComplete;
    expect(text($(el, '.state .label'))).toBe('Saved');
    expect(text($(el, '.page-title'))).toBe('Summit');
    const list = $(el, '.current clip-speaker-list') as HTMLElement & { speakers: FeedItem['_clipshelf']['speakers']; updateComplete: Promise<unknown> };
    expect(list.speakers.map((s) => s.name)).toEqual(['Yan Liang', 'Osamu Onodera']);
    expect(list.getAttribute('max-statements')).toBe('1');
    await list.updateComplete;
    expect(list.shadowRoot!.querySelectorAll('.statement')).toHaveLength(2);
    const chips = $(el, '.current clip-topic-chips') as HTMLElement & { topics: string[] };
    expect(chips.topics).toEqual(['trade', 'chips']);
  });

  it('labels "Updated", "Not an article" with Save anyway, and the reasons a page cannot be saved', async () => {
    const el = await mount({ status: { kind: 'updated', title: 'Again', article: null } });
    expect(text($(el, '.state .label'))).toBe('Updated');

    const saveAnyway = vi.fn();
    el.addEventListener('clip-save-anyway', saveAnyway);
    el.status = { kind: 'not-article', title: 'Links', message: "This page doesn't look like an article." };
    await el.updateComplete;
    expect(text($(el, '.state .label'))).toBe('Not an article');
    expect(text($(el, '.current .reason'))).toBe("This page doesn't look like an article.");
    const button = $$(el, 'button').find((b) => text(b) === 'Save anyway') as HTMLButtonElement;
    button.click();
    expect(saveAnyway).toHaveBeenCalledTimes(1);

    el.status = { kind: 'unsupported', reason: "Browser and extension pages can't be saved." };
    await el.updateComplete;
    expect(text($(el, '.state .label'))).toBe("Can't save this page");
    expect(text($(el, '.current .reason'))).toBe("Browser and extension pages can't be saved.");

    el.status = { kind: 'failed', reason: 'Not saved: the disk is full.' };
    await el.updateComplete;
    expect(text($(el, '.state .label'))).toBe('Not saved');
  });

  it('lists the library with a named search box and reports the query', async () => {
    const el = await mount({ articles: [item('Newer'), item('Older')], total: 2, loading: false });
    expect($$(el, '.items > li')).toHaveLength(2);
    expect(text($(el, '.library-head .muted'))).toBe('2 articles');
    const search = $(el, 'input[type=search]') as HTMLInputElement;
    expect(search.getAttribute('aria-label')).toBe('Search saved articles');
    const onSearch = vi.fn();
    el.addEventListener('clip-search', (e) => onSearch(e.detail));
    search.value = 'yan';
    search.dispatchEvent(new Event('input'));
    expect(onSearch).toHaveBeenCalledWith({ query: 'yan' });
    el.articles = [];
    await el.updateComplete;
    expect(text($(el, '.library .empty'))).toBe('No saved article matches “yan”.');
    el.query = '';
    el.total = 0;
    await el.updateComplete;
    expect(text($(el, '.library .empty'))).toBe('Nothing saved yet.');
  });

  it('asks to read, delete and undo with named buttons', async () => {
    const a = item('Newer');
    const el = await mount({ articles: [a], total: 1, loading: false });
    const events: [string, unknown][] = [];
    for (const type of ['clip-article-read', 'clip-article-delete', 'clip-article-restore'] as const) {
      el.addEventListener(type, (e) => events.push([type, e.detail]));
    }
    const read = $(el, `button[aria-label="Read “Newer” in ClipShelf"]`) as HTMLButtonElement;
    const del = $(el, 'button[aria-label="Delete “Newer”"]') as HTMLButtonElement;
    read.click();
    del.click();
    el.deleted = { id: a.id, title: 'Newer' };
    await el.updateComplete;
    expect(text($(el, '.toast span'))).toBe('Deleted “Newer”.');
    ($(el, '.toast button') as HTMLButtonElement).click();
    expect(events).toEqual([
      ['clip-article-read', { id: a.id, title: 'Newer' }],
      ['clip-article-delete', { id: a.id, title: 'Newer' }],
      ['clip-article-restore', { id: a.id, title: 'Newer' }],
    ]);
  });

  it('names every control', async () => {
    const el = await mount({ articles: [item('One')], total: 1, loading: false, status: { kind: 'not-article', title: '', message: 'm' } });
    for (const control of $$(el, 'button, input, a')) {
      const name = control.getAttribute('aria-label') ?? text(control);
      expect(name, control.outerHTML).not.toBe('');
    }
  });
});
