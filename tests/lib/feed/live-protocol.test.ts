import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createLiveFeedMessage,
  createLiveReady,
  createLiveRequest,
  readLiveMessage,
  readLiveRequest,
  toFeed,
} from '../../../lib/feed';

const self = { name: 'page window' };
const other = { name: 'iframe window' };
const ORIGIN = 'https://me.example';
const NONCE = 'abcdef0123456789';

describe('live requests (content script side)', () => {
  it('accepts exactly a request from its own window and origin', () => {
    const data = createLiveRequest(NONCE);
    expect(readLiveRequest({ data, origin: ORIGIN, source: self }, { origin: ORIGIN, source: self })).toEqual(data);
    expect(readLiveRequest({ data, origin: 'https://evil.example', source: self }, { origin: ORIGIN, source: self })).toBeNull();
    expect(readLiveRequest({ data, origin: ORIGIN, source: other }, { origin: ORIGIN, source: self })).toBeNull();
    expect(readLiveRequest({ data: { ...data, extra: 1 }, origin: ORIGIN, source: self }, { origin: ORIGIN, source: self })).toBeNull();
    expect(readLiveRequest({ data: { ...data, nonce: 'x' }, origin: ORIGIN, source: self }, { origin: ORIGIN, source: self })).toBeNull();
    expect(readLiveRequest({ data: { ...data, version: 2 }, origin: ORIGIN, source: self }, { origin: ORIGIN, source: self })).toBeNull();
  });

  it('rejects every other message without throwing', () => {
    fc.assert(
      fc.property(fc.anything(), (data) => {
        expect(readLiveRequest({ data, origin: ORIGIN, source: self }, { origin: ORIGIN, source: self })).toBeNull();
      }),
    );
  });

  it('refuses bad nonces when creating messages', () => {
    expect(() => createLiveRequest('short')).toThrow(TypeError);
    expect(() => createLiveFeedMessage('<script>xx</script>', toFeed([]))).toThrow(TypeError);
  });
});

describe('live answers (page side)', () => {
  const expected = { origin: ORIGIN, source: self, nonce: NONCE };

  it('takes a feed answering its nonce, and a ready announcement', () => {
    const feed = toFeed([]);
    expect(readLiveMessage({ data: createLiveFeedMessage(NONCE, feed), origin: ORIGIN, source: self }, expected)).toEqual({ kind: 'feed', feed });
    expect(readLiveMessage({ data: createLiveReady(), origin: ORIGIN, source: self }, expected)).toEqual({ kind: 'ready' });
  });

  it('ignores other nonces, windows, origins and shapes', () => {
    const data = createLiveFeedMessage(NONCE, toFeed([]));
    expect(readLiveMessage({ data: { ...data, nonce: 'zzzzzzzzzzzz' }, origin: ORIGIN, source: self }, expected)).toBeNull();
    expect(readLiveMessage({ data, origin: ORIGIN, source: other }, expected)).toBeNull();
    expect(readLiveMessage({ data, origin: 'http://me.example', source: self }, expected)).toBeNull();
    expect(readLiveMessage({ data: createLiveRequest(NONCE), origin: ORIGIN, source: self }, expected)).toBeNull();
    fc.assert(fc.property(fc.anything(), (d) => void readLiveMessage({ data: d, origin: ORIGIN, source: self }, expected)));
  });
});
