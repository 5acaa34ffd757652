import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundService } from '../lib/messaging';

// Wiring only: every listener is registered synchronously in main(), the behaviour lives in lib/messaging.
export default defineBackground({
  type: 'module',
  main() {
    const service = createBackgroundService();
    browser.runtime.onMessage.addListener(service.onMessage);
    // Firefox event pages may drop menus on restart; re-creating is idempotent. Live mode re-checks its
    // registration at the same moments; a revoked host permission ends it.
    const onStart = () => {
      void service.installMenus();
      void service.restoreLive();
    };
    browser.runtime.onInstalled.addListener(onStart);
    browser.runtime.onStartup.addListener(onStart);
    browser.contextMenus.onClicked.addListener(service.onMenuClicked);
    browser.permissions.onRemoved.addListener((removed) => void service.onPermissionsRemoved(removed));
  },
});
