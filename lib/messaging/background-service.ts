import { browser, type Browser } from 'wxt/browser';
import { analyzeArticle } from '../analysis';
import { openArticleStore, type ArticleStore } from '../store';
import { CAPTURE_REQUEST_KEY, stashCaptureRequest, type CaptureRequest } from './capture-request';
import { isTrustedPageSender } from './trusted-sender';
import { parseRequest, type RequestMessage, type ResponseData, type ResponseMessage, type SaveOutcome } from './protocol';
import { createSaveService, type SaveServiceDeps } from './save-service';
import { createBrowserCaptureDeps } from './capture-pending-browser';
import { createCapturePendingService } from './capture-pending-service';
import { restoreLiveRegistration, toOriginPattern, unregisterLiveBridge } from '../live';
import { toLiveFeed } from './live-feed';
import { isLiveBridgeSender, type LiveSenderInfo } from './live-sender';
import { browserLiveApi, clearLiveOrigin, readLiveOrigin } from './live-settings';

/** The capture content script as WXT bundles `entrypoints/capture.content.ts` (registration: runtime). */
export const CAPTURE_SCRIPT_PATH = '/content-scripts/capture.js';

/** Context-menu item ids. */
export const MENU_IDS = { savePage: 'clipshelf-save-page', saveSelection: 'clipshelf-save-selection' } as const;

/** Badge text and colour per outcome: the only feedback for context-menu saves, which open no popup. */
const BADGES: Record<SaveOutcome['status'], { text: string; color: string }> = {
  saved: { text: '✓', color: '#1a7f37' },
  updated: { text: '✓', color: '#0969da' },
  'not-article': { text: '?', color: '#9a6700' },
  unsupported: { text: '!', color: '#cf222e' },
  failed: { text: '!', color: '#cf222e' },
};

/** One line for the toolbar button's tooltip. */
export function describeOutcome(outcome: SaveOutcome): string {
  switch (outcome.status) {
    case 'saved':
      return `Saved to ClipShelf: ${outcome.title}`;
    case 'updated':
      return `Updated in ClipShelf: ${outcome.title}`;
    case 'not-article':
      return `Not saved: ${outcome.message} Click ClipShelf to save it anyway.`;
    case 'unsupported':
    case 'failed':
      return `Not saved: ${outcome.reason}`;
  }
}

/** Injects the capture script into the tab's top frame (activeTab, no host permissions) and returns its reply. */
export async function injectCapture(tabId: number, request: CaptureRequest): Promise<unknown> {
  await browser.scripting.executeScript({
    target: { tabId },
    func: stashCaptureRequest,
    args: [CAPTURE_REQUEST_KEY, request],
  });
  const results = await browser.scripting.executeScript({ target: { tabId }, files: [CAPTURE_SCRIPT_PATH] });
  // Only the tab's top frame, the one we targeted, counts.
  return (results.find((r) => r.frameId === 0) ?? results[0])?.result;
}

/**
 * The background's behaviour behind thin listeners: typed requests from extension pages, the context menu and
 * the badge. Holds no state that must outlive an event except a lazily opened store connection.
 */
export function createBackgroundService(overrides: Partial<SaveServiceDeps> = {}) {
  let store: Promise<ArticleStore> | null = null;
  const getStore = (): Promise<ArticleStore> => {
    store ??= openArticleStore().catch((error: unknown) => {
      store = null;
      throw error;
    });
    return store;
  };
  const saver = createSaveService({ runCapture: injectCapture, getStore, analyze: analyzeArticle, ...overrides });
  // Imported links ("to capture"): background tabs, with the host permission the library page asked for.
  const pendingCapture = createCapturePendingService({
    runCapture: overrides.runCapture ?? injectCapture,
    getStore: overrides.getStore ?? getStore,
    analyze: overrides.analyze ?? analyzeArticle,
    ...createBrowserCaptureDeps(),
  });

  async function saveTab(tabId: number, request: CaptureRequest): Promise<SaveOutcome> {
    let url: string | undefined;
    try {
      url = (await browser.tabs.get(tabId)).url;
    } catch {
      return { status: 'failed', reason: 'The tab was closed before the page could be saved.' };
    }
    const outcome = await saver.saveTab({ id: tabId, url }, request);
    await showBadge(tabId, outcome);
    return outcome;
  }

  async function handle(request: RequestMessage): Promise<ResponseData<RequestMessage['type']>> {
    switch (request.type) {
      case 'saveTab':
        return saveTab(request.data.tabId, { force: request.data.force, selection: false });
      case 'capturePending':
        return pendingCapture.start(request.data.ids);
      case 'getCaptureStatus':
        return pendingCapture.status();
      case 'cancelCapture':
        return pendingCapture.cancel();
      case 'getLiveFeed':
        return toLiveFeed(await (await getStore()).listArticles());
    }
  }

  /** Answers a request once its sender is checked (asynchronously for live mode: the allowed origin is stored). */
  async function answer(request: RequestMessage, sender: LiveSenderInfo): Promise<ResponseMessage<RequestMessage['type']>> {
    const trusted =
      request.type === 'getLiveFeed'
        ? isLiveBridgeSender(sender, browser.runtime.id, await readLiveOrigin())
        : isTrustedPageSender(sender, browser.runtime.id, browser.runtime.getURL('/'));
    if (!trusted) return { ok: false, error: 'Request refused: unknown sender.' };
    try {
      return { ok: true, data: await handle(request) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  return {
    saveTab,

    /** runtime.onMessage listener: answers ClipShelf requests from this extension's pages only. */
    onMessage(message: unknown, sender: LiveSenderInfo, sendResponse: (response: unknown) => void): boolean {
      const request = parseRequest(message);
      if (!request) return false; // Not a ClipShelf request: no answer.
      void answer(request, sender).then(sendResponse);
      return true; // The answer is sent asynchronously.
    },

    /**
     * At install and browser start: keeps the live bridge registered only while an origin is allowed and its host
     * permission is held; otherwise switches live mode off (unregistered, setting cleared).
     */
    async restoreLive(): Promise<void> {
      try {
        const result = await restoreLiveRegistration(browserLiveApi(), await readLiveOrigin());
        if (!result.live) await clearLiveOrigin();
      } catch (error) {
        // Nothing to show it to at start-up; the library page reports the state when opened.
        console.warn('ClipShelf: could not restore live mode', error);
      }
    },

    /** permissions.onRemoved listener: revoking the allowed origin's access (browser settings) ends live mode. */
    async onPermissionsRemoved(removed: Browser.permissions.Permissions): Promise<void> {
      const origin = await readLiveOrigin();
      if (!origin || !removed.origins?.includes(toOriginPattern(origin))) return;
      await unregisterLiveBridge(browserLiveApi());
      await clearLiveOrigin();
    },

    /** Creates the context-menu items (menus persist, so once per install/update and browser start). */
    async installMenus(): Promise<void> {
      await browser.contextMenus.removeAll();
      browser.contextMenus.create({ id: MENU_IDS.savePage, title: 'Save page to ClipShelf', contexts: ['page'] });
      browser.contextMenus.create({ id: MENU_IDS.saveSelection, title: 'Save selection to ClipShelf', contexts: ['selection'] });
    },

    /** contextMenus.onClicked listener: the click granted activeTab on `tab`. */
    onMenuClicked(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): void {
      if (tab?.id === undefined || tab.id < 0) return;
      if (info.menuItemId !== MENU_IDS.savePage && info.menuItemId !== MENU_IDS.saveSelection) return;
      void saveTab(tab.id, { force: false, selection: info.menuItemId === MENU_IDS.saveSelection });
    },
  };
}

async function showBadge(tabId: number, outcome: SaveOutcome): Promise<void> {
  const badge = BADGES[outcome.status];
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: badge.text }),
      browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      browser.action.setTitle({ tabId, title: describeOutcome(outcome) }),
    ]);
  } catch {
    // The tab may have closed meanwhile; the badge is a courtesy.
  }
}
