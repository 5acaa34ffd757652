import { originOf } from '../live';

/** The parts of `runtime.MessageSender` the live check reads (`origin` is Chromium-only). */
export interface LiveSenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/**
 * `getLiveFeed` is answered only for this extension's own content script (`id`), in the top frame of a tab,
 * where the frame's URL, its origin (when the browser reports one) and the tab's URL all belong to the one
 * allowed origin. Extension pages, other extensions, iframes and every other site are refused.
 */
export function isLiveBridgeSender(sender: LiveSenderInfo, runtimeId: string, allowedOrigin: string | null): boolean {
  if (!allowedOrigin || !runtimeId || sender.id !== runtimeId) return false;
  if (sender.frameId !== 0 || typeof sender.tab?.id !== 'number') return false;
  if (originOf(sender.url) !== allowedOrigin || originOf(sender.tab.url) !== allowedOrigin) return false;
  return sender.origin === undefined || sender.origin === allowedOrigin;
}
