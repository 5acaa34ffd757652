/**
 * Bad input gets a clear answer, in bounded time: pages with no article, empty pages, a 20 MB page, 200,000
 * elements, 10,000 levels of nesting, broken encodings, NUL bytes, framesets and non-HTML documents (JSON, plain
 * text, SVG, image bytes), through captureHtml (Node) and captureDocument (the content script's entry, on a
 * parsed document as the browser gives it). Each case prints its outcome and time; the vitest timeout bounds it.
 */
import { DOMParser, parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { captureDocument, type CaptureResult } from '../../lib/capture';
import { captureHtml, getPurifyWindow } from '../../lib/capture/node';

const URL_ = 'http://127.0.0.1:8080/page';
const PARA = '<p>The council voted on Tuesday to approve a new riverside park, ending a debate that had divided residents for nearly three years. "This is the most important decision we have made," said Maria Delgado.</p>';
const article = (body: string, head = '<title>Riverside park approved</title>'): string => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body><article><h1>Riverside park approved</h1>${body}</article></body></html>`;

type Outcome = { kind: 'ok'; words: number; probablyArticle: boolean } | { kind: 'refused'; message: string };

async function viaHtml(html: string): Promise<Outcome> {
  try {
    const a = await captureHtml(html, { url: URL_ });
    return { kind: 'ok', words: a.wordCount, probablyArticle: a.probablyArticle };
  } catch (error) {
    return { kind: 'refused', message: error instanceof Error ? error.message : String(error) };
  }
}

async function viaDocument(doc: Document, force = false): Promise<CaptureResult | { ok: false; reason: 'threw'; message: string }> {
  try {
    return await captureDocument(doc, { url: URL_, force, window: getPurifyWindow() });
  } catch (error) {
    return { ok: false, reason: 'threw', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

const timed = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
  const t0 = performance.now();
  const result = await run();
  console.log(`[bad-input] ${label}: ${(performance.now() - t0).toFixed(0)} ms → ${JSON.stringify(result).slice(0, 160)}`);
  return result;
};

const CLEAR = /Cannot capture|not an HTML page|empty|no article|too large|doesn't look like an article|No article text/i;

describe('captureHtml (Node): every bad input ends with an article or a clear message', () => {
  it('empty string and whitespace', async () => {
    for (const html of ['', '   \n\t ']) {
      const r = await timed(`empty ${JSON.stringify(html)}`, () => viaHtml(html));
      expect(r).toMatchObject({ kind: 'refused' });
      if (r.kind === 'refused') expect(r.message).toMatch(/empty/i);
    }
  });

  it('an empty document', async () => {
    const r = await timed('empty document', () => viaHtml('<!DOCTYPE html><html><head></head><body></body></html>'));
    expect(r).toMatchObject({ kind: 'refused' });
    if (r.kind === 'refused') expect(r.message).toMatch(/No article text/);
  });

  it('a page with no article (navigation only) is flagged, not mistaken for an article', async () => {
    const nav = `<!DOCTYPE html><html><head><title>Home</title></head><body><nav>${Array.from({ length: 40 }, (_, i) => `<a href="/s${i}">Section ${i}</a>`).join(' ')}</nav><footer>© 2026</footer></body></html>`;
    const r = await timed('no article', () => viaHtml(nav));
    if (r.kind === 'ok') expect(r.probablyArticle).toBe(false);
    else expect(r.message).toMatch(CLEAR);
    const doc = await timed('no article (captureDocument)', () => viaDocument(parseHTML(nav).document as unknown as Document));
    expect(doc.ok).toBe(false);
    if (!doc.ok) expect(['not-article', 'empty']).toContain(doc.reason);
  });

  it.each([
    ['JSON', '{"articles":[{"title":"<script>alert(1)</script>"}]}'],
    ['JSON array', '[1,2,3]'],
    ['plain text', 'Just some plain text.\nSecond line.'],
    ['image bytes', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000'],
    ['CSV', 'a,b,c\n1,2,3\n'],
  ])('non-HTML input: %s', async (name, input) => {
    const r = await timed(`non-HTML ${name}`, () => viaHtml(input));
    expect(r).toMatchObject({ kind: 'refused' });
    if (r.kind === 'refused') expect(r.message).toMatch(/not an HTML page/);
  });

  it('an SVG document is refused or captured, never a crash', async () => {
    const svg = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="__clipCanary(1)"><text x="0" y="10">Hello</text><script>__clipCanary(2)</script></svg>';
    const r = await timed('SVG document', () => viaHtml(svg));
    if (r.kind === 'refused') expect(r.message).toMatch(CLEAR);
  });

  it('a 20 MB page', async () => {
    const body = Array.from({ length: Math.ceil((20 * 1024 * 1024) / PARA.length) }, () => PARA).join('\n');
    const html = article(body);
    expect(html.length).toBeGreaterThan(20 * 1024 * 1024);
    const r = await timed('20 MB page', () => viaHtml(html));
    if (r.kind === 'refused') expect(r.message).toMatch(/too large/i);
    else expect(r.words).toBeGreaterThan(1000);
  }, 120_000);

  it('200,000 elements: refused quickly as too large, with advice', async () => {
    const html = article(`${PARA}${'<span>x</span>'.repeat(200_000)}`);
    const r = await timed('200,000 elements', () => viaHtml(html));
    expect(r).toMatchObject({ kind: 'refused' });
    if (r.kind === 'refused') expect(r.message).toMatch(/too large to capture \(\d+ elements; the limit is 100000\)/);
  }, 60_000);

  // Fixed: captureHtml refuses markup nested over 1,000 levels before parsing (it used to overflow the stack after ~55 s;
  // the browser extension reads such pages: Chromium stops nesting at 512 levels).
  it('10,000 levels of nesting: a clear refusal in bounded time', async () => {
    const html = article(`${PARA}${'<div>'.repeat(10_000)}${PARA}${'</div>'.repeat(10_000)}${PARA}`);
    const r = await timed('10,000 nested divs', () => viaHtml(html));
    expect(r).toMatchObject({ kind: 'refused' });
    if (r.kind === 'refused') expect(r.message).toMatch(/Cannot capture .*nested too deeply/);
  }, 60_000);

  it('broken encodings: replacement characters, lone surrogates, mojibake, wrong charset declaration', async () => {
    const broken = article(
      `${PARA}<p>Mojibake: Ã©tÃ© Ã  Paris â€” â€œquotedâ€\u009d. Bad bytes: \ufffd\ufffd\ufffd. Lone surrogates: \ud800 and \udfff.</p>${PARA}`,
      '<meta charset="x-imap4-modified-utf7"><title>Broken +ADw-script+AD4-</title>',
    );
    const r = await timed('broken encodings', () => viaHtml(broken));
    expect(r).toMatchObject({ kind: 'ok' });
  });

  // Fixed: only the first bytes are sniffed for binary data; a later NUL reads as U+FFFD, as in browsers.
  it('a NUL byte inside an otherwise normal page: browsers read it (U+FFFD), capture does too', async () => {
    const r = await timed('NUL byte in body', () => viaHtml(article(`${PARA}<p>Before\u0000after.</p>${PARA}`)));
    expect(r.kind).toBe('ok');
  });

  // Fixed: a frameset page used to end in DOMPurify's "root node is forbidden and cannot be sanitized in-place".
  it('a frameset page: a clear "no article text" message, never DOMPurify\'s', async () => {
    const html = '<!DOCTYPE html><html><head><title>Frames</title></head><frameset cols="50%,50%"><frame src="a.html"><frame src="javascript:__clipCanary(3)"></frameset></html>';
    const r = await timed('frameset page', () => viaHtml(html));
    expect(r).toMatchObject({ kind: 'refused' });
    if (r.kind === 'refused') expect(r.message).toMatch(CLEAR);
    if (r.kind === 'refused') expect(r.message).not.toMatch(/root node|DOMPurify/i);
  });
});

describe('captureDocument (content script entry) on documents the browser can hand it', () => {
  it('an SVG document (no body)', async () => {
    const doc = new DOMParser().parseFromString('<svg xmlns="http://www.w3.org/2000/svg"><text>Hello</text></svg>', 'image/svg+xml') as unknown as Document;
    const r = await timed('captureDocument SVG', () => viaDocument(doc));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(CLEAR);
  });

  it.each([
    ['a plain-text document as Chromium shows it (<pre>)', 'text/plain', '<html><head></head><body><pre>line one\nline two</pre></body></html>'],
    ['an image document as Chromium shows it', 'image', '<html><head><meta name="viewport" content="width=device-width"></head><body style="margin:0"><img src="http://127.0.0.1:8080/x.png"></body></html>'],
    ['a JSON document as Chromium shows it', 'JSON', '<html><head><meta name="color-scheme" content="light dark"></head><body><pre>{"a":1,"b":[1,2,3]}</pre></body></html>'],
  ])('%s', async (_name, label, html) => {
    const { document } = parseHTML(html);
    const r = await timed(`captureDocument ${label}`, () => viaDocument(document as unknown as Document));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(CLEAR);
  });

  // Fixed: linkedom answers 0 to getElementsByTagName('*'); capture then counts with querySelectorAll('*').
  it('200,000 elements: refused as too large under linkedom too', async () => {
    const { document } = parseHTML(article(`${PARA}${'<i>x</i>'.repeat(200_000)}`));
    const r = await timed('captureDocument 200,000 elements', () => viaDocument(document as unknown as Document));
    expect(r).toMatchObject({ ok: false, reason: 'too-large' });
  }, 60_000);
});
