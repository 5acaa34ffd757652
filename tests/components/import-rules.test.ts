import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// House rule: components/ import only lit, lib/model and lib/feed (plus each other), so the widget builds standalone.
const DIR = 'components';

describe('components/ imports', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.ts'))) {
    it(file, () => {
      const source = readFileSync(join(DIR, file), 'utf8');
      const specifiers = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*'([^']+)'|import\s*\(\s*'([^']+)'\s*\)|(?:^|\n)\s*import\s*'([^']+)'/g)].map(
        (m) => m[1] ?? m[2] ?? m[3],
      );
      for (const spec of specifiers)
        // No exceptions: the reader gets HTML already sanitized by its page controller (lib/messaging/reader-html.ts).
        expect(spec).toMatch(/^(lit|lit\/.+|\.\/[\w.-]+|\.\.\/lib\/(model|feed))$/);
    });
  }
});
