/** The parts of `runtime.MessageSender` the check reads. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/**
 * Requests are accepted only from this extension's own pages (popup, library): the sender is this extension
 * and its document lives at the extension origin. A content script (sender.url = the web page) or another
 * extension is refused, so a hostile page can never ask the background to do anything.
 */
export function isTrustedPageSender(sender: SenderInfo, runtimeId: string, extensionOrigin: string): boolean {
  if (!runtimeId || sender.id !== runtimeId || typeof sender.url !== 'string') return false;
  const origin = extensionOrigin.endsWith('/') ? extensionOrigin : `${extensionOrigin}/`;
  return sender.url.startsWith(origin);
}
