// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toFeed, type ClipShelfFeed } from '../../lib/feed';
import type { ArticleMeta } from '../../lib/model';
import '../../components/index';
import { ClipShelf } from '../../components/clip-shelf';
import type { ClipArticleCard } from '../../components/clip-article-card';

function meta(i: number, over: Partial<ArticleMeta> = {}): ArticleMeta {
  return {
    id: `id${i}`,
    url: `https://news.example/${i}`,
    pageUrl: `https://news.example/${i}`,
    title: `Story ${i}`,
    authors: [],
    published: '2024-06-12',
    modified: null,
    siteName: 'Daily Example',
    source: '',
    lang: 'en',
    excerpt: '',
    imageUrl: '',
    wordCount: 400,
    readingMinutes: 2,
    contentHash: '',
    savedAt: 1_700_000_000_000 + i,
    updatedAt: null,
    tags: [],
    read: false,
    state: 'saved',
    analysis: {
      speakers: [
        { name: 'Yan Liang', aliases: [], role: 'professor', kind: 'person', statements: [{ text: `Trade is vital ${i}`, kind: 'direct', cue: 'said', start: 0, end: 1 }] },
        ...(i % 2 ? [{ name: 'Ni Yueju', aliases: [], role: 'researcher', kind: 'person' as const, statements: [{ text: 'chips matter', kind: 'indirect' as const, cue: 'said', start: 0, end: 1 }] }] : []),
      ],
      topics: [{ label: i % 2 ? 'chips' : 'trade', score: 0.9 }],
      summary: `Summary of story ${i}.`,
      lang: 'en',
    },
    speakerKeys: [],
    topicKeys: [],
    ...over,
  };
}

const feedOf = (n: number): ClipShelfFeed => toFeed(Array.from({ length: n }, (_, i) => meta(i)), { title: 'Test shelf' });

async function mount(attrs: Record<string, string> = {}, feed?: unknown): Promise<ClipShelf> {
  const el = document.createElement('clip-shelf');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (feed !== undefined) el.feed = feed;
  document.body.append(el);
  await settle(el);
  return el;
}

/** Waits for the shelf to finish rendering: it renders long lists a few cards per task. */
async function settle(el: ClipShelf) {
  for (let i = 0; i < 12; i++) {
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    await Promise.all([...el.shadowRoot!.querySelectorAll<ClipArticleCard>('clip-article-card')].map((c) => c.updateComplete));
  }
}

const root = (el: ClipShelf) => el.shadowRoot!;
const cardTitles = (el: ClipShelf) =>
  [...root(el).querySelectorAll<ClipArticleCard>('clip-article-card')].map((c) => c.shadowRoot!.querySelector('.title')!.textContent!.trim());

afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('<clip-shelf>', () => {
  it('is registered once and survives a second definition attempt', async () => {
    expect(customElements.get('clip-shelf')).toBe(ClipShelf);
    const { defineElement } = await import('../../components/define-element');
    expect(() => defineElement('clip-shelf', class extends HTMLElement {})).not.toThrow();
    expect(customElements.get('clip-shelf')).toBe(ClipShelf);
  });

  it('renders articles from .feed with title, site, summary, topics and speakers', async () => {
    const el = await mount({}, feedOf(3));
    expect(root(el).querySelector('h2')!.textContent).toBe('Test shelf');
    expect(cardTitles(el)).toEqual(['Story 0', 'Story 1', 'Story 2']);
    const card = root(el).querySelector<ClipArticleCard>('clip-article-card')!;
    expect(card.shadowRoot!.querySelector('a')!.getAttribute('href')).toBe('https://news.example/0');
    expect(card.shadowRoot!.textContent).toContain('Summary of story 0.');
    expect(root(el).querySelector('.count')!.textContent).toBe('3 articles');
  });

  it('fetches src and shows loading, then the feed', async () => {
    let resolve!: (r: Response) => void;
    const fetchMock = vi.fn(() => new Promise<Response>((r) => (resolve = r)));
    vi.stubGlobal('fetch', fetchMock);
    const el = document.createElement('clip-shelf');
    el.setAttribute('src', 'https://feeds.example/feed.json');
    document.body.append(el);
    await el.updateComplete;
    expect(root(el).querySelector('[role="status"]')!.textContent).toContain('Loading');
    const loaded = new Promise<CustomEvent>((r) => el.addEventListener('clip-shelf-load', (e) => r(e), { once: true }));
    resolve(new Response(JSON.stringify(feedOf(2)), { headers: { 'content-type': 'application/json' } }));
    const event = await loaded;
    expect(event.detail).toEqual({ ok: true, items: 2, errors: [] });
    await settle(el);
    expect(fetchMock).toHaveBeenCalledWith('https://feeds.example/feed.json', expect.anything());
    expect(cardTitles(el)).toEqual(['Story 0', 'Story 1']);
  });

  it.each([
    ['a 404', () => new Response('nope', { status: 404 }), 'the server answered 404'],
    ['non-JSON', () => new Response('<html>hi</html>'), 'not valid JSON'],
    ['wrong shape', () => new Response(JSON.stringify({ hello: 'world' })), 'version'],
  ])('shows an error state for %s', async (_name, response, text) => {
    vi.stubGlobal('fetch', vi.fn(async () => response()));
    const el = document.createElement('clip-shelf');
    const loaded = new Promise<void>((r) => el.addEventListener('clip-shelf-load', () => r(), { once: true }));
    el.src = 'feed.json';
    document.body.append(el);
    await loaded;
    const alert = root(el).querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Couldn’t show these articles');
    expect(alert.textContent).toContain(text);
  });

  it('moving the element while it loads does not leave it stuck', async () => {
    let calls = 0;
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init?: RequestInit) => {
      calls++;
      if (calls === 1)
        return new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      return new Response(JSON.stringify(feedOf(2)));
    }));
    const el = document.createElement('clip-shelf');
    el.src = 'feed.json';
    document.body.append(el);
    await el.updateComplete;
    const loaded = new Promise<CustomEvent>((r) => el.addEventListener('clip-shelf-load', (e) => r(e), { once: true }));
    const other = document.createElement('div');
    document.body.append(other);
    other.append(el); // disconnect + connect
    expect((await loaded).detail.ok).toBe(true);
    await settle(el);
    expect(calls).toBe(2);
    expect(cardTitles(el)).toEqual(['Story 0', 'Story 1']);
  });

  it('shows an error when fetch itself fails, without throwing', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const el = document.createElement('clip-shelf');
    const loaded = new Promise<void>((r) => el.addEventListener('clip-shelf-load', () => r(), { once: true }));
    el.src = 'https://down.example/feed.json';
    document.body.append(el);
    await loaded;
    expect(root(el).querySelector('[role="alert"]')!.textContent).toContain('Failed to fetch');
  });

  it('shows an empty state for a feed without items', async () => {
    const el = await mount({}, feedOf(0));
    expect(root(el).textContent).toContain('No saved articles yet');
    expect(root(el).querySelector('[role="tablist"]')).toBeNull();
  });

  it('filters by topic when a chip is clicked, and clears the filter', async () => {
    const el = await mount({}, feedOf(4));
    const card = root(el).querySelector<ClipArticleCard>('clip-article-card')!;
    const chips = card.shadowRoot!.querySelector('clip-topic-chips')!;
    const seen: string[] = [];
    document.addEventListener('clip-topic-select', (e) => seen.push(e.detail.topic), { once: true });
    (chips.shadowRoot!.querySelector('button.chip') as HTMLButtonElement).click();
    await settle(el);
    expect(seen).toEqual(['trade']); // the event bubbles out of the shadow roots
    expect(el.getAttribute('topic')).toBe('trade');
    expect(cardTitles(el)).toEqual(['Story 0', 'Story 2']);
    (root(el).querySelector('.filter') as HTMLButtonElement).click();
    await settle(el);
    expect(cardTitles(el)).toHaveLength(4);
  });

  it('filters by the speaker and topic attributes', async () => {
    const el = await mount({ speaker: 'ni yueju' }, feedOf(4));
    expect(cardTitles(el)).toEqual(['Story 1', 'Story 3']);
    el.setAttribute('topic', 'trade');
    await settle(el);
    expect(root(el).textContent).toContain('No articles match.');
  });

  it('filters by search text across titles, speakers and statements', async () => {
    const el = await mount({}, feedOf(4));
    const input = root(el).querySelector('input[type="search"]') as HTMLInputElement;
    expect(root(el).querySelector(`label[for="${input.id}"]`)).not.toBeNull();
    input.value = 'vital 3';
    input.dispatchEvent(new Event('input'));
    await settle(el);
    expect(cardTitles(el)).toEqual(['Story 3']);
  });

  it('paginates with limit and Show more', async () => {
    const el = await mount({ limit: '5' }, feedOf(12));
    expect(cardTitles(el)).toHaveLength(5);
    expect(root(el).querySelector('.count')!.textContent).toBe('Showing 5 of 12 articles');
    const more = root(el).querySelector('[part="more"]') as HTMLButtonElement;
    expect(more.textContent!.trim()).toBe('Show 5 more articles');
    more.click();
    await settle(el);
    expect(cardTitles(el)).toHaveLength(10);
  });

  it('renders only one page of a 1,000-article feed (parsed in slices)', async () => {
    const el = document.createElement('clip-shelf');
    const loaded = new Promise<void>((r) => el.addEventListener('clip-shelf-load', () => r(), { once: true }));
    el.feed = feedOf(1000);
    document.body.append(el);
    await el.updateComplete;
    expect(root(el).querySelector('[role="status"]')!.textContent).toContain('Loading');
    await loaded;
    await settle(el);
    expect(cardTitles(el)).toHaveLength(20);
    expect(root(el).querySelector('.count')!.textContent).toBe('Showing 20 of 1,000 articles');
  });

  it('Speakers view lists every person with roles and statements grouped by article', async () => {
    const el = await mount({ view: 'speakers' }, feedOf(3));
    const groups = [...root(el).querySelectorAll('.group')];
    expect(groups.map((g) => g.querySelector('h3')!.textContent)).toEqual(['Yan Liang', 'Ni Yueju']);
    expect(groups[0]!.querySelector('.roles')!.textContent).toBe('professor');
    expect(groups[0]!.querySelectorAll('.entries > li')).toHaveLength(3);
    expect(groups[0]!.querySelector('.said q')!.textContent).toBe('Trade is vital 0');
    expect(groups[1]!.querySelector('.said q')).toBeNull(); // indirect speech: no quotation marks
    (groups[1]!.querySelector('button') as HTMLButtonElement).click();
    await settle(el);
    expect(el.view).toBe('articles');
    expect(el.speaker).toBe('Ni Yueju');
    expect(cardTitles(el)).toEqual(['Story 1']);
  });

  it('Topics view lists topics with their articles and who said what about them', async () => {
    const el = await mount({ view: 'topics' }, feedOf(3));
    const groups = [...root(el).querySelectorAll('.group')];
    expect(groups.map((g) => g.querySelector('h3')!.textContent)).toEqual(['trade', 'chips']);
    expect(groups[0]!.querySelector('.said')!.textContent).toContain('Yan Liang:');
    expect(groups[1]!.querySelector('.said')!.textContent).toContain('Ni Yueju:');
  });

  it('tabs: roving tabindex and arrow keys switch views', async () => {
    const el = await mount({}, feedOf(2));
    const tabs = () => [...root(el).querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    expect(tabs().map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    tabs()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await settle(el);
    expect(el.view).toBe('speakers');
    expect(tabs().map((t) => t.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false']);
    expect(root(el).activeElement).toBe(tabs()[1]);
    tabs()[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await settle(el);
    expect(el.view).toBe('topics');
    expect(el.getAttribute('view')).toBe('topics');
  });

  it('reflects layout and theme, and ignores unknown layouts', async () => {
    const el = await mount({ layout: 'cards', theme: 'dark' }, feedOf(2));
    expect(root(el).querySelector('clip-article-card')!.getAttribute('layout')).toBe('cards');
    expect(el.getAttribute('theme')).toBe('dark');
    el.setAttribute('layout', 'bogus');
    await settle(el);
    expect(el.layout).toBe('list');
  });

  it('shows hostile feed content as text and never links non-http URLs', async () => {
    const feed = JSON.parse(JSON.stringify(feedOf(1)));
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    feed.title = evil;
    Object.assign(feed.items[0], { title: evil, summary: evil, url: 'javascript:window.__pwned=1', image: 'javascript:1' });
    feed.items[0]._clipshelf.site = evil;
    feed.items[0]._clipshelf.topics = [{ label: evil, score: 1 }];
    feed.items[0]._clipshelf.speakers[0].name = evil;
    feed.items[0]._clipshelf.speakers[0].statements[0].text = evil;
    const el = await mount({}, feed);
    const all: Element[] = [];
    const collect = (r: ParentNode) => {
      for (const node of r.querySelectorAll('*')) {
        all.push(node);
        if (node.shadowRoot) collect(node.shadowRoot);
      }
    };
    collect(root(el));
    expect(all.some((n) => n.localName === 'img' || n.localName === 'script')).toBe(false);
    expect(all.filter((n) => n.localName === 'a').map((a) => a.getAttribute('href'))).toEqual([]);
    expect(cardTitles(el)).toEqual([evil]);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it.each([[null], [42], ['{"version": 3'], [{ version: 'https://jsonfeed.org/version/1.1', items: 'lots' }]])(
    'shows an error state for a bad .feed (%s)',
    async (bad) => {
      const el = await mount({}, bad);
      expect(root(el).querySelector('[role="alert"]')).not.toBeNull();
    },
  );

  it('lists the paths of what is wrong', async () => {
    const feed = JSON.parse(JSON.stringify(feedOf(1)));
    feed.items[0]._clipshelf.speakers[0].kind = 'alien';
    const el = await mount({}, feed);
    expect(root(el).querySelector('[role="alert"] code')!.textContent).toBe('items[0]._clipshelf.speakers[0].kind');
  });
});

describe('<clip-shelf live>', () => {
  it('asks the extension for the live library and shows the answer to its nonce only', async () => {
    const posted: unknown[] = [];
    const onMessage = (e: MessageEvent) => posted.push(e.data);
    window.addEventListener('message', onMessage);
    const el = await mount({ live: '' }, feedOf(1));
    await new Promise((r) => setTimeout(r, 10));
    window.removeEventListener('message', onMessage);
    const request = posted.find((d) => (d as { type?: string }).type === 'clipshelf:live-request') as { nonce: string };
    expect(request).toMatchObject({ type: 'clipshelf:live-request', version: 1 });
    const send = (data: unknown, source: unknown = window, origin = location.origin) =>
      window.dispatchEvent(new MessageEvent('message', { data, origin, source: source as Window }));
    const live = feedOf(3);
    send({ type: 'clipshelf:live-feed', version: 1, nonce: 'wrong-nonce-123', feed: live });
    send({ type: 'clipshelf:live-feed', version: 1, nonce: request.nonce, feed: live }, window, 'https://evil.example');
    await settle(el);
    expect(cardTitles(el)).toEqual(['Story 0']);
    send({ type: 'clipshelf:live-feed', version: 1, nonce: request.nonce, feed: live });
    await settle(el);
    expect(cardTitles(el)).toEqual(['Story 0', 'Story 1', 'Story 2']);
    send({ type: 'clipshelf:live-feed', version: 1, nonce: request.nonce, feed: { hostile: '<img src=x onerror=alert(1)>' } });
    await settle(el);
    expect(root(el).querySelector('[role="alert"]')).not.toBeNull();
  });
});
