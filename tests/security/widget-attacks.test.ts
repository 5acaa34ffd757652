// @vitest-environment happy-dom
/**
 * Hostile feed data stays text in <clip-shelf>: every attack vector, put into every string field of a feed (titles,
 * authors, site, summary, content, tags, speakers, roles, statements, topics) and every URL field, goes through
 * toFeed → JSON → parseFeed → <clip-shelf> (all three views). The rendered shadow DOM (nested components included)
 * must contain no element or attribute that a payload created: no script/iframe/img-with-handler, no on*
 * attribute, no non-http(s) link, and the canary never runs.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../components/index';
import type { ClipShelf } from '../../components/clip-shelf';
import { parseFeed, toFeed } from '../../lib/feed';
import type { ArticleMeta } from '../../lib/model';
import { groupIntoPages } from '../fixtures/attacks/attack-page';
import { ATTACK_VECTORS, type AttackVector } from '../fixtures/attacks/vectors';

const canary = vi.fn();
beforeEach(() => {
  (globalThis as unknown as { __clipCanary: unknown }).__clipCanary = canary;
  (window as unknown as { alert: unknown }).alert = () => canary('alert');
});
afterEach(() => {
  document.body.replaceChildren();
});

function hostileMeta(v: AttackVector, i: number): ArticleMeta {
  const p = v.payload;
  return {
    id: `v${v.id}`,
    // URL fields get the payload when it is URL-shaped, else a javascript: URL calling the canary.
    url: v.where === 'og:image' || v.where === 'canonical' ? p : `javascript:__clipCanary(${v.id})`,
    pageUrl: `javascript:__clipCanary(${v.id})`,
    title: p,
    authors: [p, 'Jane Reporter'],
    published: p,
    modified: null,
    siteName: p,
    source: p,
    lang: p,
    excerpt: p,
    imageUrl: `javascript:__clipCanary(${v.id})`,
    wordCount: 300,
    readingMinutes: 2,
    contentHash: '',
    savedAt: 1_763_000_000_000 + i,
    updatedAt: null,
    tags: [p],
    read: false,
    state: 'saved',
    analysis: {
      speakers: [
        { name: p, aliases: [p], role: p, kind: 'person', statements: [{ text: p, kind: 'direct', cue: 'said', start: 0, end: 1 }] },
        { name: `Maria ${p}`, aliases: [], role: 'council member', kind: 'organization', statements: [{ text: `It is ${p}`, kind: 'indirect', cue: 'said', start: 0, end: 1 }] },
      ],
      topics: [{ label: p, score: 0.9 }],
      summary: p,
      lang: 'en',
    },
    speakerKeys: [],
    topicKeys: [],
  };
}

/** Every element in the element's shadow tree, nested shadow roots included. */
function allElements(root: Element | ShadowRoot): Element[] {
  const out: Element[] = [];
  const visit = (node: Element | ShadowRoot): void => {
    for (const el of Array.from(node.querySelectorAll('*'))) {
      out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(root);
  return out;
}

const FORBIDDEN = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'form', 'math', 'foreignobject', 'animate', 'set', 'portal', 'listing', 'xmp', 'noscript', 'template', 'image', 'video', 'audio', 'textarea', 'select', 'option', 'details', 'marquee', 'keygen', 'frame', 'table', 'style', 'plaintext', 'noembed']);

function problems(el: ClipShelf): string[] {
  const found: string[] = [];
  for (const node of allElements(el.shadowRoot!)) {
    const name = node.localName;
    // The widget's own templates use none of these; any one of them came from data.
    if (FORBIDDEN.has(name) && !(name === 'style' && node.parentNode === el.shadowRoot)) found.push(`<${name}>`);
    if (name === 'img' && !/^https?:/i.test(node.getAttribute('src') ?? '')) found.push(`img src=${node.getAttribute('src')}`);
    if (name === 'svg' && node.closest('[aria-hidden="true"], .icon') === null && node.getAttribute('aria-hidden') !== 'true') found.push('<svg> from data');
    for (const attr of Array.from(node.attributes)) {
      if (/^on/i.test(attr.name)) found.push(`${attr.name} on <${name}>`);
      if (['href', 'src', 'xlink:href', 'action', 'formaction', 'srcdoc'].includes(attr.name)) {
        const value = attr.value.trim();
        if (attr.name === 'srcdoc' || !(value === '' || value.startsWith('#') || /^https?:\/\//i.test(value))) found.push(`${attr.name}=${value.slice(0, 40)} on <${name}>`);
      }
    }
  }
  return found;
}

async function settle(el: ClipShelf): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    await Promise.all(allElements(el.shadowRoot!).map((c) => (c as Partial<ClipShelf>).updateComplete));
  }
}

const groups = groupIntoPages(ATTACK_VECTORS, 12);
let tried = 0;
let executed = 0;

describe('<clip-shelf> renders hostile feed data as text', () => {
  it.each(groups.map((g, i) => [i + 1, g] as const))('group %i', async (_i, vectors) => {
    const feed = toFeed(vectors.map(hostileMeta), { title: vectors[0]!.payload, description: vectors[1]?.payload ?? '', homePageUrl: 'javascript:__clipCanary(0)' });
    const parsed = parseFeed(JSON.stringify(feed));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    for (const item of parsed.feed.items) {
      expect(item.url === undefined || /^https?:\/\//.test(item.url)).toBe(true);
      expect(item.image === undefined || /^https?:\/\//.test(item.image)).toBe(true);
    }
    for (const view of ['articles', 'speakers', 'topics'] as const) {
      const el = document.createElement('clip-shelf') as ClipShelf;
      el.limit = 100;
      el.view = view;
      el.feed = parsed.feed;
      document.body.append(el);
      await settle(el);
      // The payloads are there, as literal text (deep text, nested components included).
      const deepText = [el.shadowRoot!, ...allElements(el.shadowRoot!).map((n) => n.shadowRoot).filter((r): r is ShadowRoot => r !== null)].map((r) => r.textContent ?? '').join(' ');
      expect(deepText).toContain('__clipCanary(');
      expect(problems(el)).toEqual([]);
      el.remove();
    }
    tried += vectors.length;
    executed += new Set(canary.mock.calls.map((c) => c[0])).size;
    expect(canary).not.toHaveBeenCalled();
    canary.mockClear();
  });

  it('reports the figures', () => {
    console.log(`[attacks] <clip-shelf>: ${tried} vectors tried in every feed field × 3 views, executed: ${executed}`);
    expect(tried).toBe(ATTACK_VECTORS.length);
    expect(executed).toBe(0);
  });
});

describe('the checker is not blind', () => {
  it('flags a payload injected as markup', async () => {
    const el = document.createElement('clip-shelf') as ClipShelf;
    document.body.append(el);
    await el.updateComplete;
    const evil = document.createElement('div');
    evil.innerHTML = '<img src=x onerror="__clipCanary(0)"><a href="javascript:x">x</a>';
    el.shadowRoot!.append(evil);
    expect(problems(el).length).toBeGreaterThanOrEqual(3);
  });
});
