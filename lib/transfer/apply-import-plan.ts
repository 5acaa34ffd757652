import type { ArticleRecord } from '../model';
import type { ArticleStore } from '../store';
import type { ImportPlan } from './plan-import';

/** Every article of the library, whole (metadata and content), newest first. */
export async function readLibrary(store: ArticleStore): Promise<ArticleRecord[]> {
  const metas = await store.listArticles();
  const out: ArticleRecord[] = [];
  for (const m of metas) {
    const content = (await store.getContent(m.id)) ?? { id: m.id, html: '', text: '' };
    out.push({ ...m, content });
  }
  return out;
}

/**
 * Stores a plan whole or not at all: new articles (with content or pending), pending ones that now have content,
 * and merged tags/read state of existing ones, in one IndexedDB transaction (lib/store importArticles).
 */
export async function applyImportPlan(store: ArticleStore, plan: ImportPlan): Promise<{ stored: number; updated: number }> {
  return store.importArticles([...plan.records, ...plan.pending], plan.updates);
}
