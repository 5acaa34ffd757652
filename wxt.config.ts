import { defineConfig } from 'wxt';

// Chromium and Firefox builds from one source. No host permissions: capture runs only on
// the tab the user acted on (activeTab), so ClipShelf never reads pages on its own.
export default defineConfig({
  imports: false,
  manifest: ({ browser }) => ({
    name: 'ClipShelf',
    description: 'Save the news, see who said what. Everything stays on your device.',
    // activeTab + scripting: read the one page the user clicked ClipShelf on; storage + unlimitedStorage:
    // the local IndexedDB library; contextMenus: "Save page" / "Save selection".
    permissions: ['activeTab', 'scripting', 'storage', 'unlimitedStorage', 'contextMenus'],
    // Asked for only when the user clicks "Capture N pending" in the library (imported links), and only for
    // those links' sites: the background opens each in an inactive tab and captures it.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: 'Save page to ClipShelf' },
    icons: { 16: '/icon/16.png', 32: '/icon/32.png', 48: '/icon/48.png', 128: '/icon/128.png' },
    commands: {
      // Opening the popup is the save (and grants activeTab), exactly like a click on the button.
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the current page to ClipShelf',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'clipshelf@clipshelf.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
