import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { ArticleContent, ArticleMeta } from '../model';
import { toArticleContent, toArticleMeta } from './validate-record';

/** The IndexedDB database name, shared by the background and every extension page. */
export const DB_NAME = 'clipshelf';

/**
 * Schema history (each step runs once, in order, inside the upgrade transaction):
 * - v1: one `articles` store holding whole records (metadata, analysis and content inline);
 *   indexes `savedAt`, `url` (unique).
 * - v2: content moves to its own `contents` store so listing the library reads only list-sized
 *   records; `articles` gains multiEntry `speakerKeys` and `topicKeys` indexes.
 */
export const DB_VERSION = 2;

/** The current (v2) schema. */
export interface ClipShelfDB extends DBSchema {
  articles: {
    key: string;
    value: ArticleMeta;
    indexes: { savedAt: number; url: string; speakerKeys: string; topicKeys: string };
  };
  contents: {
    key: string;
    value: ArticleContent;
  };
}

type UpgradeTransaction = IDBPTransaction<ClipShelfDB, StoreNames<ClipShelfDB>[], 'versionchange'>;

/** Runs every upgrade step from `oldVersion` to DB_VERSION. Awaits only this transaction's requests. */
export async function upgradeArticleDb(
  db: IDBPDatabase<ClipShelfDB>,
  oldVersion: number,
  tx: UpgradeTransaction,
): Promise<void> {
  if (oldVersion < 1) {
    const articles = db.createObjectStore('articles', { keyPath: 'id' });
    articles.createIndex('savedAt', 'savedAt');
    articles.createIndex('url', 'url', { unique: true });
  }
  if (oldVersion < 2) {
    db.createObjectStore('contents', { keyPath: 'id' });
    const articles = tx.objectStore('articles');
    articles.createIndex('speakerKeys', 'speakerKeys', { multiEntry: true });
    articles.createIndex('topicKeys', 'topicKeys', { multiEntry: true });
    await migrateV1Records(tx);
  }
}

/** v1 → v2: split each whole record into its meta and its content; fill keys older records lack. */
async function migrateV1Records(tx: UpgradeTransaction): Promise<void> {
  const contents = tx.objectStore('contents');
  let cursor = await tx.objectStore('articles').openCursor();
  while (cursor) {
    // Records written by an older version are untrusted input: validate, never cast.
    const stored: unknown = cursor.value;
    const meta = toArticleMeta(stored);
    if (meta) {
      const content =
        typeof stored === 'object' && stored !== null && 'content' in stored
          ? toArticleContent(stored.content, meta.id)
          : null;
      await contents.put(content ?? { id: meta.id, html: '', text: '' });
      await cursor.update(meta);
    }
    // A record without an id cannot exist in a keyPath store; anything else is kept by toArticleMeta's defaults.
    cursor = await cursor.continue();
  }
}
