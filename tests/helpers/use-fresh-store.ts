import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, vi } from 'vitest';
import { openArticleStore, type ArticleStore } from '../../lib/store';

/**
 * Gives every test of the file the article store on a brand-new fake IndexedDB (so no test sees another's data),
 * handed to `use` before the test; afterwards closes it and restores mocks. Returns `startOver`: within a test,
 * closes the store and hands `use` a new one on another empty database (e.g. to restore a backup into).
 */
export function useFreshStore(use: (store: ArticleStore) => void): () => Promise<ArticleStore> {
  let store: ArticleStore | undefined;
  const startOver = async (): Promise<ArticleStore> => {
    store?.close();
    globalThis.indexedDB = new IDBFactory();
    store = await openArticleStore();
    use(store);
    return store;
  };
  beforeEach(async () => {
    await startOver();
  });
  afterEach(() => {
    store?.close();
    store = undefined;
    vi.restoreAllMocks();
  });
  return startOver;
}
