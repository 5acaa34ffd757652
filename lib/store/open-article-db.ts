import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, upgradeArticleDb, type ClipShelfDB } from './schema';

/** The typed connection every store function works on. */
export type ArticleDb = IDBPDatabase<ClipShelfDB>;

export interface OpenArticleDbOptions {
  /** Database name; tests use their own. Default `DB_NAME`. */
  name?: string;
  /** Called once this connection has been closed because another context needs a new version or deletes the database. */
  onClose?: () => void;
  /** Called while this open waits for older connections elsewhere to close. */
  onBlocked?: () => void;
}

/** Opens (creating or upgrading step by step) the ClipShelf database. The one `openDB` call site. */
export function openArticleDb({ name = DB_NAME, onClose, onBlocked }: OpenArticleDbOptions = {}): Promise<ArticleDb> {
  let db: ArticleDb | undefined;
  const opening = openDB<ClipShelfDB>(name, DB_VERSION, {
    upgrade(database, oldVersion, _newVersion, tx) {
      // openDB resolves only after the upgrade transaction commits; a failed step aborts it (and the open).
      void upgradeArticleDb(database, oldVersion, tx).catch(() => tx.abort());
    },
    blocked() {
      onBlocked?.();
    },
    blocking() {
      // Another context (a newer extension version, or deleteDB) waits for us: step aside.
      db?.close();
      onClose?.();
    },
    terminated() {
      onClose?.();
    },
  });
  return opening.then((opened) => (db = opened));
}

/**
 * A connection that reopens itself: after a versionchange or an abnormal close the next `get()` opens
 * a fresh connection instead of failing with InvalidStateError.
 */
export function createReopeningConnection(options: Omit<OpenArticleDbOptions, 'onClose'> = {}): {
  get(): Promise<ArticleDb>;
  close(): void;
} {
  let current: Promise<ArticleDb> | null = null;
  const get = (): Promise<ArticleDb> => {
    if (!current) {
      const attempt = openArticleDb({
        ...options,
        onClose: () => {
          if (current === attempt) current = null;
        },
      });
      // A failed open is not cached: the next call tries again.
      attempt.catch(() => {
        if (current === attempt) current = null;
      });
      current = attempt;
    }
    return current;
  };
  return {
    get,
    close() {
      const closing = current;
      current = null;
      void closing?.then((db) => db.close()).catch(() => undefined);
    },
  };
}
