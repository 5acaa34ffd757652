import { createEmbedSnippet } from '../feed';
import { allowLiveOrigin, removeLiveOrigin, type LiveRegistrationApi } from '../live';
import { FEED_FILE_NAME } from './library-transfer-controller';
import { browserLiveApi, clearLiveOrigin, readLiveOrigin, writeLiveOrigin, type SettingsArea } from './live-settings';

/** The view the controller drives: <clip-live-settings> satisfies it. */
export interface LiveSettingsView extends EventTarget {
  origin: string;
  snippet: string;
  busy: boolean;
  message: string;
  tone: 'info' | 'error';
}

export interface LiveSettingsDeps {
  view: LiveSettingsView;
  /** Default: the browser's permissions and scripting APIs. */
  api?: LiveRegistrationApi;
  /** Default: browser.storage.local. */
  settings?: SettingsArea;
}

const REASONS = {
  'invalid-origin': 'Enter the address of a web page: https://… (or http://localhost / http://127.0.0.1 for a page on this computer).',
  'permission-denied': 'Not allowed: the browser did not give ClipShelf access to that site.',
} as const;

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The library page's live mode settings: allow one origin (permission for that origin asked for from the click,
 * then the bridge registered for it alone and the origin stored), show the embed code, remove it again.
 */
export function startLiveSettings(deps: LiveSettingsDeps): { ready: Promise<void>; stop(): void } {
  const { view } = deps;
  const api = deps.api ?? browserLiveApi();
  const settings = deps.settings;

  const show = (origin: string | null) => {
    view.origin = origin ?? '';
    view.snippet = origin ? createEmbedSnippet({ scriptUrl: 'clip-shelf.js', feedUrl: FEED_FILE_NAME, theme: 'auto', live: true }) : '';
  };
  const say = (message: string, tone: 'info' | 'error' = 'info') => {
    view.message = message;
    view.tone = tone;
  };

  const onAllow = (event: Event) => {
    if (view.busy || !(event instanceof CustomEvent)) return;
    const typed: unknown = Reflect.get(Object(event.detail), 'origin');
    if (typeof typed !== 'string') return;
    const previous = view.origin || undefined;
    view.busy = true;
    // No await before this call: permissions.request must run inside the click's user gesture.
    const allowing = allowLiveOrigin(api, typed, { previous, save: (origin) => writeLiveOrigin(origin, settings) });
    void (async () => {
      try {
        const result = await allowing;
        if (!result.ok) return say(REASONS[result.reason], 'error');
        show(result.origin);
        say(`${result.origin} now shows your live library. Reload that page if it is open.`);
      } catch (error) {
        say(`Could not allow that page: ${errorText(error)}`, 'error');
      } finally {
        view.busy = false;
      }
    })();
  };

  const onRemove = () => {
    const origin = view.origin;
    if (view.busy || !origin) return;
    view.busy = true;
    void (async () => {
      try {
        // The setting first: the background refuses the page from this moment, even if unregistering fails.
        await clearLiveOrigin(settings);
        const { permissionKept } = await removeLiveOrigin(api, origin);
        show(null);
        say(
          permissionKept
            ? `${origin} no longer gets your library. (The browser kept ClipShelf's access to that site; you can remove it in the extension's settings.)`
            : `${origin} no longer gets your library.`,
        );
      } catch (error) {
        say(`Could not remove live mode: ${errorText(error)}`, 'error');
      } finally {
        view.busy = false;
      }
    })();
  };

  view.addEventListener('clip-live-allow', onAllow);
  view.addEventListener('clip-live-remove', onRemove);
  return {
    ready: readLiveOrigin(settings).then(show, (error: unknown) => say(`Could not read the live settings: ${errorText(error)}`, 'error')),
    stop() {
      view.removeEventListener('clip-live-allow', onAllow);
      view.removeEventListener('clip-live-remove', onRemove);
    },
  };
}
