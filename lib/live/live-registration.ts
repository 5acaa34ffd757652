import { normalizeLiveOrigin, toOriginPattern } from './live-origin';

/** The browser APIs live mode uses (a subset of `browser.permissions` / `browser.scripting`), injected. */
export interface LiveRegistrationApi {
  permissions: {
    request(p: { origins: string[] }): Promise<boolean>;
    remove(p: { origins: string[] }): Promise<boolean>;
    contains(p: { origins: string[] }): Promise<boolean>;
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

/** Options of `allowLiveOrigin`. */
export interface AllowLiveOriginOptions {
  /** The origin allowed until now, if any: replaced, and its permission given back. */
  previous?: string;
  /**
   * Stores the new origin. Called after the bridge is registered and *before* the previous origin's permission
   * is removed, so the background's permissions.onRemoved handler already sees the new origin and leaves it be.
   */
  save?(origin: string): Promise<void>;
}

/**
 * Allows one origin to show the live library: asks for host permission for that origin only (call it from a
 * click in an extension page: permissions.request needs a user gesture, and it is called before any await), then
 * registers the bridge content script for it, top frame only, and saves it.
 */
export async function allowLiveOrigin(api: LiveRegistrationApi, input: string, options: AllowLiveOriginOptions = {}): Promise<AllowLiveOriginResult> {
  const origin = normalizeLiveOrigin(input);
  if (!origin) return { ok: false, reason: 'invalid-origin' };
  const granted = await api.permissions.request({ origins: [toOriginPattern(origin)] });
  if (!granted) return { ok: false, reason: 'permission-denied' };
  await unregister(api);
  await register(api, origin);
  await options.save?.(origin);
  const { previous } = options;
  if (previous && toOriginPattern(previous) !== toOriginPattern(origin))
    await api.permissions.remove({ origins: [toOriginPattern(previous)] }).catch(() => false);
  return { ok: true, origin };
}

/**
 * Stops live mode for `origin`: unregisters the content script, then gives the host permission back. Access ends
 * with the unregistration (and the caller's cleared setting, which the background checks on every request), so a
 * permission the browser will not remove — one the user also granted at install or by policy — is reported
 * (`permissionKept`), not fatal.
 */
export async function removeLiveOrigin(api: LiveRegistrationApi, origin: string): Promise<{ permissionKept: boolean }> {
  await unregister(api);
  try {
    return { permissionKept: !(await api.permissions.remove({ origins: [toOriginPattern(origin)] })) };
  } catch {
    return { permissionKept: true };
  }
}

/** Unregisters the bridge content script if it is registered (the permission stays as it is). */
export async function unregisterLiveBridge(api: LiveRegistrationApi): Promise<void> {
  await unregister(api);
}

async function unregister(api: LiveRegistrationApi) {
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [LIVE_SCRIPT_ID] });
  if (existing.length) await api.scripting.unregisterContentScripts({ ids: [LIVE_SCRIPT_ID] });
}

/** What `restoreLiveRegistration` found: still live (re-registered if it had gone), or switched off. */
export type RestoreLiveResult = { live: true; origin: string; reregistered: boolean } | { live: false };

/**
 * At browser/extension start: keeps the bridge registered exactly when an origin is allowed *and* its host
 * permission is still held (the user may have revoked it in the browser's settings). Otherwise unregisters any
 * leftover script, so no page keeps access; the caller then clears the setting.
 */
export async function restoreLiveRegistration(api: LiveRegistrationApi, allowed: string | null): Promise<RestoreLiveResult> {
  const origin = allowed === null ? null : normalizeLiveOrigin(allowed);
  if (!origin || !(await api.permissions.contains({ origins: [toOriginPattern(origin)] }))) {
    await unregister(api);
    return { live: false };
  }
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [LIVE_SCRIPT_ID] });
  if (existing.length) return { live: true, origin, reregistered: false };
  await register(api, origin);
  return { live: true, origin, reregistered: true };
}

function register(api: LiveRegistrationApi, origin: string) {
  return api.scripting.registerContentScripts([
    { id: LIVE_SCRIPT_ID, matches: [toOriginPattern(origin)], js: [LIVE_SCRIPT_FILE], runAt: 'document_idle', allFrames: false, persistAcrossSessions: true },
  ]);
}
