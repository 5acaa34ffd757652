import { defineContentScript } from 'wxt/utils/define-content-script';
import { onPageShown, startLiveBridge } from '../lib/live';
import { readLiveOrigin, sendRequest } from '../lib/messaging/pages';

// Never declared in the manifest: the library page registers it (scripting.registerContentScripts) for the one
// origin the user allowed, with the host permission asked for at that moment. Wiring only: lib/live's bridge.
export default defineContentScript({
  registration: 'runtime',
  async main(ctx) {
    const stop = startLiveBridge({
      window,
      origin: location.origin,
      allowedOrigin: (await readLiveOrigin()) ?? '',
      loadFeed: () => sendRequest('getLiveFeed', {}),
      onLibraryChange: onPageShown(document),
    });
    ctx.onInvalidated(stop);
  },
});
