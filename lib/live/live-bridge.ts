import { createLiveFeedMessage, createLiveReady, readLiveRequest, type ClipShelfFeed } from '../feed';

/** What the live content script needs, injected so the bridge runs (and is tested) without a browser API. */
export interface LiveBridgeDeps {
  /** The page's window (the content script's `window`). */
  window: Pick<Window, 'addEventListener' | 'removeEventListener' | 'postMessage'>;
  /** The page's origin (`location.origin`). */
  origin: string;
  /** The origin the user allowed (from settings). The bridge does nothing anywhere else. */
  allowedOrigin: string;
  /** Asks the background for the exported feed (same data as "Export feed"). */
  loadFeed: () => Promise<ClipShelfFeed>;
  /** Calls back when the library changes; returns an unsubscribe function. Optional. */
  onLibraryChange?: (callback: () => void) => () => void;
}

/**
 * The live content script's logic: announces itself, answers each valid request from its own window with the
 * feed (posted to its own origin only), and re-sends it when the library changes. Returns a stop function.
 */
export function startLiveBridge(deps: LiveBridgeDeps): () => void {
  if (deps.origin !== deps.allowedOrigin) return () => {};
  const nonces = new Set<string>();
  const send = async (only?: string) => {
    let feed: ClipShelfFeed;
    try {
      feed = await deps.loadFeed();
    } catch {
      return; // the page keeps what it shows (its static feed)
    }
    for (const nonce of only ? [only] : nonces) deps.window.postMessage(createLiveFeedMessage(nonce, feed), deps.origin);
  };
  const onMessage = (event: MessageEvent) => {
    const request = readLiveRequest(event, { origin: deps.origin, source: deps.window });
    if (!request || nonces.size >= 16) return;
    nonces.add(request.nonce);
    void send(request.nonce);
  };
  deps.window.addEventListener('message', onMessage);
  const unsubscribe = deps.onLibraryChange?.(() => void send());
  deps.window.postMessage(createLiveReady(), deps.origin);
  return () => {
    deps.window.removeEventListener('message', onMessage);
    unsubscribe?.();
  };
}

/**
 * A `LiveBridgeDeps.onLibraryChange` for content scripts, which cannot hear the extension's change broadcasts:
 * the library usually changes while the user is on another tab (saving an article), so the bridge re-sends the
 * feed whenever the page becomes visible again.
 */
export function onPageShown(doc: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>) {
  return (callback: () => void): (() => void) => {
    const listener = () => {
      if (doc.visibilityState === 'visible') callback();
    };
    doc.addEventListener('visibilitychange', listener);
    return () => doc.removeEventListener('visibilitychange', listener);
  };
}
