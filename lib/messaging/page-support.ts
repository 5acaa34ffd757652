/*
 * Pages the browser never lets an extension read, and the one-line reasons the popup shows for them.
 */

const BROWSER_SCHEMES = /^(chrome|chrome-extension|chrome-search|chrome-untrusted|devtools|edge|brave|opera|vivaldi|about|moz-extension|resource|view-source|data|blob|javascript):/i;

const STORE_HOSTS: readonly { host: string; path?: string }[] = [
  { host: 'chromewebstore.google.com' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'addons.mozilla.org' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
];

export const UNSUPPORTED_REASONS = {
  browserPage: "Browser and extension pages can't be saved.",
  webStore: "The browser doesn't let extensions read its add-on store.",
  pdf: "PDFs open in the browser's PDF viewer, which extensions can't read.",
  file: 'To save local files, turn on "Allow access to file URLs" for ClipShelf in the browser\'s extension settings.',
  noAccess: "ClipShelf can only read a page you click it on. Click the ClipShelf button on the page you want to save.",
  errorPage: "The page didn't load, so there is nothing to save.",
  tabGone: 'The tab was closed before the page could be saved.',
  unknownTab: "ClipShelf can't read this tab.",
} as const;

/** The reason a page cannot be saved, judged from its URL before trying; null when it is worth trying. */
export function describeUnsupportedPage(url: string | undefined): string | null {
  if (!url) return null; // Unknown until injection tells; the injection error is mapped below.
  if (BROWSER_SCHEMES.test(url)) return UNSUPPORTED_REASONS.browserPage;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return UNSUPPORTED_REASONS.browserPage;
  }
  const host = parsed.hostname.toLowerCase();
  if (STORE_HOSTS.some((s) => s.host === host && (!s.path || parsed.pathname.startsWith(s.path)))) {
    return UNSUPPORTED_REASONS.webStore;
  }
  if (/\.pdf$/i.test(parsed.pathname)) return UNSUPPORTED_REASONS.pdf;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:' && parsed.protocol !== 'file:') {
    return UNSUPPORTED_REASONS.browserPage;
  }
  return null;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : '';
}

/**
 * Maps a failed `scripting.executeScript` to what the user should know: `unsupported` when the browser forbids
 * the page, `failed` for everything else (with the browser's message).
 */
export function describeInjectionError(
  error: unknown,
  url: string | undefined,
): { status: 'unsupported' | 'failed'; reason: string } {
  const message = messageOf(error);
  const unsupported = (reason: string) => ({ status: 'unsupported' as const, reason });
  if (/error page/i.test(message)) return unsupported(UNSUPPORTED_REASONS.errorPage);
  if (/gallery cannot be scripted|webstore/i.test(message)) return unsupported(UNSUPPORTED_REASONS.webStore);
  if (/no tab with id|tab was closed|invalid tab id/i.test(message)) {
    return { status: 'failed', reason: UNSUPPORTED_REASONS.tabGone };
  }
  if (/cannot access|permission|missing host|cannot be scripted|not allowed/i.test(message)) {
    if (url?.toLowerCase().startsWith('file:') || /file:\/\//i.test(message)) return unsupported(UNSUPPORTED_REASONS.file);
    if (/chrome:|chrome-extension:|about:|moz-extension:/i.test(message)) return unsupported(UNSUPPORTED_REASONS.browserPage);
    return unsupported(url ? UNSUPPORTED_REASONS.noAccess : UNSUPPORTED_REASONS.unknownTab);
  }
  return { status: 'failed', reason: message ? `Could not read the page: ${message}` : 'Could not read the page.' };
}
