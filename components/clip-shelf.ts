import { LitElement, html, nothing } from 'lit';
import {
  createLiveRequest,
  parseFeed,
  parseFeedText,
  pauseForPage,
  readLiveMessage,
  toSafeHttpUrl,
  type ClipShelfFeed,
  type FeedIssue,
  type FeedItem,
  type FeedStatement,
  type ParseFeedResult,
} from '../lib/feed';
import { baseStyles } from './clip-base-styles';
import type { ClipLayout } from './clip-article-card';
import { renderStatement } from './clip-speaker-list';
import { shelfStyles } from './clip-shelf.styles';
import { defineElement } from './define-element';
import { emitClipEvent } from './clip-events';
import { formatFeedDate } from './format-date';
import {
  collectSpeakers,
  collectTopics,
  filterItems,
  findStatementsAbout,
  toKey,
  toSearchText,
} from './shelf-index';
import './clip-article-card';

export type ClipShelfView = 'articles' | 'speakers' | 'topics';
export type ClipShelfTheme = 'light' | 'dark' | 'auto';
type Status = 'idle' | 'loading' | 'ready' | 'error';

const VIEWS: readonly ClipShelfView[] = ['articles', 'speakers', 'topics'];
/** The filters a topic chip or speaker name sets (and the order their "remove" buttons appear in). */
const FILTERS = ['topic', 'speaker'] as const;
/** Feeds larger than this are refused before parsing (a real export of 5,000 articles is a few MB). */
const MAX_FEED_BYTES = 20_000_000;
const DEFAULT_LIMIT = 20;
/** Articles shown per person (Speakers view) or topic (Topics view); "Show all" filters to the rest. */
const GROUP_ENTRIES = 3;
/** Cards (or groups) rendered per task; fewer in the first, which also sets up every template. */
const PAINT_BATCH = 4;
const FIRST_PAINT = 2;

/** Detail of `clip-shelf-load`: the parsed feed, or the problems that kept it from loading. */
export interface ClipShelfLoadDetail {
  ok: boolean;
  items: number;
  errors: FeedIssue[];
}

declare global {
  interface GlobalEventHandlersEventMap {
    'clip-shelf-load': CustomEvent<ClipShelfLoadDetail>;
  }
}

/**
 * Shows a ClipShelf feed (saved articles with who said what): an Articles view, a Speakers view
 * (every person across all articles, with roles and statements grouped by article) and a Topics view
 * (every topic with its articles and who said what about it). Clicking a topic or speaker filters
 * the articles; the search box filters by text.
 *
 * Embed: `<script type="module" src="clip-shelf.js"></script><clip-shelf src="feed.json"></clip-shelf>`.
 * Feed data is untrusted: it is validated by `parseFeed`, shown as text only, and only http(s)
 * URLs become links. A broken feed shows an error state, never an exception in the page.
 *
 * Attributes / properties:
 * - `src` — URL of a feed (JSON Feed 1.1 + `_clipshelf`); fetched when set or changed.
 * - `.feed` — the same data as an object or JSON string (instead of `src`).
 * - `view` — `articles` (default) | `speakers` | `topics`.
 * - `topic`, `speaker` — filter articles to one topic / one speaker (case-insensitive); clicks set them.
 * - `limit` — articles (or people/topics) shown at first and added per "Show more" (default 20).
 * - `layout` — `list` (default) | `compact` | `cards`.
 * - `theme` — `auto` (default, follows prefers-color-scheme) | `light` | `dark`.
 * - `live` (boolean) — also ask the ClipShelf extension for the user's live library (lib/feed live-protocol); it
 *   answers only on an origin the user allowed, and its feed then replaces the one from `src`.
 *
 * @tagname clip-shelf
 * @summary An embeddable shelf of saved articles showing who said what.
 * @fires clip-shelf-load - After each load attempt; `detail: { ok, items, errors }`.
 * @fires clip-article-open - An article title was activated (from the cards); cancelable.
 * @fires clip-topic-select - A topic was picked (the shelf then filters by it).
 * @fires clip-speaker-select - A speaker was picked (the shelf then filters by them).
 * @csspart header - The title and search row.
 * @csspart title - The feed title heading.
 * @csspart search - The search input.
 * @csspart tabs - The view tab list.
 * @csspart tab - Each view tab.
 * @csspart items - The list of articles.
 * @csspart card - Each article card (`<clip-article-card>`; its parts `article`, `title`, `meta`, `summary`, `chip`, `name`, `role`, `statement` are forwarded).
 * @csspart group - Each person (Speakers view) or topic (Topics view).
 * @csspart more - The "Show more" button.
 * @csspart state - The loading, empty and error messages.
 * @cssproperty --clip-bg - Background.
 * @cssproperty --clip-fg - Text colour.
 * @cssproperty --clip-muted - Secondary text colour.
 * @cssproperty --clip-link - Link colour.
 * @cssproperty --clip-title - Article title colour (default: the text colour).
 * @cssproperty --clip-accent - Selected tab, active chip and button colour.
 * @cssproperty --clip-on-accent - Text on the accent colour.
 * @cssproperty --clip-border - Borders and dividers.
 * @cssproperty --clip-card-bg - Card background (cards layout).
 * @cssproperty --clip-chip-bg - Topic chip background.
 * @cssproperty --clip-chip-fg - Topic chip text.
 * @cssproperty --clip-quote-bar - The bar beside statements.
 * @cssproperty --clip-focus - Focus ring colour.
 * @cssproperty --clip-input-bg - Search box background (default: the card background).
 * @cssproperty --clip-font - Font family.
 * @cssproperty --clip-font-size - Base font size (default 1rem).
 * @cssproperty --clip-radius - Corner radius of the shelf and cards.
 * @cssproperty --clip-padding - Padding of the shelf (default 1rem).
 */
// Private members end in "_": the widget build shortens those names (esbuild mangleProps) to fit its size budget.
export class ClipShelf extends LitElement {
  // String attributes need no `type` (String is Lit's default).
  static override properties = {
    src: {},
    feed: { attribute: false },
    view: { reflect: true },
    topic: { reflect: true },
    speaker: { reflect: true },
    limit: { type: Number },
    layout: { reflect: true },
    theme: { reflect: true },
    live: { type: Boolean, reflect: true },
    status_: { state: true },
    data: { state: true },
    errors_: { state: true },
    query_: { state: true },
    shown_: { state: true },
  };

  declare src: string;
  declare feed: unknown;
  declare view: ClipShelfView;
  declare topic: string;
  declare speaker: string;
  declare limit: number;
  declare layout: ClipLayout;
  declare theme: ClipShelfTheme;
  declare live: boolean;
  declare private status_: Status;
  declare protected data: ClipShelfFeed | null;
  declare private errors_: FeedIssue[];
  declare private query_: string;
  declare private shown_: number;

  private loadToken_ = 0;
  private painted_ = FIRST_PAINT;
  private painting_ = false;
  private abort_: AbortController | null = null;
  private cache_: { items: FeedItem[]; speakers?: unknown[]; topics?: unknown[] } | null = null;

  static override styles = [baseStyles, shelfStyles];

  constructor() {
    super();
    this.src = '';
    this.feed = undefined;
    this.view = 'articles';
    this.topic = '';
    this.speaker = '';
    this.limit = DEFAULT_LIMIT;
    this.layout = 'list';
    this.theme = 'auto';
    this.live = false;
    this.status_ = 'idle';
    this.data = null;
    this.errors_ = [];
    this.query_ = '';
    this.shown_ = DEFAULT_LIMIT;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.status_ === 'loading') {
      // Stop fetching and parsing for a removed shelf; a reconnect (the element was moved) starts again.
      ++this.loadToken_;
      this.abort_?.abort();
      this.resume_ = true;
    }
    this.listenLive_(false);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated) return; // the first connect goes through willUpdate
    if (this.live) this.listenLive_(true);
    if (this.resume_) {
      this.resume_ = false;
      if (this.feed !== undefined) this.accept_(this.feed);
      else void this.reload();
    }
  }

  private resume_ = false;

  private liveNonce_ = '';

  /** Live mode: listen for the extension's answers on this window and ask for the library. */
  private listenLive_(on: boolean) {
    window.removeEventListener('message', this.onLiveMessage_);
    if (!on) return;
    // The extension answers only on https or loopback pages: secure contexts, which all have randomUUID.
    if (!crypto.randomUUID) return;
    window.addEventListener('message', this.onLiveMessage_);
    this.liveNonce_ ||= crypto.randomUUID();
    this.askLive_();
  }

  private askLive_() {
    window.postMessage(createLiveRequest(this.liveNonce_), location.origin);
  }

  private onLiveMessage_ = (event: MessageEvent) => {
    const message = readLiveMessage(event, { origin: location.origin, source: window, nonce: this.liveNonce_ });
    if (message?.kind === 'ready') this.askLive_();
    else if (message) {
      this.abort_?.abort();
      this.accept_(message.feed);
    }
  };

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('live') && this.isConnected) this.listenLive_(this.live);
    if (changed.has('feed') && this.feed !== undefined) this.accept_(this.feed);
    else if (changed.has('src') && this.src && this.feed === undefined) void this.load_(this.src);
    if (!VIEWS.includes(this.view)) this.view = 'articles';
    if (!['list', 'compact', 'cards'].includes(this.layout)) this.layout = 'list';
    if (['limit', 'view', 'topic', 'speaker', 'data'].some((key) => changed.has(key))) this.resetPage_();
  }

  /** Re-fetches `src` (e.g. after the feed file changed). */
  reload(): Promise<void> {
    return this.src ? this.load_(this.src) : Promise.resolve();
  }

  private get pageSize_(): number {
    // NaN (a bad attribute) fails the test; Infinity becomes 500.
    const n = Math.floor(this.limit);
    return n > 0 ? Math.min(n, 500) : DEFAULT_LIMIT;
  }

  private async load_(src: string): Promise<void> {
    const token = ++this.loadToken_;
    this.abort_?.abort();
    const abort = (this.abort_ = new AbortController());
    this.status_ = 'loading';
    let text: string;
    try {
      const url = toSafeHttpUrl(new URL(src, document.baseURI).href);
      if (!url) throw new Error('the feed address must be http(s)');
      const response = await fetch(url, { signal: abort.signal, headers: { accept: 'application/feed+json, application/json' } });
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      text = await readText(response);
    } catch (error) {
      if (token === this.loadToken_) this.fail_([{ path: '$', message: error instanceof Error ? error.message : String(error) }]);
      return;
    }
    if (token === this.loadToken_) this.accept_(text);
  }

  /** Small inputs are parsed at once; large ones in slices between which the page stays responsive. */
  private accept_(input: unknown): void {
    const token = ++this.loadToken_;
    const large =
      typeof input === 'string' ? input.length > 100_000 : isLargeFeedObject(input);
    if (!large) return this.apply_(parseFeed(input), token);
    this.status_ = 'loading';
    // Render in a fresh task, not at the end of the last parsing slice.
    void parseFeedText(input, { pause: pauseForPage }).then(async (parsed) => {
      await pauseForPage();
      this.apply_(parsed, token);
    });
  }

  private apply_(parsed: ParseFeedResult, token: number): void {
    if (token !== this.loadToken_) return;
    if (!parsed.ok) return this.fail_(parsed.errors);
    const items = parsed.feed.items;
    this.data = parsed.feed;
    this.cache_ = { items };
    this.show_('ready', []);
    void this.warmSearch_(items, token);
  }

  /** Builds the search text of every article in slices after loading, so the first search is instant. */
  private async warmSearch_(items: FeedItem[], token: number) {
    for (let i = 0; i < items.length && token === this.loadToken_; i += 50) {
      await pauseForPage();
      for (const item of items.slice(i, i + 50)) toSearchText(item);
    }
  }

  private fail_(errors: FeedIssue[]): void {
    this.data = null;
    this.cache_ = null;
    this.show_('error', errors);
  }

  /** Shows the outcome of a load and announces it with `clip-shelf-load`. */
  private show_(status: 'ready' | 'error', errors: FeedIssue[]) {
    this.status_ = status;
    this.errors_ = errors;
    const detail: ClipShelfLoadDetail = { ok: !errors.length, items: this.cache_?.items.length ?? 0, errors };
    // After the state change renders, so listeners see the new DOM.
    void this.updateComplete.then(() => emitClipEvent(this, 'clip-shelf-load', detail));
  }

  override render() {
    return html`<div class="shelf">
      ${this.renderHeader_()}
      ${this.status_ === 'ready' && this.data ? this.renderReady_(this.data) : this.renderState_()}
    </div>`;
  }

  private renderHeader_() {
    const title = this.data?.title || 'Saved articles';
    return html`<header part="header">
      <h2 part="title">${title}</h2>
      ${this.status_ === 'ready' && this.data && this.data.items.length
        ? html`<label class="visually-hidden" for="q">Search saved articles</label>
          <input
            id="q"
            class="search"
            part="search"
            type="search"
            placeholder="Search articles, people, quotes…"
            .value=${this.query_}
            @input=${(e: Event) => {
              this.query_ = (e.target as HTMLInputElement).value;
              this.resetPage_();
            }}
          />`
        : nothing}
    </header>`;
  }

  private renderState_() {
    if (this.status_ === 'error') {
      const errors = this.errors_;
      // One problem with the whole feed (a network error, not JSON) reads as a sentence; others as a list of paths.
      const whole = errors.length === 1 && errors[0]!.path === '$';
      return html`<div class="state" part="state" role="alert">
        <h3>Couldn’t show these articles</h3>
        <p class="muted">The feed could not be read${whole ? `: ${errors[0]!.message}` : '.'}</p>
        ${whole
          ? nothing
          : html`<ul>
              ${errors.slice(0, 5).map((e) => html`<li><code>${e.path}</code>: ${e.message}</li>`)}
              ${andMore(errors.length - 5)}
            </ul>`}
      </div>`;
    }
    if (this.status_ === 'loading')
      return html`<p class="state muted" part="state" role="status"><span class="spinner" aria-hidden="true"></span>Loading articles…</p>`;
    return html`<p class="state muted" part="state">No feed to show yet.</p>`;
  }

  private renderReady_(feed: ClipShelfFeed) {
    if (feed.items.length === 0)
      return html`<div class="state" part="state"><h3>No saved articles yet</h3></div>`;
    return html`
      <div role="tablist" aria-label="Views" part="tabs" @keydown=${this.onTabKey_}>
        ${VIEWS.map(
          (v) => html`<button
            type="button"
            role="tab"
            part="tab"
            id=${`tab-${v}`}
            aria-selected=${this.view === v ? 'true' : 'false'}
            aria-controls="panel"
            tabindex=${this.view === v ? 0 : -1}
            @click=${() => (this.view = v)}
          >
            ${v[0]!.toUpperCase() + v.slice(1)}
          </button>`,
        )}
      </div>
      <div id="panel" role="tabpanel" aria-labelledby=${`tab-${this.view}`}>
        ${this.renderFilters_()}
        ${this.view === 'speakers' ? this.renderSpeakers_() : this.view === 'topics' ? this.renderTopics_() : this.renderArticles_()}
      </div>
    `;
  }

  private renderFilters_() {
    if (!this.topic && !this.speaker) return nothing;
    return html`<div class="filters" aria-label="Active filters" role="group">
      <span class="muted">Filtered by</span>
      ${FILTERS.map((f) =>
        this[f]
          ? html`<button type="button" class="button filter" aria-label=${`Remove ${f} filter: ${this[f]}`} @click=${() => (this[f] = '')}>
              ${f}: ${this[f]}<span aria-hidden="true">&#32;×</span>
            </button>`
          : nothing,
      )}
    </div>`;
  }

  private get filtered_(): FeedItem[] {
    return filterItems(this.cache_?.items ?? [], { topic: this.topic, speaker: this.speaker, query: this.query_ });
  }

  private renderArticles_() {
    const items = this.filtered_;
    if (items.length === 0) return this.renderNoMatch_('articles');
    const page = this.pageOf_(items);
    return html`
      <p class="count muted" role="status">${countText(this.shown_, items.length, 'article', 'articles')}</p>
      <ul class="plain items" part="items" @clip-topic-select=${this.onSelect_} @clip-speaker-select=${this.onSelect_}>
        ${page.map(
          (item) => html`<li>
            <clip-article-card
              part="card"
              exportparts="article, title, meta, summary, chip, name, role, statement"
              .article=${item}
              layout=${this.layout}
              selectable
              selected-topic=${this.topic}
              selected-speaker=${this.speaker}
              max-statements=${this.layout === 'cards' ? 1 : 2}
            ></clip-article-card>
          </li>`,
        )}
      </ul>
      ${this.renderMore_(items.length, 'articles')}
    `;
  }

  private renderSpeakers_() {
    const key = toKey(this.speaker);
    const speakers = this.indexOf_('speakers', this.filtered_, collectSpeakers).filter((s) => !key || s.key === key);
    return this.renderGroups_(
      speakers.map((s) => ({
        title_: s.name,
        pressed_: s.key === key,
        show_: () => this.pick_('speaker', s.name),
        hint_: `quoting ${s.name}`,
        roles_: s.roles.join('; '),
        items_: s.entries.map((e) => e.item),
        said_: (_item: FeedItem, i: number) => s.entries[i]!.statements.map((statement) => ({ speaker: '', statement })),
      })),
      'person',
      'people',
    );
  }

  private renderTopics_() {
    const key = toKey(this.topic);
    const topics = this.indexOf_('topics', this.filtered_, collectTopics).filter((t) => !key || t.key === key);
    return this.renderGroups_(
      topics.map((t) => ({
        title_: t.label,
        pressed_: t.key === key,
        show_: () => this.pick_('topic', t.label),
        hint_: `about ${t.label}`,
        roles_: '',
        items_: t.items,
        // Who said what about the topic: computed only for the articles shown.
        said_: (item: FeedItem) => findStatementsAbout(item, t.key),
      })),
      'topic',
      'topics',
    );
  }

  /** The Speakers and Topics views: one group per person or topic, with up to GROUP_ENTRIES articles each. */
  private renderGroups_(groups: ShelfGroup[], one: string, many: string) {
    if (groups.length === 0) return this.renderNoMatch_(many);
    return html`
      <p class="count muted" role="status">${countText(this.shown_, groups.length, one, many)}</p>
      <ul class="plain">
        ${this.pageOf_(groups).map(
          (g) => html`<li class="group" part="group">
            <div class="group-head">
              <h3>${g.title_}</h3>
              <button type="button" class="link-button" aria-pressed=${g.pressed_ ? 'true' : 'false'} @click=${g.show_}>
                Show ${g.items_.length === 1 ? 'the article' : `all ${g.items_.length} articles`}
                <span class="visually-hidden">&#32;${g.hint_}</span>
              </button>
            </div>
            ${g.roles_ ? html`<p class="roles muted">${g.roles_}</p>` : nothing}
            <ul class="plain entries" aria-label=${`Articles ${g.hint_}`}>
              ${g.items_.slice(0, GROUP_ENTRIES).map((item, i) => {
                const said = g.said_(item, i);
                return html`<li>
                  ${this.renderEntryTitle_(item)}
                  ${said.length
                    ? html`<ul class="said quotes">
                        ${said.slice(0, 4).map(
                          (s) => html`<li>${s.speaker ? html`<span class="who">${s.speaker}:</span> ` : nothing}${renderStatement(s.statement, null)}</li>`,
                        )}
                        ${andMore(said.length - 4)}
                      </ul>`
                    : nothing}
                </li>`;
              })}
              ${andMore(g.items_.length - GROUP_ENTRIES, ' articles')}
            </ul>
          </li>`,
        )}
      </ul>
      ${this.renderMore_(groups.length, many)}
    `;
  }

  private renderEntryTitle_(item: FeedItem) {
    const url = toSafeHttpUrl(item.url);
    const title = item.title || url || 'Untitled article';
    const meta = [item._clipshelf.site, formatFeedDate(item.date_published)].filter(Boolean).join(' · ');
    return html`<div>
      ${url ? html`<a class="entry-title" href=${url}>${title}</a>` : html`<span class="entry-title">${title}</span>`}
      ${meta ? html`<span class="entry-meta muted"> — ${meta}</span>` : nothing}
    </div>`;
  }

  private renderMore_(total: number, noun: string) {
    const shown = this.shown_;
    if (shown >= total) return nothing;
    const next = Math.min(this.pageSize_, total - shown);
    return html`<div class="more-row">
      <button type="button" class="button" part="more" @click=${() => (this.shown_ += this.pageSize_)}>
        Show ${next} more ${noun}
      </button>
    </div>`;
  }

  private resetPage_() {
    this.shown_ = this.pageSize_;
    this.painted_ = FIRST_PAINT;
  }

  /**
   * The part of a list to render now: up to `shown` entries, but at most `painted_`; the rest follow
   * PAINT_BATCH at a time in later tasks, so rendering a page of cards never blocks the page for long.
   */
  private pageOf_<T>(list: T[]): T[] {
    const target = Math.min(this.shown_, list.length);
    if (this.painted_ < target && !this.painting_) {
      this.painting_ = true;
      void pauseForPage().then(() => {
        this.painting_ = false;
        this.painted_ += PAINT_BATCH;
        this.requestUpdate();
      });
    }
    return list.slice(0, Math.min(target, this.painted_));
  }

  private renderNoMatch_(noun: string) {
    const filtered = this.topic || this.speaker || this.query_;
    return html`<div class="state" part="state" role="status">
      <p>${filtered ? `No ${noun} match.` : `No ${noun} in this feed.`}</p>
      ${filtered ? html`<button type="button" class="button" @click=${this.clearFilters_}>Clear filters</button>` : nothing}
    </div>`;
  }

  /** The Speakers or Topics index of the filtered articles; the whole feed's (the same length) is built once. */
  private indexOf_<T>(key: 'speakers' | 'topics', items: FeedItem[], collect: (items: FeedItem[]) => T[]): T[] {
    const cache = this.cache_;
    // Only ever filled by `collect` for this key, so the entry is a T[].
    if (cache && items.length === cache.items.length) return (cache[key] ??= collect(items)) as T[];
    return collect(items);
  }

  private onTabKey_ = (event: KeyboardEvent) => {
    const n = VIEWS.length;
    const at = VIEWS.indexOf(this.view);
    // Arrows wrap around (the index is taken modulo n).
    const next = ({ ArrowRight: at + 1, ArrowLeft: at + n - 1, Home: 0, End: n - 1 } as Record<string, number>)[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.showView_(VIEWS[next % n]!);
  };

  /** A chip or name in a card toggles its filter. */
  private onSelect_ = (event: CustomEvent<{ topic?: string; speaker?: string }>) => {
    const filter = event.type === 'clip-topic-select' ? 'topic' : 'speaker';
    const value = event.detail[filter] ?? '';
    this[filter] = toKey(this[filter]) === toKey(value) ? '' : value;
  };

  /** Filters the articles by a speaker or topic picked in the Speakers or Topics view, and shows them. */
  private pick_(filter: 'speaker' | 'topic', value: string) {
    this[filter] = value;
    this.showView_('articles');
  }

  /** Switches to a view and moves the focus to its tab. */
  private async showView_(view: ClipShelfView) {
    this.view = view;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${view}`)?.focus();
  }

  private clearFilters_ = () => {
    this.topic = '';
    this.speaker = '';
    this.query_ = '';
  };
}

/** The body as text, read chunk by chunk (so a multi-megabyte feed is decoded in slices), refusing absurd sizes. */
async function readText(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (let chunk; reader && !(chunk = await reader.read()).done; ) {
    text += decoder.decode(chunk.value, { stream: true });
    if (text.length > MAX_FEED_BYTES) {
      void reader.cancel();
      throw new Error('the feed is too large');
    }
  }
  return text + decoder.decode();
}

/** One person or topic as the Speakers/Topics views show it. */
interface ShelfGroup {
  title_: string;
  pressed_: boolean;
  show_: () => void;
  /** Completes the "Show all n articles" button's name for screen readers ("quoting …", "about …"); also names the list. */
  hint_: string;
  roles_: string;
  items_: FeedItem[];
  said_: (item: FeedItem, index: number) => { speaker: string; statement: FeedStatement }[];
}

function isLargeFeedObject(input: unknown): boolean {
  const items = typeof input === 'object' && input !== null ? (input as { items?: unknown }).items : undefined;
  return Array.isArray(items) && items.length > 100;
}

/** The last line of a cut list: "and 3 more" (nothing when nothing was cut). */
function andMore(hidden: number, noun = '') {
  return hidden > 0 ? html`<li class="muted">and ${hidden} more${noun}</li>` : nothing;
}

/** "Showing 20 of 1,000 articles", or "3 articles" when all are shown. */
function countText(shown: number, total: number, one: string, many: string): string {
  // toLocaleString builds a formatter per call: fine for the one count line a render shows.
  const all = `${total.toLocaleString('en-US')} ${total === 1 ? one : many}`;
  return shown < total ? `Showing ${shown} of ${all}` : all;
}

defineElement('clip-shelf', ClipShelf);

declare global {
  interface HTMLElementTagNameMap {
    'clip-shelf': ClipShelf;
  }
}
