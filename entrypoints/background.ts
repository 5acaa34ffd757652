import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundService } from '../lib/messaging';

// Wiring only: every listener is registered synchronously in main(), the behaviour lives in lib/messaging.
export default defineBackground({
  type: 'module',
  main() {
    const service = createBackgroundService();
    browser.runtime.onMessage.addListener(service.onMessage);
    browser.runtime.onInstalled.addListener(() => void service.installMenus());
    // Firefox event pages may drop menus on restart; re-creating is idempotent.
    browser.runtime.onStartup.addListener(() => void service.installMenus());
    browser.contextMenus.onClicked.addListener(service.onMenuClicked);
  },
});
