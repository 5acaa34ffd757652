import type { ClipShelfFeed } from './feed-schema';
import { isObject } from './is-object';

/**
 * Live mode: a page the user has allowed (one origin at a time) shows the user's live library instead of a
 * static feed file. The extension registers a content script for that origin only; the page and the content
 * script talk through `window.postMessage` on the page's own window:
 *
 * 1. The page (<clip-shelf live>) posts `{ type: 'clipshelf:live-request', version: 1, nonce }` to its own origin.
 * 2. The content script answers (and re-sends whenever the library changes) with
 *    `{ type: 'clipshelf:live-feed', version: 1, nonce, feed }` — `feed` is exactly what "Export feed" writes
 *    (`toFeed`, privacy defaults: no full text).
 * 0. A content script that starts after the page asked posts `{ type: 'clipshelf:live-ready', version: 1 }`;
 *    the page then asks again.
 *
 * Both sides accept a message only from their own window (`event.source === window`), from their own origin
 * (`event.origin === location.origin`), with the exact shape below; the content script posts with
 * `targetOrigin = location.origin`, never "*". The feed is validated again by `parseFeed` on arrival.
 */
export const LIVE_PROTOCOL_VERSION = 1;
export const LIVE_REQUEST = 'clipshelf:live-request';
export const LIVE_FEED = 'clipshelf:live-feed';
export const LIVE_READY = 'clipshelf:live-ready';

export interface LiveRequest {
  type: typeof LIVE_REQUEST;
  version: typeof LIVE_PROTOCOL_VERSION;
  /** Chosen by the page; echoed in every answer. 8–64 characters of [A-Za-z0-9_-]. */
  nonce: string;
}

export interface LiveFeedMessage {
  type: typeof LIVE_FEED;
  version: typeof LIVE_PROTOCOL_VERSION;
  nonce: string;
  feed: ClipShelfFeed;
}

/** The parts of a MessageEvent the checks read (so they run without a DOM). */
export interface MessageEventLike {
  data: unknown;
  origin: string;
  source: unknown;
}

/** Where a message must come from: the receiver's own window and origin. */
export interface ExpectedSender {
  origin: string;
  source: unknown;
}

const NONCE = /^[A-Za-z0-9_-]{8,64}$/;

function checkNonce(nonce: string): void {
  if (!NONCE.test(nonce)) throw new TypeError('bad nonce: 8–64 of [A-Za-z0-9_-]');
}

export function createLiveRequest(nonce: string): LiveRequest {
  checkNonce(nonce);
  return { type: LIVE_REQUEST, version: LIVE_PROTOCOL_VERSION, nonce };
}

export function createLiveFeedMessage(nonce: string, feed: ClipShelfFeed): LiveFeedMessage {
  checkNonce(nonce);
  return { type: LIVE_FEED, version: LIVE_PROTOCOL_VERSION, nonce, feed };
}

/** For the content script: the request, or null for anything else (other senders, origins, shapes). */
export function readLiveRequest(event: MessageEventLike, expected: ExpectedSender): LiveRequest | null {
  if (event.source !== expected.source || event.origin !== expected.origin) return null;
  const data = event.data;
  if (!isObject(data) || data.type !== LIVE_REQUEST || data.version !== LIVE_PROTOCOL_VERSION) return null;
  if (typeof data.nonce !== 'string' || !NONCE.test(data.nonce) || Object.keys(data).length !== 3) return null;
  return { type: LIVE_REQUEST, version: LIVE_PROTOCOL_VERSION, nonce: data.nonce };
}

/** What the page does with a message: take a feed (still unvalidated: run it through parseFeed), ask again, or ignore it. */
export type LiveMessageAction = { kind: 'feed'; feed: unknown } | { kind: 'ready' } | null;

/**
 * For the page: a live answer to `nonce` (its `feed` must still go through `parseFeed`/`parseFeedText`), a
 * "ready" announcement, or null for anything else — other windows, other origins, other nonces, other shapes.
 */
export function readLiveMessage(event: MessageEventLike, expected: ExpectedSender & { nonce: string }): LiveMessageAction {
  if (event.source !== expected.source || event.origin !== expected.origin) return null;
  const data = event.data;
  if (!isObject(data) || data.version !== LIVE_PROTOCOL_VERSION) return null;
  if (data.type === LIVE_READY) return { kind: 'ready' };
  if (data.type !== LIVE_FEED || data.nonce !== expected.nonce || !('feed' in data)) return null;
  return { kind: 'feed', feed: data.feed };
}

/** For the content script's start. */
export function createLiveReady(): { type: typeof LIVE_READY; version: typeof LIVE_PROTOCOL_VERSION } {
  return { type: LIVE_READY, version: LIVE_PROTOCOL_VERSION };
}
