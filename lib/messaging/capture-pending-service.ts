import type { Analysis, AnalysisInput } from '../model';
import type { ArticleStore } from '../store';
import { CaptureTimeoutError, isOversizedCapture, parseCaptureResult, withCaptureTimeout, type CaptureRequest } from './capture-request';
import { describeInjectionError } from './page-support';
import type { CaptureFailure, CaptureJobStatus } from './protocol';


/** What capturing pending articles needs from the browser; injected so the job runs in tests without one. */
export interface CapturePendingDeps {
  getStore(): Promise<ArticleStore>;
  analyze(input: AnalysisInput): Analysis;
  /** Whether ClipShelf may script pages at `url` (the optional host permission the user granted). */
  hasHostPermission(url: string): Promise<boolean>;
  /** Opens `url` in a new inactive tab and resolves with its id once the page has loaded (rejects on timeout). */
  openTab(url: string): Promise<number>;
  closeTab(tabId: number): Promise<void>;
  /** Injects the capture script into the tab's top frame; returns its raw (unvalidated) reply. */
  runCapture(tabId: number, request: CaptureRequest): Promise<unknown>;
  now?(): number;
}

export interface CapturePendingService {
  /** Starts capturing the given pending articles, or adds them to the job already running. */
  start(ids: readonly string[]): CaptureJobStatus;
  status(): CaptureJobStatus;
  /** Stops after the article in progress. */
  cancel(): CaptureJobStatus;
  /** Resolves when the current job (if any) has finished; for tests and shutdown. */
  settled(): Promise<void>;
}

const MAX_FAILURES = 50;
const EMPTY_ANALYSIS: Analysis = { speakers: [], topics: [], summary: '', lang: '' };
// Imported links were chosen by the user: keep pages that do not look like articles rather than drop them.
const CAPTURE_REQUEST: CaptureRequest = { force: true, selection: false };

/**
 * Captures imported link-only articles one after another: open the page in an inactive tab, inject the capture
 * script, analyse, store through lib/store, close the tab. One job at a time; progress is read with `status()`.
 */
export function createCapturePendingService(deps: CapturePendingDeps): CapturePendingService {
  let status: CaptureJobStatus = { state: 'idle', total: 0, done: 0, captured: 0, failures: [], current: '' };
  const queue: string[] = [];
  const queued = new Set<string>();
  let cancelled = false;
  let running: Promise<void> = Promise.resolve();

  const snapshot = (): CaptureJobStatus => ({ ...status, failures: [...status.failures] });
  const fail = (failure: CaptureFailure): void => {
    if (status.failures.length < MAX_FAILURES) status.failures.push(failure);
  };

  async function captureOne(id: string): Promise<void> {
    const store = await deps.getStore();
    const article = await store.getArticle(id);
    if (!article || article.state !== 'pending') return; // deleted or captured meanwhile: nothing to do
    status.current = article.title || article.url;
    if (!(await deps.hasHostPermission(article.url))) {
      fail({ id, title: article.title, reason: 'ClipShelf was not allowed to open this site.' });
      return;
    }
    let tabId: number | undefined;
    try {
      try {
        tabId = await deps.openTab(article.url);
      } catch (error) {
        fail({ id, title: article.title, reason: `The page did not load: ${error instanceof Error ? error.message : String(error)}` });
        return;
      }
      let raw: unknown;
      try {
        raw = await withCaptureTimeout(deps.runCapture(tabId, CAPTURE_REQUEST));
      } catch (error) {
        const reason = error instanceof CaptureTimeoutError ? error.message : describeInjectionError(error, article.url).reason;
        fail({ id, title: article.title, reason });
        return;
      }
      const result = parseCaptureResult(raw);
      const captured = result?.ok ? result.article : result?.reason === 'not-article' ? result.article : null;
      if (!captured) {
        const reason = !result
          ? isOversizedCapture(raw)
            ? 'The page is too large to save whole.'
            : 'The page returned something that is not an article capture.'
          : result.ok
            ? ''
            : result.message;
        fail({ id, title: article.title, reason: reason || 'The page has no article text.' });
        return;
      }
      let analysis: Analysis;
      try {
        analysis = deps.analyze({ text: captured.text, title: captured.title, lang: captured.lang, authors: captured.authors });
      } catch {
        analysis = EMPTY_ANALYSIS; // an engine bug must not cost the user the article
      }
      const saved = await store.completePendingArticle(id, captured, analysis, { now: deps.now?.() ?? Date.now() });
      if (saved) status.captured++;
    } finally {
      if (tabId !== undefined) await deps.closeTab(tabId).catch(() => undefined);
    }
  }

  async function run(): Promise<void> {
    while (queue.length > 0 && !cancelled) {
      const id = queue.shift()!;
      try {
        await captureOne(id);
      } catch (error) {
        fail({ id, title: status.current, reason: error instanceof Error ? error.message : String(error) });
      }
      status.done++;
      status.current = '';
    }
    status.state = cancelled ? 'cancelled' : 'done';
    status.current = '';
    queue.length = 0;
    queued.clear();
  }

  return {
    start(ids) {
      const fresh = ids.filter((id) => !queued.has(id));
      if (fresh.length === 0) return snapshot();
      const wasRunning = status.state === 'running';
      if (!wasRunning) {
        status = { state: 'running', total: 0, done: 0, captured: 0, failures: [], current: '' };
        queued.clear();
      }
      cancelled = false; // asking again after Cancel (while the last page finishes) continues the job
      for (const id of fresh) {
        queued.add(id);
        queue.push(id);
      }
      status.total += fresh.length;
      if (!wasRunning) running = run();
      return snapshot();
    },
    status: snapshot,
    cancel() {
      if (status.state === 'running') cancelled = true;
      return snapshot();
    },
    settled: () => running,
  };
}
