/**
 * The manifest ClipShelf asks for (wxt.config.ts), for both browsers: the default MV3 CSP (no
 * content_security_policy key at all), no host permissions, no externally_connectable, no web-accessible pages.
 * tests/e2e/hostile.e2e.test.ts checks the same on the built manifest and pages.
 */
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

type ManifestFn = (env: { browser: string; manifestVersion: 2 | 3; mode: string; command: 'build' | 'serve' }) => Record<string, unknown>;

describe('manifest', () => {
  it.each(['chrome', 'firefox'])('%s: default CSP, least privilege', async (browser) => {
    const manifest = await (config.manifest as ManifestFn)({ browser, manifestVersion: 3, mode: 'production', command: 'build' });
    expect(manifest).not.toHaveProperty('content_security_policy');
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    expect(manifest).not.toHaveProperty('content_scripts'); // capture is injected on a click, never declared
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.permissions).toEqual(expect.not.arrayContaining(['tabs', '<all_urls>', 'webRequest', 'debugger', 'cookies', 'history']));
    expect(JSON.stringify(manifest)).not.toMatch(/unsafe-eval|unsafe-inline|\*:\/\//);
    // Sites are only ever *optional* (asked at run time, e.g. to capture imported links), and only web pages.
    for (const pattern of (manifest.optional_host_permissions ?? []) as string[]) expect(pattern).toMatch(/^https?:\/\/[^/]+\/\*$/);
  });
});
