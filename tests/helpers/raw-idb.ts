/**
 * The library database read and written with the raw IndexedDB API, independent of lib/store (the code under test).
 */

/** Every record in one object store of the current database. */
export function readRawStore(storeName: 'articles' | 'contents'): Promise<Array<Record<string, unknown>>> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('clipshelf');
    req.onsuccess = () => {
      const db = req.result;
      const all = db.transaction(storeName).objectStore(storeName).getAll();
      all.onsuccess = () => {
        db.close();
        resolve(all.result as Array<Record<string, unknown>>);
      };
      all.onerror = () => reject(all.error);
    };
    req.onerror = () => reject(req.error);
  });
}

/** Creates the database exactly as schema version 1 of ClipShelf did: whole records with content inline. Left open. */
export function createV1Database(records: unknown[]): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('clipshelf', 1);
    req.onupgradeneeded = () => {
      const articles = req.result.createObjectStore('articles', { keyPath: 'id' });
      articles.createIndex('savedAt', 'savedAt');
      articles.createIndex('url', 'url', { unique: true });
      for (const record of records) articles.put(record);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
