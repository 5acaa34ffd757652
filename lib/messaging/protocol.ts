/**
 * ClipShelf's one message protocol between extension pages (popup, library) and the background.
 *
 * The capture script sends nothing: its result comes back as the return value of `scripting.executeScript` on
 * the tab the background injected into (see capture-request.ts). The one content-script message is the live
 * bridge's `getLiveFeed`, answered only on the origin the user allowed (see live-sender.ts).
 */
import { parseFeed, type ClipShelfFeed } from '../feed';

/** What saving a page came to; the popup shows it at the top. */
export type SaveOutcome =
  /** Stored: a new article, or the same normalized URL saved again and updated in place. Read it from the store by id. */
  | { status: 'saved' | 'updated'; id: string; title: string }
  /** The page does not look like an article; nothing was stored. "Save anyway" repeats the save with `force`. */
  | { status: 'not-article'; title: string; message: string }
  /** The browser does not let extensions read this page (browser pages, web stores, PDF viewer, file:// without access). */
  | { status: 'unsupported'; reason: string }
  /** Something went wrong (quota, a failing page, a closed tab). */
  | { status: 'failed'; reason: string };

export type SaveStatus = SaveOutcome['status'];

/** One pending article the background could not capture, and why. */
export interface CaptureFailure {
  id: string;
  title: string;
  reason: string;
}

/** The background's "capture pending articles" job, as the library page shows it. */
export interface CaptureJobStatus {
  /** 'idle': no job since the background started; 'running'; or how the last job ended. */
  state: 'idle' | 'running' | 'done' | 'cancelled';
  /** Articles in the job. */
  total: number;
  /** Articles finished so far (captured or failed). */
  done: number;
  captured: number;
  /** Up to 50 failures, oldest first. */
  failures: CaptureFailure[];
  /** Title of the article being captured now, or "". */
  current: string;
}

/** Request and response types, one entry per message (camelCase verb phrases). */
export interface ProtocolMap {
  /** Save the page in a tab (the popup's own tab: the toolbar click granted activeTab). */
  saveTab: { request: { tabId: number; force: boolean }; response: SaveOutcome };
  /** Capture pending (link-only, imported) articles in background tabs; joins a job already running. */
  capturePending: { request: { ids: string[] }; response: CaptureJobStatus };
  /** Where the capture job is (the library page polls while it runs). */
  getCaptureStatus: { request: Record<string, never>; response: CaptureJobStatus };
  /** Stop the capture job after the article in progress. */
  cancelCapture: { request: Record<string, never>; response: CaptureJobStatus };
  /** Live mode: the bridge content script on the allowed origin asks for exactly what "Export feed" writes. */
  getLiveFeed: { request: Record<string, never>; response: ClipShelfFeed };
}

export type MessageType = keyof ProtocolMap;
export type RequestData<K extends MessageType> = ProtocolMap[K]['request'];
export type ResponseData<K extends MessageType> = ProtocolMap[K]['response'];

/** The wire form of a request: the `clipshelf` tag keeps unrelated messages (other extensions' libraries, devtools) out. */
export type RequestMessage = { [K in MessageType]: { clipshelf: 1; type: K; data: RequestData<K> } }[MessageType];

/** The wire form of a response. */
export type ResponseMessage<K extends MessageType> = { ok: true; data: ResponseData<K> } | { ok: false; error: string };

type Fields = Record<string, unknown>;
const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Validates an incoming message; null for anything that is not a well-formed ClipShelf request. */
export function parseRequest(value: unknown): RequestMessage | null {
  if (!isFields(value) || value.clipshelf !== 1 || !isFields(value.data)) return null;
  const data = value.data;
  switch (value.type) {
    case 'saveTab':
      if (!Number.isSafeInteger(data.tabId) || typeof data.force !== 'boolean') return null;
      return { clipshelf: 1, type: 'saveTab', data: { tabId: Number(data.tabId), force: data.force } };
    case 'capturePending': {
      const ids = data.ids;
      if (!Array.isArray(ids) || ids.length > MAX_CAPTURE_IDS) return null;
      const valid = ids.filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 200);
      if (valid.length !== ids.length) return null;
      return { clipshelf: 1, type: 'capturePending', data: { ids: valid } };
    }
    case 'getCaptureStatus':
      return { clipshelf: 1, type: 'getCaptureStatus', data: {} };
    case 'cancelCapture':
      return { clipshelf: 1, type: 'cancelCapture', data: {} };
    case 'getLiveFeed':
      return { clipshelf: 1, type: 'getLiveFeed', data: {} };
    default:
      return null;
  }
}

/** Most articles one capture request may name. */
export const MAX_CAPTURE_IDS = 10_000;

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && Number(value) >= 0;

/** Validates a CaptureJobStatus coming back over the wire. */
export function parseCaptureJobStatus(value: unknown): CaptureJobStatus | null {
  if (!isFields(value)) return null;
  const { state, total, done, captured, failures, current } = value;
  if (state !== 'idle' && state !== 'running' && state !== 'done' && state !== 'cancelled') return null;
  if (!isCount(total) || !isCount(done) || !isCount(captured) || typeof current !== 'string' || !Array.isArray(failures)) return null;
  const parsed: CaptureFailure[] = [];
  for (const f of failures) {
    if (!isFields(f) || typeof f.id !== 'string' || typeof f.title !== 'string' || typeof f.reason !== 'string') return null;
    parsed.push({ id: f.id, title: f.title, reason: f.reason });
  }
  return { state, total, done, captured, failures: parsed, current };
}

/** Validates a SaveOutcome coming back over the wire. */
export function parseSaveOutcome(value: unknown): SaveOutcome | null {
  if (!isFields(value)) return null;
  switch (value.status) {
    case 'saved':
    case 'updated':
      return typeof value.id === 'string' && typeof value.title === 'string'
        ? { status: value.status, id: value.id, title: value.title }
        : null;
    case 'not-article':
      return typeof value.title === 'string' && typeof value.message === 'string'
        ? { status: 'not-article', title: value.title, message: value.message }
        : null;
    case 'unsupported':
    case 'failed':
      return typeof value.reason === 'string' ? { status: value.status, reason: value.reason } : null;
    default:
      return null;
  }
}

/** Response validators, one per message type. */
export const RESPONSE_PARSERS: { [K in MessageType]: (value: unknown) => ResponseData<K> | null } = {
  saveTab: parseSaveOutcome,
  capturePending: parseCaptureJobStatus,
  getCaptureStatus: parseCaptureJobStatus,
  cancelCapture: parseCaptureJobStatus,
  getLiveFeed: parseLiveFeed,
};

/** Validates the live feed coming back over the wire (the page validates it once more on arrival). */
function parseLiveFeed(value: unknown): ClipShelfFeed | null {
  const result = parseFeed(value);
  return result.ok ? result.feed : null;
}

/** Validates a response envelope for message type `type`. */
export function parseResponse<K extends MessageType>(type: K, value: unknown): ResponseMessage<K> | null {
  if (!isFields(value)) return null;
  if (value.ok === false) return typeof value.error === 'string' ? { ok: false, error: value.error } : null;
  if (value.ok !== true) return null;
  const parse: (v: unknown) => ResponseData<K> | null = RESPONSE_PARSERS[type];
  const data = parse(value.data);
  return data === null ? null : { ok: true, data };
}
