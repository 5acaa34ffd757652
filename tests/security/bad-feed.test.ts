// @vitest-environment happy-dom
/**
 * A feed with wrong types, a truncated feed or a foreign JSON file is rejected with messages that say what is
 * wrong (JSON path + problem), and <clip-shelf> shows an error state instead of half a list.
 */
import { describe, expect, it } from 'vitest';
import '../../components/index';
import type { ClipShelf } from '../../components/clip-shelf';
import { parseFeed, toFeed } from '../../lib/feed';

const good = () => JSON.parse(JSON.stringify(toFeed([], { title: 'T' }))) as Record<string, unknown>;

describe('parseFeed rejects malformed feeds with a reason', () => {
  it.each([
    ['truncated JSON', '{"version": "https://jsonfeed.org/version/1.1", "items": [', /JSON|parse|end/i],
    ['not an object', '[1,2,3]', /object/i],
    ['a backup instead of a feed', JSON.stringify({ format: 'clipshelf-backup', version: 1, articles: [] }), /version|items/i],
    ['items not a list', JSON.stringify({ ...good(), items: 'none' }), /items/],
    ['item with wrong types', JSON.stringify({ ...good(), items: [{ id: 5, title: ['x'], _clipshelf: { version: 1, speakers: 'many', topics: [{ label: 1 }] } }] }), /items\[0\]/],
    ['unknown ClipShelf version', JSON.stringify({ ...good(), _clipshelf: { version: 99 } }), /version/],
  ])('%s', (_name, input, message) => {
    const r = parseFeed(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.length).toBeGreaterThan(0);
      expect(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n')).toMatch(message);
    }
  });

  it('<clip-shelf> shows the error, never a partial list', async () => {
    const el = document.createElement('clip-shelf') as ClipShelf;
    el.feed = JSON.stringify({ ...good(), items: [{ id: 5, title: ['x'] }] });
    document.body.append(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/items\[0\]/);
    expect(root.querySelectorAll('clip-article-card')).toHaveLength(0);
    el.remove();
  });
});
