/** lib/live: the pure parts of live mode (message shapes and checks, origin handling). See live-protocol.ts. */
export {
  LIVE_PROTOCOL_VERSION,
  LIVE_REQUEST,
  LIVE_FEED,
  LIVE_READY,
  createLiveRequest,
  createLiveFeedMessage,
  createLiveReady,
  readLiveRequest,
  readLiveMessage,
  normalizeLiveOrigin,
  toOriginPattern,
  type LiveRequest,
  type LiveFeedMessage,
  type LiveMessageAction,
  type MessageEventLike,
  type ExpectedSender,
} from './live-protocol';
export { startLiveBridge, type LiveBridgeDeps } from './live-bridge';
export {
  allowLiveOrigin,
  removeLiveOrigin,
  LIVE_SCRIPT_ID,
  LIVE_SCRIPT_FILE,
  type LiveRegistrationApi,
  type AllowLiveOriginResult,
} from './live-registration';
