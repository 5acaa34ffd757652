/**
 * lib/live: the extension side of live mode — which origin may be served (live-origin.ts), the content-script
 * bridge (live-bridge.ts) and its registration (live-registration.ts). The window-message protocol the page and
 * the bridge share lives in lib/feed (live-protocol.ts), so the widget can use it without this module.
 */
export { normalizeLiveOrigin, toOriginPattern, originOf } from './live-origin';
export { startLiveBridge, onPageShown, type LiveBridgeDeps } from './live-bridge';
export {
  allowLiveOrigin,
  removeLiveOrigin,
  restoreLiveRegistration,
  unregisterLiveBridge,
  LIVE_SCRIPT_ID,
  LIVE_SCRIPT_FILE,
  type LiveRegistrationApi,
  type AllowLiveOriginResult,
  type AllowLiveOriginOptions,
  type RestoreLiveResult,
} from './live-registration';
