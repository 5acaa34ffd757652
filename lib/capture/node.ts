/**
 * Node entry of lib/capture: everything from the browser-safe index plus `captureHtml`, which needs jsdom.
 * Import from 'lib/capture/node' in the CLI, tests and benchmarks; never from extension code (it would bundle
 * jsdom into the content script).
 */
export * from './index';
export { captureHtml, parseHtml, getPurifyWindow } from './capture-html';
export type { CaptureHtmlOptions, ParsedPage } from './capture-html';
