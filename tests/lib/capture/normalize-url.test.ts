import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeUrl, selectDedupeUrl } from '../../../lib/capture';

describe('normalizeUrl', () => {
  it.each([
    ['https://Example.COM/a/b?utm_source=x&utm_medium=y&id=3#frag', 'https://example.com/a/b?id=3'],
    ['https://example.com/a?fbclid=abc', 'https://example.com/a'],
    ['https://example.com/a?gclid=1&UTM_Campaign=z', 'https://example.com/a'],
    ['https://example.com/a?q=1&fbclid=2&p=3', 'https://example.com/a?q=1&p=3'],
    ['https://example.com/a?q=%20x', 'https://example.com/a?q=%20x'],
    ['http://EXAMPLE.com:80/Path/Case', 'http://example.com/Path/Case'],
    ['  https://example.com/x#top  ', 'https://example.com/x'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it('rejects non-http(s) and invalid URLs', () => {
    expect(normalizeUrl('javascript:alert(1)')).toBeNull();
    expect(normalizeUrl('ftp://example.com/x')).toBeNull();
    expect(normalizeUrl('not a url')).toBeNull();
    expect(normalizeUrl('/relative')).toBeNull();
  });

  it('resolves relative URLs against a base', () => {
    expect(normalizeUrl('/b?utm_x=1', 'https://example.com/a/')).toBe('https://example.com/b');
  });

  it('is idempotent and never keeps a fragment or tracking parameter (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.constantFrom('utm_source', 'fbclid', 'gclid', 'utm_content'), (url, param) => {
        const withTracking = url.replace(/#.*$/, '') + (url.includes('?') ? '&' : '?') + `${param}=1`;
        const once = normalizeUrl(withTracking);
        if (once === null) return;
        expect(normalizeUrl(once)).toBe(once);
        expect(once).not.toContain('#');
        expect(new URL(once).searchParams.has(param)).toBe(false);
      }),
    );
  });
});

describe('selectDedupeUrl', () => {
  const address = 'https://www.example.com/news/story?id=7&utm_source=tw#c';
  it('prefers the canonical link, then og:url, then the address', () => {
    expect(selectDedupeUrl({ canonical: 'https://example.com/news/story-canonical', ogUrl: 'https://example.com/og', address }))
      .toBe('https://example.com/news/story-canonical');
    expect(selectDedupeUrl({ canonical: '', ogUrl: 'https://example.com/og?fbclid=1', address })).toBe('https://example.com/og');
    expect(selectDedupeUrl({ address })).toBe('https://www.example.com/news/story?id=7');
  });

  it('resolves relative candidates and skips unusable ones', () => {
    expect(selectDedupeUrl({ canonical: '/news/c', address })).toBe('https://www.example.com/news/c');
    expect(selectDedupeUrl({ canonical: 'javascript:void(0)', ogUrl: null, address })).toBe('https://www.example.com/news/story?id=7');
  });

  it('ignores a canonical that points at the site root of an article address (CMS mistake)', () => {
    expect(selectDedupeUrl({ canonical: 'https://www.example.com/', address })).toBe('https://www.example.com/news/story?id=7');
  });
});
