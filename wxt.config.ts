import { defineConfig } from 'wxt';

// Chromium and Firefox builds from one source. No host permissions: capture runs only on
// the tab the user acted on (activeTab), so ClipShelf never reads pages on its own.
export default defineConfig({
  imports: false,
  manifest: ({ browser }) => ({
    name: 'ClipShelf',
    description: 'Save the news, see who said what. Everything stays on your device.',
    permissions: ['activeTab', 'scripting', 'storage', 'unlimitedStorage', 'contextMenus'],
    action: { default_title: 'Save page to ClipShelf' },
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
