import { describe, expect, it } from 'vitest';
import {
  CAPTURE_REQUEST_KEY,
  describeUnsupportedPage,
  parseRequest,
  parseResponse,
  parseSaveOutcome,
  replyToCapture,
  stashCaptureRequest,
  takeCaptureRequest,
} from '../../../lib/messaging';

describe('protocol validation', () => {
  it('accepts a well-formed saveTab request', () => {
    expect(parseRequest({ clipshelf: 1, type: 'saveTab', data: { tabId: 3, force: true } })).toEqual({
      clipshelf: 1,
      type: 'saveTab',
      data: { tabId: 3, force: true },
    });
  });

  it('validates every SaveOutcome variant and refuses others', () => {
    expect(parseSaveOutcome({ status: 'saved', id: 'a1', title: 'T' })).toEqual({ status: 'saved', id: 'a1', title: 'T' });
    expect(parseSaveOutcome({ status: 'updated', id: 'a1', title: 'T', extra: 1 })).toEqual({ status: 'updated', id: 'a1', title: 'T' });
    expect(parseSaveOutcome({ status: 'not-article', title: '', message: 'm' })).toEqual({ status: 'not-article', title: '', message: 'm' });
    expect(parseSaveOutcome({ status: 'unsupported', reason: 'r' })).toEqual({ status: 'unsupported', reason: 'r' });
    expect(parseSaveOutcome({ status: 'failed', reason: 'r' })).toEqual({ status: 'failed', reason: 'r' });
    for (const bad of [null, {}, { status: 'saved', id: 1, title: 'T' }, { status: 'failed' }, { status: 'deleted', reason: 'r' }]) {
      expect(parseSaveOutcome(bad)).toBeNull();
    }
  });

  it('validates response envelopes per message type', () => {
    expect(parseResponse('saveTab', { ok: true, data: { status: 'failed', reason: 'x' } })).toEqual({
      ok: true,
      data: { status: 'failed', reason: 'x' },
    });
    expect(parseResponse('saveTab', { ok: false, error: 'refused' })).toEqual({ ok: false, error: 'refused' });
    expect(parseResponse('saveTab', { ok: true, data: { status: 'weird' } })).toBeNull();
    expect(parseResponse('saveTab', undefined)).toBeNull();
    expect(parseResponse('saveTab', { ok: false })).toBeNull();
  });
});

describe('capture request hand-over', () => {
  it('stashes a request for the capture script, which reads it once', () => {
    const scope = {};
    stashCaptureRequest.call(null, CAPTURE_REQUEST_KEY, { force: true, selection: true });
    expect(takeCaptureRequest()).toEqual({ force: true, selection: true });
    expect(takeCaptureRequest()).toEqual({ force: false, selection: false });
    Reflect.set(scope, CAPTURE_REQUEST_KEY, { force: 'yes' });
    expect(takeCaptureRequest(scope)).toEqual({ force: false, selection: false });
  });

  it('turns a capture that throws into a script-error reply', async () => {
    const scope = { [CAPTURE_REQUEST_KEY]: { force: true, selection: false } };
    const seen: unknown[] = [];
    const reply = await replyToCapture(async (request) => {
      seen.push(request);
      throw new Error('Readability exploded');
    }, scope);
    expect(seen).toEqual([{ force: true, selection: false }]);
    expect(reply).toEqual({ ok: false, reason: 'script-error', message: 'Readability exploded' });
  });
});

describe('describeUnsupportedPage', () => {
  it('lets ordinary pages and local files through (file access is decided by the browser)', () => {
    for (const url of ['https://news.example/a', 'http://127.0.0.1:8080/x.html', 'file:///tmp/a.html', undefined]) {
      expect(describeUnsupportedPage(url)).toBeNull();
    }
  });
  it('names browser pages, stores and PDFs', () => {
    expect(describeUnsupportedPage('chrome://newtab/')).toMatch(/Browser and extension pages/);
    expect(describeUnsupportedPage('moz-extension://x/y.html')).toMatch(/Browser and extension pages/);
    expect(describeUnsupportedPage('view-source:https://a.example/')).toMatch(/Browser and extension pages/);
    expect(describeUnsupportedPage('https://chrome.google.com/webstore/detail/x')).toMatch(/store/);
    expect(describeUnsupportedPage('https://chrome.google.com/search')).toBeNull();
    expect(describeUnsupportedPage('https://a.example/report.pdf')).toMatch(/PDF/);
  });
});
