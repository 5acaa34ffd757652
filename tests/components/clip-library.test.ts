// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../components/clip-library';
import type { ClipLibrary } from '../../components/clip-library';
import type { ClipLibraryReader } from '../../components/clip-library-reader';
import { markStatements } from '../../components/clip-library-html';
import { toFeedItem } from '../../lib/feed';
import type { ArticleContent, ArticleMeta, Speaker } from '../../lib/model';
import { createArticleRecord } from '../../lib/store';
import { makeAnalysis, makeCaptured } from '../lib/store/article-fixtures';

function meta(title: string, speakers = ['Yan Liang'], topics = ['trade']): ArticleMeta {
  const { content: _content, ...rest } = createArticleRecord(
    makeCaptured({ title, url: `https://news.example/${encodeURIComponent(title)}` }),
    makeAnalysis(speakers, topics),
    { now: 1 },
  );
  return rest;
}

async function mount(props: Partial<ClipLibrary> = {}): Promise<ClipLibrary> {
  const el = document.createElement('clip-library');
  Object.assign(el, { loading: false }, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const $ = (root: Element, selector: string) => root.shadowRoot!.querySelector(selector);
const $$ = (root: Element, selector: string) => [...root.shadowRoot!.querySelectorAll(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('<clip-library> list', () => {
  const articles = [meta('Chips summit', ['Yan Liang'], ['trade', 'chips']), meta('Ocean report', ['Séverine Dupré'], ['ocean'])];
  const facets = {
    speakers: [
      { key: 'yan liang', label: 'Yan Liang', count: 1 },
      { key: 'séverine dupré', label: 'Séverine Dupré', count: 1 },
    ],
    topics: [
      { key: 'trade', label: 'trade', count: 1 },
      { key: 'ocean', label: 'ocean', count: 1 },
    ],
  };

  it('lists every article with a toolbar slot for library-wide tools', async () => {
    const el = await mount({ articles: articles.map((a) => toFeedItem(a)), total: 2, ...facets });
    expect($$(el, 'li[data-id]')).toHaveLength(2);
    expect(text($(el, '.count'))).toBe('2 articles');
    expect($(el, 'slot[name="toolbar"]')).not.toBeNull();
  });

  it('reports search, speaker and topic filters, and clears them', async () => {
    const el = await mount({ articles: articles.map((a) => toFeedItem(a)), total: 2, ...facets });
    const changes: unknown[] = [];
    el.addEventListener('clip-filter-change', (e) => changes.push(e.detail));

    const search = $(el, 'input[type=search]') as HTMLInputElement;
    search.value = 'chips';
    search.dispatchEvent(new Event('input'));
    const [speakerSelect, topicSelect] = $$(el, 'select') as HTMLSelectElement[];
    expect([...speakerSelect!.options].map((o) => o.textContent?.trim())).toEqual(['All speakers', 'Yan Liang (1)', 'Séverine Dupré (1)']);
    speakerSelect!.value = 'yan liang';
    speakerSelect!.dispatchEvent(new Event('change'));
    topicSelect!.value = 'trade';
    topicSelect!.dispatchEvent(new Event('change'));
    expect(changes).toEqual([
      { query: 'chips', speaker: '', topic: '' },
      { query: 'chips', speaker: 'yan liang', topic: '' },
      { query: 'chips', speaker: 'yan liang', topic: 'trade' },
    ]);

    el.articles = [toFeedItem(articles[0]!)];
    await el.updateComplete;
    expect(text($(el, '.count'))).toBe('1 of 2 articles');
    ($(el, 'button.clear') as HTMLButtonElement).click();
    expect(changes.at(-1)).toEqual({ query: '', speaker: '', topic: '' });
  });

  it('a topic chip in a card toggles the topic filter', async () => {
    const el = await mount({ articles: articles.map((a) => toFeedItem(a)), total: 2, ...facets });
    const onChange = vi.fn();
    el.addEventListener('clip-filter-change', (e) => onChange(e.detail));
    const card = $(el, 'clip-article-card')!;
    card.dispatchEvent(new CustomEvent('clip-topic-select', { detail: { topic: 'Trade' }, bubbles: true, composed: true }));
    expect(onChange).toHaveBeenLastCalledWith({ query: '', speaker: '', topic: 'trade' });
    card.dispatchEvent(new CustomEvent('clip-topic-select', { detail: { topic: 'trade' }, bubbles: true, composed: true }));
    expect(onChange).toHaveBeenLastCalledWith({ query: '', speaker: '', topic: '' });
    card.dispatchEvent(new CustomEvent('clip-speaker-select', { detail: { speaker: 'Yan Liang' }, bubbles: true, composed: true }));
    expect(onChange).toHaveBeenLastCalledWith({ query: '', speaker: 'yan liang', topic: '' });
  });

  it('asks to read and delete, and offers undo', async () => {
    const el = await mount({ articles: [toFeedItem(articles[0]!)], total: 1, ...facets });
    const events: [string, unknown][] = [];
    for (const type of ['clip-article-read', 'clip-article-delete', 'clip-article-restore'] as const) {
      el.addEventListener(type, (e) => events.push([type, e.detail]));
    }
    ($(el, 'button[aria-label="Read “Chips summit”"]') as HTMLButtonElement).click();
    ($(el, 'button[aria-label="Delete “Chips summit”"]') as HTMLButtonElement).click();
    el.deleted = { id: articles[0]!.id, title: 'Chips summit' };
    await el.updateComplete;
    ($(el, '.toast button') as HTMLButtonElement).click();
    const ref = { id: articles[0]!.id, title: 'Chips summit' };
    expect(events).toEqual([
      ['clip-article-read', ref],
      ['clip-article-delete', ref],
      ['clip-article-restore', ref],
    ]);
  });
});

describe('<clip-library-reader>', () => {
  const text1 = 'Leaders met in Seoul.\n\n"We will deepen cooperation," Yan Liang said. Later, Yan Liang said cooperation matters.\n\nShe said the plan is ready.';
  // As the page controller hands it over: sanitized already (lib/messaging prepareReaderHtml; tested in
  // tests/security/render-sanitizer.test.ts, where DOMPurify really runs).
  const html1 =
    '<p>Leaders met in <a href="https://seoul.example/" target="_blank" rel="noopener noreferrer">Seoul</a>.</p>' +
    '<p>“We will <em>deepen</em> cooperation,” Yan Liang said. Later, Yan Liang said cooperation matters.</p>' +
    '<p>She said the plan is ready.<img src="https://seoul.example/x.png" loading="lazy" referrerpolicy="no-referrer"></p>';
  const speaker: Speaker = {
    name: 'Yan Liang',
    aliases: [],
    role: 'professor',
    kind: 'person',
    statements: [
      { text: 'We will deepen cooperation', kind: 'direct', cue: 'said', start: text1.indexOf('We will'), end: text1.indexOf('We will') + 26 },
      { text: 'cooperation matters', kind: 'indirect', cue: 'said', start: text1.indexOf('cooperation matters'), end: text1.indexOf('cooperation matters') + 19 },
    ],
  };
  const other: Speaker = { ...speaker, name: 'Ana Ruiz', statements: [{ text: 'the plan is ready', kind: 'indirect', cue: 'said', start: text1.indexOf('the plan'), end: text1.indexOf('the plan') + 17 }] };
  const absent: Speaker = { ...speaker, name: 'Nobody', statements: [{ text: 'words that are not in the article', kind: 'direct', cue: 'said', start: 0, end: 10 }] };

  async function mountReader(): Promise<{ library: ClipLibrary; reader: ClipLibraryReader }> {
    const article = { ...meta('Seoul talks'), analysis: { speakers: [speaker, other, absent], topics: [{ label: 'cooperation', score: 1 }], summary: 'Leaders met.', lang: 'en' } };
    const content: ArticleContent = { id: article.id, html: html1, text: text1 };
    const library = await mount({ reader: { article, content } });
    const reader = $(library, 'clip-library-reader') as ClipLibraryReader;
    await reader.updateComplete;
    await reader.updateComplete; // second pass: links for the statements found
    return { library, reader };
  }

  it('renders the sanitized HTML it is given, structure and all', async () => {
    const { reader } = await mountReader();
    const body = $(reader, '.body')!;
    expect(body.querySelectorAll('p')).toHaveLength(3);
    expect(body.querySelector('em')?.textContent).toBe('deepen');
    expect(body.querySelector('a')?.getAttribute('target')).toBe('_blank');
    expect(text(body)).toContain('She said the plan is ready.');
    expect(text($(reader, 'h1'))).toBe('Seoul talks');
  });

  it('marks each statement in the text (across inline elements) and links to it from the speaker panel', async () => {
    const { reader } = await mountReader();
    const ids = [...reader.shadowRoot!.querySelectorAll('mark[id]')].map((m) => m.id);
    expect(ids).toEqual(['clip-statement-0-0', 'clip-statement-0-1', 'clip-statement-1-0']);
    // The quote spans <em>: one <mark> per text node, all with the same statement id.
    const parts = [...reader.shadowRoot!.querySelectorAll('mark[data-statement="clip-statement-0-0"]')].map((m) => m.textContent).join('');
    expect(parts).toBe('We will deepen cooperation');
    // "cooperation" occurs twice: the mark sits on the occurrence at the statement's offset.
    expect(reader.shadowRoot!.querySelector('#clip-statement-0-1')?.parentElement?.textContent).toContain('Later, Yan Liang said');

    const list = $(reader, 'clip-speaker-list') as HTMLElement & { updateComplete: Promise<unknown> };
    await list.updateComplete;
    const links = [...list.shadowRoot!.querySelectorAll('.statement a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['#clip-statement-0-0', '#clip-statement-0-1', '#clip-statement-1-0']);
    // The statement not found in the text stays plain text.
    expect(list.shadowRoot!.querySelectorAll('.statement')).toHaveLength(4);

    (list.shadowRoot!.querySelector('.statement a') as HTMLAnchorElement).click();
    expect(reader.shadowRoot!.activeElement?.id).toBe('clip-statement-0-0');
  });

  it('closes and deletes from the reader', async () => {
    const { reader } = await mountReader();
    const seen: string[] = [];
    reader.addEventListener('clip-reader-close', () => seen.push('close'));
    reader.addEventListener('clip-article-delete', (e) => seen.push(`delete ${e.detail.title}`));
    ($$(reader, 'button').find((b) => text(b).includes('Back to library')) as HTMLButtonElement).click();
    ($$(reader, 'button').find((b) => text(b) === 'Delete') as HTMLButtonElement).click();
    expect(seen).toEqual(['close', 'delete Seoul talks']);
  });
});

describe('markStatements', () => {
  // Sanitizing for the reader is the page controller's job (tests/security/render-sanitizer.test.ts).

  it('marks a statement that spans inline elements, one <mark> per text node', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>“We will <em>deepen</em> cooperation,” Yan Liang said.</p>';
    expect([...markStatements(root, [{ id: 'q', text: 'We will deepen cooperation', start: 1 }], 50)]).toEqual(['q']);
    const marks = [...root.querySelectorAll('mark[data-statement="q"]')];
    expect(marks.map((m) => m.textContent)).toEqual(['We will ', 'deepen', ' cooperation']);
    expect(marks[0]?.id).toBe('q');
    expect(root.querySelector('em > mark')?.textContent).toBe('deepen');
    expect(root.textContent).toBe('“We will deepen cooperation,” Yan Liang said.');
  });

  it('is whitespace-insensitive and leaves unknown statements unmarked', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>He said  the\n plan   works well.</p>';
    const found = markStatements(root, [
      { id: 's1', text: 'the plan works well', start: 8 },
      { id: 's2', text: 'not here', start: 0 },
    ], 30);
    expect([...found]).toEqual(['s1']);
    expect(root.querySelector('#s1')?.textContent).toBe('the\n plan   works well');
  });
});
