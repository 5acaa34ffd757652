import { browser } from 'wxt/browser';
import { normalizeLiveOrigin, type LiveRegistrationApi } from '../live';

/** The storage key of live mode's one setting. */
export const LIVE_ORIGIN_KEY = 'clipshelf.liveOrigin';

/** The slice of `storage.local` the settings use (injected in tests). */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const local = (): SettingsArea => browser.storage.local;

/**
 * The origin the user allowed to show the live library, or null. The stored value is re-validated: a malformed or
 * tampered entry counts as "nothing allowed".
 */
export async function readLiveOrigin(area: SettingsArea = local()): Promise<string | null> {
  const value = (await area.get(LIVE_ORIGIN_KEY))[LIVE_ORIGIN_KEY];
  if (typeof value !== 'string') return null;
  const origin = normalizeLiveOrigin(value);
  return origin === value ? origin : null;
}

/** Stores the allowed origin (already normalized by allowLiveOrigin). */
export async function writeLiveOrigin(origin: string, area: SettingsArea = local()): Promise<void> {
  await area.set({ [LIVE_ORIGIN_KEY]: origin });
}

/** Forgets the allowed origin. */
export async function clearLiveOrigin(area: SettingsArea = local()): Promise<void> {
  await area.remove(LIVE_ORIGIN_KEY);
}

/** The browser's permissions and scripting APIs, as live mode's registration functions take them. */
export function browserLiveApi(): LiveRegistrationApi {
  return { permissions: browser.permissions, scripting: browser.scripting };
}
