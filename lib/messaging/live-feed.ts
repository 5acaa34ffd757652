import { toFeed, type ClipShelfFeed } from '../feed';
import type { ArticleMeta } from '../model';

/**
 * The live library as the allowed page receives it: exactly what "Export feed" writes with its defaults — the
 * saved articles (not links still waiting to be captured), newest first, without full text.
 */
export function toLiveFeed(metas: readonly ArticleMeta[]): ClipShelfFeed {
  return toFeed(
    metas.filter((m) => m.state === 'saved'),
    { title: 'ClipShelf', includeContent: false },
  );
}
