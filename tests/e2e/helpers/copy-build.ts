import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CopyBuildOptions {
  /**
   * Test-only manifest patch: host permissions granted at install. permissions.request opens a browser prompt that
   * automation cannot answer; with the grant in place it resolves at once, as after the user clicks "Allow".
   */
  hostPermissions?: string[];
}

export interface BuildCopy {
  /** The unpacked extension to load. */
  path: string;
  /** The manifest as the build wrote it (before any patch). */
  manifest: Record<string, unknown>;
}

/**
 * Copies the production build (.output/chrome-mv3) to `dir`, so a rebuild by another run cannot change the extension
 * under this one, and applies `options`.
 */
export function copyBuild(dir: string, options: CopyBuildOptions = {}): BuildCopy {
  cpSync('.output/chrome-mv3', dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  if (options.hostPermissions) writeFileSync(manifestPath, JSON.stringify({ ...manifest, host_permissions: options.hostPermissions }));
  return { path: dir, manifest };
}
