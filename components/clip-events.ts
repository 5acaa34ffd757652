import type { FeedItem } from '../lib/feed';

/** Detail of `clip-article-open`: the article and its original http(s) URL (null when it has none). */
export interface ClipArticleOpenDetail {
  article: FeedItem;
  url: string | null;
}

/** Detail of `clip-topic-select`: the topic phrase the user picked (toggle semantics are up to the listener). */
export interface ClipTopicSelectDetail {
  topic: string;
}

/** Detail of `clip-speaker-select`: the speaker name the user picked. */
export interface ClipSpeakerSelectDetail {
  speaker: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'clip-article-open': CustomEvent<ClipArticleOpenDetail>;
    'clip-topic-select': CustomEvent<ClipTopicSelectDetail>;
    'clip-speaker-select': CustomEvent<ClipSpeakerSelectDetail>;
  }
}

/**
 * Dispatches a ClipShelf event that bubbles out of shadow roots; returns false when a listener called preventDefault
 * (only `clip-article-open` acts on that).
 */
export function emitClipEvent<K extends 'clip-article-open' | 'clip-topic-select' | 'clip-speaker-select' | 'clip-shelf-load'>(
  target: EventTarget,
  type: K,
  detail: GlobalEventHandlersEventMap[K]['detail'],
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: true }));
}
