import type { Analysis, AnalysisInput } from '../model';
import type { ArticleStore } from '../store';
import { CaptureTimeoutError, isOversizedCapture, parseCaptureResult, withCaptureTimeout, type CaptureRequest } from './capture-request';
import { describeInjectionError, describeUnsupportedPage } from './page-support';
import type { SaveOutcome } from './protocol';

/** The tab to save, as the background knows it (the URL only when activeTab was granted). */
export interface TabRef {
  id: number;
  url?: string;
}

/** What the save service needs from the outside world; injected so tests run without a browser. */
export interface SaveServiceDeps {
  /** Injects the capture script into the tab's top frame and returns its raw (unvalidated) result. */
  runCapture(tabId: number, request: CaptureRequest): Promise<unknown>;
  /** The article library. */
  getStore(): Promise<ArticleStore>;
  /** The analysis engine (lib/analysis `analyzeArticle`). */
  analyze(input: AnalysisInput): Analysis;
  now?(): number;
  /** How long to wait for the capture script (default CAPTURE_TIMEOUT_MS). */
  captureTimeoutMs?: number;
}

export interface SaveService {
  /** Captures, analyses and stores the page in `tab`; never throws, every failure is a SaveOutcome. */
  saveTab(tab: TabRef, request: CaptureRequest): Promise<SaveOutcome>;
}

const EMPTY_ANALYSIS: Analysis = { speakers: [], topics: [], summary: '', lang: '' };

export function createSaveService(deps: SaveServiceDeps): SaveService {
  return {
    async saveTab(tab, request) {
      const unsupported = describeUnsupportedPage(tab.url);
      if (unsupported) return { status: 'unsupported', reason: unsupported };

      let raw: unknown;
      try {
        raw = await withCaptureTimeout(deps.runCapture(tab.id, request), deps.captureTimeoutMs);
      } catch (error) {
        if (error instanceof CaptureTimeoutError) return { status: 'failed', reason: error.message };
        return describeInjectionError(error, tab.url);
      }
      const result = parseCaptureResult(raw);
      if (!result) {
        return isOversizedCapture(raw)
          ? { status: 'failed', reason: 'This page is too large to save whole. Select the part you want and use "Save selection to ClipShelf".' }
          : { status: 'failed', reason: 'The page returned something that is not an article capture.' };
      }
      if (!result.ok) {
        return result.reason === 'not-article'
          ? { status: 'not-article', title: result.article.title, message: result.message }
          : { status: 'failed', reason: result.reason === 'script-error' ? `Could not read the page: ${result.message}` : result.message };
      }
      // A selection is its own record: saving part of an already saved page must not replace the whole article.
      // The fragment keeps the link working and makes the same selection saved twice an update.
      const article = result.article.fromSelection
        ? { ...result.article, url: `${result.article.url}#clipshelf-selection-${result.article.contentHash.slice(0, 12)}` }
        : result.article;

      // The analysis runs here, before the store's transaction opens (nothing else may be awaited inside it).
      let analysis: Analysis;
      try {
        analysis = deps.analyze({ text: article.text, title: article.title, lang: article.lang, authors: article.authors });
      } catch {
        // A bug in the engine must not cost the user the article: store it unanalysed.
        analysis = EMPTY_ANALYSIS;
      }

      try {
        const store = await deps.getStore();
        const saved = await store.saveArticle(article, analysis, { now: deps.now?.() ?? Date.now() });
        return { status: saved.status, id: saved.article.id, title: saved.article.title };
      } catch (error) {
        return { status: 'failed', reason: error instanceof Error ? error.message : 'Could not save the article.' };
      }
    },
  };
}
