/**
 * lib/messaging: ClipShelf's one typed protocol and the background services behind it.
 * Pages call `sendRequest`; the background registers `createBackgroundService()`'s listeners.
 */
export type {
  MessageType,
  ProtocolMap,
  RequestData,
  RequestMessage,
  ResponseData,
  ResponseMessage,
  SaveOutcome,
  SaveStatus,
} from './protocol';
export { parseRequest, parseResponse, parseSaveOutcome } from './protocol';
export { isTrustedPageSender } from './trusted-sender';
export type { SenderInfo } from './trusted-sender';
export {
  CAPTURE_REQUEST_KEY,
  parseCaptureResult,
  replyToCapture,
  stashCaptureRequest,
  takeCaptureRequest,
} from './capture-request';
export type { CaptureReply, CaptureRequest } from './capture-request';
export { describeInjectionError, describeUnsupportedPage, UNSUPPORTED_REASONS } from './page-support';
export { createSaveService } from './save-service';
export type { SaveService, SaveServiceDeps, TabRef } from './save-service';
export { createBackgroundService, describeOutcome, injectCapture, CAPTURE_SCRIPT_PATH, MENU_IDS } from './background-service';
export { sendRequest } from './send-request';
export { startPopup } from './popup-controller';
export type { PopupDeps, PopupStatus, PopupView } from './popup-controller';
export { startLibrary, parseLibraryLocation, formatLibraryLocation } from './library-controller';
export type { LibraryDeps, LibraryLocation, LibraryView } from './library-controller';
export { startLibraryTransfer, FEED_FILE_NAME } from './library-transfer-controller';
export type { LibraryTransferDeps, TransferNoticesView, TransferReport, TransferToolsView } from './library-transfer-controller';
export { createCapturePendingService } from './capture-pending-service';
export type { CapturePendingDeps, CapturePendingService } from './capture-pending-service';
export { toHostPattern } from './host-pattern';
export { parseCaptureJobStatus } from './protocol';
export type { CaptureFailure, CaptureJobStatus } from './protocol';
export { toLiveFeed } from './live-feed';
export { isLiveBridgeSender } from './live-sender';
export type { LiveSenderInfo } from './live-sender';
export { LIVE_ORIGIN_KEY, readLiveOrigin, writeLiveOrigin, clearLiveOrigin, browserLiveApi } from './live-settings';
export type { SettingsArea } from './live-settings';
export { startLiveSettings } from './live-settings-controller';
export type { LiveSettingsDeps, LiveSettingsView } from './live-settings-controller';
