/** Shared e2e helpers: Debian Chromium with the unpacked extension, a 127.0.0.1 static server, timeouts. */
export { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
export { launchExtension, RawTarget } from './launch-extension';
export type { ExtensionSession, LaunchOptions } from './launch-extension';
export { serveDirectory } from './serve-directory';
export type { ServeOptions, StaticServer } from './serve-directory';
export { startWatchdog, waitFor, withTimeout } from './with-timeout';
