import type { ArticleRecord } from '../../lib/model';
import { createPendingRecord } from '../../lib/store';

/** A "to capture" link as an import stores it (lib/store's builder); override what a test cares about. */
export function makePendingRecord(id: string, url: string, overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  return { ...createPendingRecord({ id, url, title: `Link ${id}`, savedAt: 100 }), ...overrides };
}
