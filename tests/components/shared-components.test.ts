// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../lib/feed';
import '../../components/clip-article-card';
import '../../components/clip-speaker-list';
import '../../components/clip-topic-chips';
import type { ClipArticleCard } from '../../components/clip-article-card';
import type { ClipSpeakerList } from '../../components/clip-speaker-list';
import type { ClipTopicChips } from '../../components/clip-topic-chips';

function makeItem(overrides: Partial<FeedItem> = {}): FeedItem {
  return {
    id: 'a1',
    url: 'https://news.example/story',
    title: 'Leaders meet in Seoul',
    summary: 'Three leaders met. They agreed on things.',
    content_text: 'Three leaders met. They agreed on things.',
    date_published: '2024-06-12T10:17:40',
    language: 'en',
    _clipshelf: {
      version: 1,
      site: 'Daily Example',
      source: '',
      saved_at: '2026-11-28T10:00:00.000Z',
      word_count: 900,
      reading_minutes: 4,
      topics: [
        { label: 'trade', score: 0.9 },
        { label: 'semiconductors', score: 0.6 },
      ],
      speakers: [
        {
          name: 'Yan Liang',
          role: 'professor',
          kind: 'person',
          statements: [
            { text: 'Cooperation is essential', kind: 'direct' },
            { text: 'the summit was a step forward', kind: 'indirect' },
            { text: 'third', kind: 'indirect' },
          ],
        },
        { name: 'officials', role: '', kind: 'unnamed', statements: [{ text: 'talks continue', kind: 'indirect' }] },
      ],
    },
    ...overrides,
  };
}

async function mount<T extends HTMLElement & { updateComplete: Promise<boolean> }>(tag: string, props: Partial<T>): Promise<T> {
  const el = document.createElement(tag) as T;
  Object.assign(el, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

describe('<clip-article-card>', () => {
  it('renders title link, meta, summary, topics and speakers', async () => {
    const card = await mount<ClipArticleCard>('clip-article-card', { article: makeItem() });
    const root = card.shadowRoot!;
    const link = root.querySelector('h3 a')!;
    expect(link.getAttribute('href')).toBe('https://news.example/story');
    expect(link.textContent).toBe('Leaders meet in Seoul');
    expect(root.querySelector('.meta')!.textContent).toContain('Daily Example');
    expect(root.querySelector('time')!.getAttribute('datetime')).toBe('2024-06-12');
    expect(root.querySelector('.summary')!.textContent).toContain('Three leaders met');
    const chips = root.querySelector('clip-topic-chips') as ClipTopicChips;
    await chips.updateComplete;
    expect([...chips.shadowRoot!.querySelectorAll('.chip')].map((c) => c.textContent!.trim())).toEqual(['trade', 'semiconductors']);
    const speakers = root.querySelector('clip-speaker-list') as ClipSpeakerList;
    await speakers.updateComplete;
    expect(speakers.shadowRoot!.textContent).toContain('Yan Liang');
    card.remove();
  });

  it('never turns a non-http URL into a link', async () => {
    const card = await mount<ClipArticleCard>('clip-article-card', { article: makeItem({ url: 'javascript:alert(1)' }) });
    expect(card.shadowRoot!.querySelector('a')).toBeNull();
    expect(card.shadowRoot!.querySelector('h3 button')!.textContent).toBe('Leaders meet in Seoul');
    card.remove();
  });

  it('fires a cancelable, composed clip-article-open that bubbles to the document', async () => {
    const card = await mount<ClipArticleCard>('clip-article-card', { article: makeItem() });
    let detail: { url: string | null } | null = null;
    const onOpen = (e: CustomEvent<{ url: string | null }>) => {
      detail = e.detail;
      e.preventDefault();
    };
    document.addEventListener('clip-article-open', onOpen);
    const link = card.shadowRoot!.querySelector('h3 a') as HTMLAnchorElement;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    link.dispatchEvent(click);
    document.removeEventListener('clip-article-open', onOpen);
    expect(detail).toMatchObject({ url: 'https://news.example/story' });
    expect(click.defaultPrevented).toBe(true);
    card.remove();
  });

  it('compact layout shows speaker names without statements; slot actions exists', async () => {
    const card = await mount<ClipArticleCard>('clip-article-card', { article: makeItem(), layout: 'compact' });
    const root = card.shadowRoot!;
    expect(root.querySelector('.summary')).toBeNull();
    expect(root.querySelector('clip-speaker-list')).toBeNull();
    expect(root.querySelector('.names')!.textContent).toContain('Yan Liang');
    expect(root.querySelector('.names')!.textContent).not.toContain('officials');
    expect(root.querySelector('slot[name="actions"]')).not.toBeNull();
    card.remove();
  });

  it('heading-level picks the heading element', async () => {
    const card = await mount<ClipArticleCard>('clip-article-card', { article: makeItem(), headingLevel: 2 });
    expect(card.shadowRoot!.querySelector('h2.title')).not.toBeNull();
    card.remove();
  });
});

describe('<clip-speaker-list>', () => {
  it('quotes direct statements only, limits statements and expands', async () => {
    const list = await mount<ClipSpeakerList>('clip-speaker-list', { speakers: makeItem()._clipshelf.speakers, maxStatements: 2 });
    const root = list.shadowRoot!;
    const first = root.querySelectorAll('.speaker')[0]!;
    const statements = first.querySelectorAll('.statement');
    expect(statements).toHaveLength(2);
    expect(statements[0]!.querySelector('q')!.textContent).toBe('Cooperation is essential');
    expect(statements[1]!.querySelector('q')).toBeNull();
    expect(root.querySelector('.role')!.textContent).toBe('professor');
    const more = first.querySelector('button.more') as HTMLButtonElement;
    expect(more.textContent).toContain('Show 1 more statement');
    more.click();
    await list.updateComplete;
    expect(root.querySelectorAll('.speaker')[0]!.querySelectorAll('.statement')).toHaveLength(3);
  });

  it('links statements through statementHref and refuses javascript: hrefs', async () => {
    const list = await mount<ClipSpeakerList>('clip-speaker-list', {
      speakers: makeItem()._clipshelf.speakers,
      maxStatements: -1,
      statementHref: (s, i) => (s === 1 ? 'javascript:alert(1)' : `#s${s}-${i}`),
    });
    const links = [...list.shadowRoot!.querySelectorAll('.statement a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['#s0-0', '#s0-1', '#s0-2']);
  });

  it('selectable names fire clip-speaker-select and reflect aria-pressed', async () => {
    const list = await mount<ClipSpeakerList>('clip-speaker-list', { speakers: makeItem()._clipshelf.speakers, selectable: true, selected: 'Yan Liang' });
    const got: string[] = [];
    document.addEventListener('clip-speaker-select', (e) => got.push(e.detail.speaker), { once: true });
    const button = list.shadowRoot!.querySelector('button.name') as HTMLButtonElement;
    expect(button.getAttribute('aria-pressed')).toBe('true');
    button.click();
    expect(got).toEqual(['Yan Liang']);
  });
});

describe('<clip-topic-chips>', () => {
  it('renders plain chips by default and buttons when selectable', async () => {
    const chips = await mount<ClipTopicChips>('clip-topic-chips', { topics: ['a', 'b', 'c'], max: 2 });
    expect(chips.shadowRoot!.querySelectorAll('span.chip')).toHaveLength(2);
    chips.selectable = true;
    chips.selected = 'b';
    await chips.updateComplete;
    const buttons = chips.shadowRoot!.querySelectorAll('button.chip');
    expect([...buttons].map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'true']);
    const got: string[] = [];
    chips.addEventListener('clip-topic-select', (e) => got.push(e.detail.topic));
    (buttons[0] as HTMLButtonElement).click();
    expect(got).toEqual(['a']);
  });
});
