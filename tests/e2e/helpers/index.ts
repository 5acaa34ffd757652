/** Shared e2e helpers: Debian Chromium with the unpacked extension, 127.0.0.1 servers, probes, timeouts, teardown. */
export { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
export { copyBuild } from './copy-build';
export type { BuildCopy, CopyBuildOptions } from './copy-build';
export { launchExtension, RawTarget } from './launch-extension';
export type { ExtensionSession, LaunchOptions } from './launch-extension';
export { listenLocally } from './listen-locally';
export type { StaticServer } from './listen-locally';
export { axeViolations, POPUP_STATE, READ_DB, settledPopupState } from './probes';
export type { DbSnapshot, PopupState } from './probes';
export { serveDirectory } from './serve-directory';
export type { ServeOptions } from './serve-directory';
export { serveFiles } from './serve-files';
export type { ServedFile, ServeFilesOptions } from './serve-files';
export { createTeardown } from './teardown';
export type { Teardown } from './teardown';
export { startWatchdog, waitFor, withTimeout } from './with-timeout';
