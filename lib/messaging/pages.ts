/**
 * lib/messaging's entry for extension pages (popup, library): the request client and the page controllers,
 * without the background's services. Pages import this instead of index.ts so their bundles do not pull in the
 * background's dependencies (the analysis engine) — like lib/capture's separate `node` entry.
 */
export type { MessageType, ProtocolMap, RequestData, ResponseData, SaveOutcome, SaveStatus } from './protocol';
export { sendRequest } from './send-request';
export { startPopup } from './popup-controller';
export type { PopupDeps, PopupStatus, PopupView } from './popup-controller';
export { startLibrary, parseLibraryLocation, formatLibraryLocation } from './library-controller';
export type { LibraryDeps, LibraryLocation, LibraryView } from './library-controller';
export { startLibraryTransfer, FEED_FILE_NAME } from './library-transfer-controller';
export type { LibraryTransferDeps, TransferNoticesView, TransferReport, TransferToolsView } from './library-transfer-controller';
export { startLiveSettings } from './live-settings-controller';
export type { LiveSettingsDeps, LiveSettingsView } from './live-settings-controller';
export { readLiveOrigin } from './live-settings';
