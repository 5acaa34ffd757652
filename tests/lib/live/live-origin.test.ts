import { describe, expect, it } from 'vitest';
import { normalizeLiveOrigin, originOf, toOriginPattern } from '../../../lib/live';

describe('allowed origins', () => {
  it('normalizes what a user types to one https origin (http only for loopback)', () => {
    expect(normalizeLiveOrigin('me.example')).toBe('https://me.example');
    expect(normalizeLiveOrigin(' https://me.example/blog/?x=1 ')).toBe('https://me.example');
    expect(normalizeLiveOrigin('https://me.example:8443')).toBe('https://me.example:8443');
    expect(normalizeLiveOrigin('http://localhost:5178')).toBe('http://localhost:5178');
    expect(normalizeLiveOrigin('http://127.0.0.1')).toBe('http://127.0.0.1');
    for (const bad of ['', 'http://me.example', '*.example.com', 'https://*.example.com', 'javascript:alert(1)', 'file:///etc', 'https://user:pw@me.example', 'intranet', 'ftp://me.example', 'me example'])
      expect(normalizeLiveOrigin(bad)).toBeNull();
  });

  it('gives the match pattern for permissions and content scripts', () => {
    expect(toOriginPattern('https://me.example')).toBe('https://me.example/*');
    expect(toOriginPattern('http://localhost:5178')).toBe('http://localhost/*');
  });

  it('reads the origin of http(s) sender and tab URLs only', () => {
    expect(originOf('https://me.example/start?x#y')).toBe('https://me.example');
    expect(originOf('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080');
    for (const bad of [undefined, 42, '', 'about:blank', 'chrome-extension://abc/library.html', 'data:text/html,x', 'not a url'])
      expect(originOf(bad)).toBeNull();
  });
});
