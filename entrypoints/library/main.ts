import '../../components/clip-library';
import { formatLibraryLocation, parseLibraryLocation, startLibrary } from '../../lib/messaging/pages';
import { openArticleStore } from '../../lib/store';

// Wiring only: the page's behaviour lives in lib/messaging's startLibrary.
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
}
