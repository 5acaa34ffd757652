import { normalizeLiveOrigin, toOriginPattern } from './live-protocol';

/** The browser APIs live mode uses (a subset of `browser.permissions` / `browser.scripting`), injected. */
export interface LiveRegistrationApi {
  permissions: {
    request(p: { origins: string[] }): Promise<boolean>;
    remove(p: { origins: string[] }): Promise<boolean>;
  };
  scripting: {
    registerContentScripts(scripts: { id: string; matches: string[]; js: string[]; runAt?: 'document_idle'; allFrames?: boolean; persistAcrossSessions?: boolean }[]): Promise<void>;
    unregisterContentScripts(filter?: { ids: string[] }): Promise<void>;
    getRegisteredContentScripts(filter?: { ids: string[] }): Promise<{ id: string }[]>;
  };
}

/** The registered content script's id and file (WXT builds `entrypoints/live-bridge.content.ts` to this path). */
export const LIVE_SCRIPT_ID = 'clipshelf-live-bridge';
export const LIVE_SCRIPT_FILE = 'content-scripts/live-bridge.js';

export type AllowLiveOriginResult = { ok: true; origin: string } | { ok: false; reason: 'invalid-origin' | 'permission-denied' };

/**
 * Allows one origin to show the live library: asks for host permission for that origin only (call it from a
 * click in an extension page: permissions.request needs a user gesture), then registers the bridge content
 * script for it, top frame only. Replaces any previously allowed origin (`previous`), whose permission is removed.
 */
export async function allowLiveOrigin(api: LiveRegistrationApi, input: string, previous?: string): Promise<AllowLiveOriginResult> {
  const origin = normalizeLiveOrigin(input);
  if (!origin) return { ok: false, reason: 'invalid-origin' };
  const granted = await api.permissions.request({ origins: [toOriginPattern(origin)] });
  if (!granted) return { ok: false, reason: 'permission-denied' };
  await unregister(api);
  if (previous && previous !== origin && toOriginPattern(previous) !== toOriginPattern(origin))
    await api.permissions.remove({ origins: [toOriginPattern(previous)] });
  await api.scripting.registerContentScripts([
    { id: LIVE_SCRIPT_ID, matches: [toOriginPattern(origin)], js: [LIVE_SCRIPT_FILE], runAt: 'document_idle', allFrames: false, persistAcrossSessions: true },
  ]);
  return { ok: true, origin };
}

/** Stops live mode for `origin`: unregisters the content script and gives the host permission back. */
export async function removeLiveOrigin(api: LiveRegistrationApi, origin: string): Promise<void> {
  await unregister(api);
  await api.permissions.remove({ origins: [toOriginPattern(origin)] });
}

async function unregister(api: LiveRegistrationApi) {
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [LIVE_SCRIPT_ID] });
  if (existing.length) await api.scripting.unregisterContentScripts({ ids: [LIVE_SCRIPT_ID] });
}
