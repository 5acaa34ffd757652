import type { Analysis, ArticleContent, ArticleMeta, ArticleRecord, CapturedArticle } from '../model';
import { createArticleRecord } from './create-article-record';
import { createReopeningConnection, type ArticleDb, type OpenArticleDbOptions } from './open-article-db';
import { announceLibraryChange } from './library-changes';
import { createArticleMatcher, foldText } from './search-articles';
import { StoreError, toStoreError } from './store-error';
import { toArticleContent, toArticleMeta } from './validate-record';

/** What a save did: a new article, or the same (normalized) URL saved again and updated in place. */
export interface SaveArticleResult {
  status: 'saved' | 'updated';
  article: ArticleMeta;
}

/** Filters for `queryArticles`; all given filters must hold. */
export interface ArticleQuery {
  /** Free text over title, site, speakers and topics (every term must match). */
  text?: string;
  /** A speaker name (any case). */
  speaker?: string;
  /** A topic phrase (any case). */
  topic?: string;
}

/** One speaker or topic of the library with the number of articles it appears in. */
export interface LibraryFacet {
  /** The index key (lower-cased name or phrase); pass it back as a filter. */
  key: string;
  /** The name or phrase as the newest article spells it. */
  label: string;
  count: number;
}

export interface LibraryFacets {
  speakers: LibraryFacet[];
  topics: LibraryFacet[];
}

/** The article library: the only API the rest of ClipShelf uses to reach IndexedDB. */
export interface ArticleStore {
  /** Saves a captured, analysed page in one transaction over both stores; a known URL is updated in place. */
  saveArticle(captured: CapturedArticle, analysis: Analysis, options?: { now?: number }): Promise<SaveArticleResult>;
  getArticle(id: string): Promise<ArticleMeta | undefined>;
  getContent(id: string): Promise<ArticleContent | undefined>;
  /** Every article, newest first. */
  listArticles(): Promise<ArticleMeta[]>;
  /** Articles matching a free-text query, newest first. */
  searchArticles(text: string): Promise<ArticleMeta[]>;
  /** Articles matching every given filter, newest first. */
  queryArticles(query: ArticleQuery): Promise<ArticleMeta[]>;
  listBySpeaker(name: string): Promise<ArticleMeta[]>;
  listByTopic(phrase: string): Promise<ArticleMeta[]>;
  /** Speakers and topics across the library, most frequent first. */
  listFacets(): Promise<LibraryFacets>;
  /** Deletes an article and its content; returns the whole record so it can be restored (undo). */
  deleteArticle(id: string): Promise<ArticleRecord | undefined>;
  /** Puts back a deleted (or imported) record, validated first. */
  restoreArticle(record: unknown): Promise<ArticleMeta>;
  /**
   * Stores an import whole or not at all: every record is validated first, then `records` are put (new articles,
   * or pending ones that now have content) and `updates` replace existing metadata (tags, read), in one transaction.
   */
  importArticles(records: readonly unknown[], updates?: readonly unknown[]): Promise<{ stored: number; updated: number }>;
  /**
   * Gives a pending (link-only) article the content captured for it, keeping its id, saved time, tags and read
   * state. If the page turned out to be an article already saved under its canonical address, that one is
   * updated instead and the pending duplicate removed. Null when the pending article no longer exists.
   */
  completePendingArticle(id: string, captured: CapturedArticle, analysis: Analysis, options?: { now?: number }): Promise<ArticleMeta | null>;
  close(): void;
}

const newestFirst = (a: ArticleMeta, b: ArticleMeta): number => b.savedAt - a.savedAt || a.id.localeCompare(b.id);

/**
 * Builds the repository over a connection (or a function that yields one, so a connection closed by a
 * versionchange is replaced on the next call).
 */
export function createArticleStore(source: ArticleDb | (() => Promise<ArticleDb>), onClose?: () => void): ArticleStore {
  const getDb = typeof source === 'function' ? source : () => Promise.resolve(source);

  async function queryArticles({ text = '', speaker = '', topic = '' }: ArticleQuery): Promise<ArticleMeta[]> {
    const db = await getDb();
    const speakerKey = foldKey(speaker);
    const topicKey = foldKey(topic);
    let candidates: ArticleMeta[];
    // Narrow with an index when a filter allows it; the rest is filtered in memory (records are list-sized).
    if (speakerKey) candidates = await db.getAllFromIndex('articles', 'speakerKeys', speakerKey);
    else if (topicKey) candidates = await db.getAllFromIndex('articles', 'topicKeys', topicKey);
    else candidates = await db.getAllFromIndex('articles', 'savedAt');
    const matches = createArticleMatcher(text);
    return candidates
      .filter((a) => (!topicKey || a.topicKeys.includes(topicKey)) && matches(a))
      .sort(newestFirst);
  }

  return {
    async saveArticle(captured, analysis, { now = Date.now() } = {}) {
      const db = await getDb();
      const tx = db.transaction(['articles', 'contents'], 'readwrite');
      try {
        // Only this transaction's requests are awaited in here (the analysis was done before).
        const previous = await tx.objectStore('articles').index('url').get(captured.url);
        const { content, ...meta } = createArticleRecord(captured, analysis, { now, previous });
        await commit(tx, [() => tx.objectStore('articles').put(meta), () => tx.objectStore('contents').put(content)]);
        announceLibraryChange();
        return { status: previous ? 'updated' : 'saved', article: meta };
      } catch (error) {
        abortQuietly(tx);
        // tx.done also rejects; it is handled here, not left unhandled.
        tx.done.catch(() => undefined);
        throw toStoreError(error, 'save the article');
      }
    },

    async getArticle(id) {
      return (await getDb()).get('articles', id);
    },

    async getContent(id) {
      return (await getDb()).get('contents', id);
    },

    listArticles: () => queryArticles({}),
    searchArticles: (text) => queryArticles({ text }),
    queryArticles,
    listBySpeaker: (speaker) => queryArticles({ speaker }),
    listByTopic: (topic) => queryArticles({ topic }),

    async listFacets() {
      const articles = (await queryArticles({})).reverse(); // oldest first, so the newest spelling wins
      const speakers = new Map<string, LibraryFacet>();
      const topics = new Map<string, LibraryFacet>();
      for (const article of articles) {
        for (const s of article.analysis.speakers) {
          if (s.kind !== 'unnamed') countFacet(speakers, s.name);
        }
        for (const t of article.analysis.topics) countFacet(topics, t.label);
      }
      return { speakers: sortFacets(speakers), topics: sortFacets(topics) };
    },

    async deleteArticle(id) {
      const db = await getDb();
      const tx = db.transaction(['articles', 'contents'], 'readwrite');
      try {
        const [meta, content] = await Promise.all([
          tx.objectStore('articles').get(id),
          tx.objectStore('contents').get(id),
        ]);
        if (!meta) {
          await tx.done;
          return undefined;
        }
        await commit(tx, [() => tx.objectStore('articles').delete(id), () => tx.objectStore('contents').delete(id)]);
        announceLibraryChange();
        return { ...meta, content: content ?? { id, html: '', text: '' } };
      } catch (error) {
        abortQuietly(tx);
        tx.done.catch(() => undefined);
        throw toStoreError(error, 'delete the article');
      }
    },

    async restoreArticle(record) {
      const meta = toArticleMeta(record);
      if (!meta) throw new StoreError('unknown', 'Could not restore the article: the record is not valid.');
      const content =
        typeof record === 'object' && record !== null && 'content' in record
          ? toArticleContent(record.content, meta.id)
          : null;
      const db = await getDb();
      const tx = db.transaction(['articles', 'contents'], 'readwrite');
      try {
        await commit(tx, [
          () => tx.objectStore('articles').add(meta),
          () => tx.objectStore('contents').put(content ?? { id: meta.id, html: '', text: '' }),
        ]);
        announceLibraryChange();
        return meta;
      } catch (error) {
        abortQuietly(tx);
        tx.done.catch(() => undefined);
        throw toStoreError(error, 'restore the article');
      }
    },

    async importArticles(records, updates = []) {
      // Validate everything before the transaction opens: a bad item rejects the whole import.
      const rows = records.map((record, i) => {
        const meta = toArticleMeta(record);
        // The address is the library's unique key: an item without a web address cannot be stored.
        if (!meta || !/^https?:\/\//i.test(meta.url)) throw new StoreError('unknown', `Could not import: item ${i + 1} is not a valid article.`);
        const raw: unknown = typeof record === 'object' && record !== null ? Reflect.get(record, 'content') : undefined;
        return { meta, content: toArticleContent(raw, meta.id) ?? { id: meta.id, html: '', text: '' } };
      });
      const metas = updates.map((update, i) => {
        const meta = toArticleMeta(update);
        if (!meta || !/^https?:\/\//i.test(meta.url)) throw new StoreError('unknown', `Could not import: update ${i + 1} is not a valid article.`);
        return meta;
      });
      if (rows.length + metas.length === 0) return { stored: 0, updated: 0 };
      const db = await getDb();
      const tx = db.transaction(['articles', 'contents'], 'readwrite');
      try {
        const articles = tx.objectStore('articles');
        const contents = tx.objectStore('contents');
        await commit(tx, [
          ...rows.flatMap(({ meta, content }) => [() => articles.put(meta), () => contents.put(content)]),
          ...metas.map((meta) => () => articles.put(meta)),
        ]);
        announceLibraryChange();
        return { stored: rows.length, updated: metas.length };
      } catch (error) {
        abortQuietly(tx);
        tx.done.catch(() => undefined);
        throw toStoreError(error, 'import the articles (nothing was imported)');
      }
    },

    async completePendingArticle(id, captured, analysis, { now = Date.now() } = {}) {
      const db = await getDb();
      const tx = db.transaction(['articles', 'contents'], 'readwrite');
      try {
        const articles = tx.objectStore('articles');
        const [pending, sameUrl] = await Promise.all([articles.get(id), articles.index('url').get(captured.url)]);
        if (!pending) {
          await tx.done;
          return null;
        }
        const writes: (() => Promise<unknown>)[] = [];
        let result: ArticleMeta;
        if (sameUrl && sameUrl.id !== id) {
          // Already saved under its canonical address: refresh that one, carry the pending item's tags over.
          const { content, ...meta } = createArticleRecord(captured, analysis, { now, previous: sameUrl });
          result = { ...meta, tags: mergeTags(sameUrl.tags, pending.tags), read: sameUrl.read || pending.read };
          writes.push(() => articles.put(result), () => tx.objectStore('contents').put(content));
          writes.push(() => articles.delete(id), () => tx.objectStore('contents').delete(id));
        } else {
          const { content, ...meta } = createArticleRecord(captured, analysis, { now, previous: pending });
          // The first capture of an imported link is not an update.
          result = { ...meta, updatedAt: null };
          writes.push(() => articles.put(result), () => tx.objectStore('contents').put(content));
        }
        await commit(tx, writes);
        announceLibraryChange();
        return result;
      } catch (error) {
        abortQuietly(tx);
        tx.done.catch(() => undefined);
        throw toStoreError(error, 'save the captured article');
      }
    },

    close() {
      onClose?.();
    },
  };
}

function mergeTags(a: readonly string[], b: readonly string[]): string[] {
  const seen = new Set(a.map((t) => t.toLowerCase()));
  return [...a, ...b.filter((t) => !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()))];
}

function foldKey(value: string): string {
  return value.trim().toLowerCase();
}

function countFacet(map: Map<string, LibraryFacet>, label: string): void {
  const key = label.toLowerCase();
  const facet = map.get(key);
  if (facet) {
    facet.count += 1;
    facet.label = label;
  } else map.set(key, { key, label, count: 1 });
}

function sortFacets(map: Map<string, LibraryFacet>): LibraryFacet[] {
  return [...map.values()].sort((a, b) => b.count - a.count || foldText(a.label).localeCompare(foldText(b.label)));
}

/**
 * Issues the writes and waits for the commit. Every request promise gets a handler at once, so when one
 * write throws (or the transaction aborts) the others' AbortErrors are not reported as unhandled.
 */
async function commit(tx: { done: Promise<void> }, writes: (() => Promise<unknown>)[]): Promise<void> {
  const pending: Promise<unknown>[] = [];
  for (const write of writes) {
    const request = write();
    request.catch(() => undefined);
    pending.push(request);
  }
  await Promise.all([...pending, tx.done]);
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already committed or aborted (e.g. by the quota error itself): nothing to undo.
  }
}

let persistRequested = false;

/** Asks once per context for persistent storage, so the browser does not evict the library under pressure. */
export async function requestPersistentStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean> {
  if (persistRequested || typeof storage?.persist !== 'function') return false;
  persistRequested = true;
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

/** Opens the library with a self-reopening connection and requests persistent storage (once). */
export async function openArticleStore(options: Omit<OpenArticleDbOptions, 'onClose'> = {}): Promise<ArticleStore> {
  const connection = createReopeningConnection(options);
  await connection.get();
  void requestPersistentStorage();
  return createArticleStore(connection.get, connection.close);
}
