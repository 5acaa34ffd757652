import '../../components/clip-library';
import '../../components/clip-library-tools';
import '../../components/clip-library-notices';
import '../../components/clip-live-settings';
import { formatLibraryLocation, parseLibraryLocation, startLibrary, startLibraryTransfer, startLiveSettings } from '../../lib/messaging/pages';
import { openArticleStore } from '../../lib/store';

// Wiring only: the page's behaviour lives in lib/messaging's startLibrary and startLibraryTransfer.
const view = document.querySelector('clip-library');
if (view) {
  const library = startLibrary({
    view,
    openStore: () => openArticleStore(),
    readLocation: () => parseLibraryLocation(location.search),
    writeLocation(state, push) {
      const url = `${location.pathname}${formatLibraryLocation(state)}`;
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
      document.title = view.reader ? `${view.reader.article.title} · ClipShelf` : 'ClipShelf library';
    },
  });
  addEventListener('popstate', () => void library.applyLocation());

  // Export, embed, backup, restore/import, Markdown and "capture pending" go into the library's slots.
  const tools = document.createElement('clip-library-tools');
  tools.slot = 'toolbar';
  const notices = document.createElement('clip-library-notices');
  notices.slot = 'notices';
  view.append(tools, notices);
  startLibraryTransfer({ tools, notices, library: view, openStore: () => openArticleStore() });

  // "Live on your page", below the library.
  const live = document.createElement('clip-live-settings');
  view.after(live);
  startLiveSettings({ view: live });
}
