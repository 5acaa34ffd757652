import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

/**
 * Compares `actual` with the golden JSON at `path`. A missing or different golden fails the test; only
 * `UPDATE_FIXTURES=1` (re)writes it, so baselines never change silently.
 */
export function expectGolden(path: string, actual: unknown): void {
  const json = JSON.stringify(actual, null, 2) + '\n';
  if (process.env.UPDATE_FIXTURES === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, json);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`Golden file ${path} is missing. Review the output and run with UPDATE_FIXTURES=1 to create it.`);
  }
  const expected: unknown = JSON.parse(readFileSync(path, 'utf8'));
  expect(actual, `differs from golden ${path} (UPDATE_FIXTURES=1 rewrites it after review)`).toEqual(expected);
}
