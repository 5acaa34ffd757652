import { readFileSync } from 'node:fs';
import type { ArticleContent, ArticleMeta } from '../../../lib/model';
import type { RawTarget } from './launch-extension';
import { waitFor } from './with-timeout';

/** In-page probes: expressions evaluated in an extension page or the popup (over raw CDP or Playwright). */

/** Reads the whole library with the raw IndexedDB API (independent of lib/store); resolves to a DbSnapshot. */
export const READ_DB = `new Promise((resolve, reject) => {
  const open = indexedDB.open('clipshelf');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction(['articles', 'contents']);
    const articles = tx.objectStore('articles').getAll();
    const contents = tx.objectStore('contents').getAll();
    tx.oncomplete = () => { db.close(); resolve({ articles: articles.result, contents: contents.result }); };
    tx.onerror = () => reject(tx.error);
  };
})`;

export interface DbSnapshot {
  articles: ArticleMeta[];
  contents: ArticleContent[];
}

/** The popup's save state: its data-kind and label, or null before it renders. */
export const POPUP_STATE = `(() => {
  const s = document.querySelector('clip-popup')?.shadowRoot?.querySelector('.state');
  return s ? { kind: s.dataset.kind, text: s.querySelector('.label')?.textContent.trim() ?? '' } : null;
})()`;

export interface PopupState {
  kind: string;
  text: string;
}

/** Waits until the popup's state (read with `probe`) is no longer "saving" and returns it. */
export function settledPopupState(popup: RawTarget, ms: number, label: string, probe = POPUP_STATE): Promise<PopupState> {
  return waitFor(
    async () => {
      const state = await popup.evaluate<PopupState | null>(probe);
      return state && state.kind !== 'saving' ? state : null;
    },
    ms,
    label,
  );
}

let axeSource: string | undefined;
const AXE_RUN = `axe.run(document, { resultTypes: ['violations'] }).then((r) =>
  r.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' @ ' + v.nodes.map((n) => JSON.stringify(n.target)).join(' ')))`;

/**
 * Runs axe-core in a page or popup and returns its violations as lines. It is evaluated rather than loaded with a
 * script tag, which extension pages' CSP would refuse.
 */
export async function axeViolations(evaluate: (expression: string) => Promise<unknown>): Promise<string[]> {
  axeSource ??= readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
  await evaluate(axeSource);
  return (await evaluate(AXE_RUN)) as string[];
}
