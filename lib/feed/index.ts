/**
 * lib/feed: the ClipShelf feed format (JSON Feed 1.1 + `_clipshelf`, schema version 1; see feed-schema.ts),
 * its writer (`toFeed`, `toFeedItem`), its validating reader (`parseFeed`), the embed snippet, and the live-mode
 * window-message protocol between <clip-shelf live> and the extension's bridge (live-protocol.ts).
 */
export {
  CLIPSHELF_FEED_VERSION,
  JSON_FEED_VERSION,
  FEED_LIMITS,
  type ClipShelfFeed,
  type FeedItem,
  type FeedItemClipData,
  type FeedSpeaker,
  type FeedStatement,
  type FeedTopic,
  type FeedAuthor,
  type FeedIssue,
  type ParseFeedResult,
} from './feed-schema';
export { toFeed, toFeedItem, type ToFeedOptions, type ToFeedItemOptions } from './to-feed';
export { parseFeed, parseFeedText, type ParseFeedTextOptions } from './parse-feed';
export { createEmbedSnippet, type EmbedSnippetOptions } from './create-embed-snippet';
export { toSafeHttpUrl } from './safe-url';
export { pauseForPage } from './pause-for-page';
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
  type LiveRequest,
  type LiveFeedMessage,
  type LiveMessageAction,
  type MessageEventLike,
  type ExpectedSender,
} from './live-protocol';
