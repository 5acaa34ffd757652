import { defineContentScript } from 'wxt/utils/define-content-script';
import { capturePage } from '../lib/capture';
import { replyToCapture } from '../lib/messaging';

// Never declared in the manifest: the background injects it with scripting.executeScript into the one tab
// the user acted on (activeTab). main()'s promise is the script's result, which the background validates.
export default defineContentScript({
  registration: 'runtime',
  main() {
    return replyToCapture((request) =>
      capturePage(document, location, document.getSelection(), {
        ignoreSelection: !request.selection,
        force: request.force,
      }),
    );
  },
});
