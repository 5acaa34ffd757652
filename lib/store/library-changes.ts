/*
 * Change notices between the extension's contexts: the background saves, the popup deletes, and an open library
 * page should show both without polling. BroadcastChannel reaches every same-origin context (service worker
 * and pages) of the extension.
 */

const CHANNEL = 'clipshelf-library';

/** Tells every other context of the extension that the library changed. */
export function announceLibraryChange(): void {
  if (typeof BroadcastChannel !== 'function') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'library-changed' });
  channel.close();
}

/** Calls `listener` whenever another context changes the library; returns the unsubscribe function. */
export function onLibraryChange(listener: () => void): () => void {
  if (typeof BroadcastChannel !== 'function') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => listener();
  return () => channel.close();
}
