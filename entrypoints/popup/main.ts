import { browser } from 'wxt/browser';
import '../../components/clip-popup';
import { sendRequest, startPopup } from '../../lib/messaging/pages';
import { openArticleStore } from '../../lib/store';

// Wiring only: the popup's behaviour lives in lib/messaging's startPopup.
const view = document.querySelector('clip-popup');
if (view) {
  view.libraryHref = browser.runtime.getURL('/library.html');
  startPopup({
    view,
    openStore: () => openArticleStore(),
    async saveCurrentTab(force) {
      // The popup's own window: its active tab is the one whose toolbar button was clicked.
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return { status: 'unsupported', reason: "ClipShelf can't read this tab." };
      return sendRequest('saveTab', { tabId: tab.id, force });
    },
    openTab: (url) => void browser.tabs.create({ url }),
    readerUrl: (id) => `${browser.runtime.getURL('/library.html')}?article=${encodeURIComponent(id)}`,
  });
}
