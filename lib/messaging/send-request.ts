import { browser } from 'wxt/browser';
import { parseResponse, type MessageType, type RequestData, type RequestMessage, type ResponseData } from './protocol';

/** Sends a typed request to the background and returns its validated answer; throws on refusal or a malformed reply. */
export async function sendRequest<K extends MessageType>(type: K, data: RequestData<K>): Promise<ResponseData<K>> {
  const message = { clipshelf: 1, type, data } satisfies Omit<RequestMessage, 'type' | 'data'> & { type: K; data: RequestData<K> };
  const reply: unknown = await browser.runtime.sendMessage(message);
  const response = parseResponse(type, reply);
  if (!response) throw new Error('ClipShelf got no valid answer from its background page.');
  if (!response.ok) throw new Error(response.error);
  return response.data;
}
