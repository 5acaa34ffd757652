// @vitest-environment jsdom
/**
 * DOM clobbering: a page's element names and ids can shadow DOM properties (`<form><input name=parentNode>` makes
 * `form.parentNode` the input, which sent Readability's tree walk into an endless loop in Chromium; see
 * hostile.e2e). Capture strips such names from its copy before anything walks it, reads the document only through
 * prototype methods, and leaves the live page untouched.
 */
import { describe, expect, it } from 'vitest';
import { captureDocument } from '../../lib/capture';
import { removeClobberingNames } from '../../lib/capture/dom-guards';

const PARA = '<p>The council voted on Tuesday to approve a new riverside park, ending a debate that had divided residents for nearly three years. "This is the most important decision we have made," said Maria Delgado.</p>';
const page = (extra: string): string =>
  `<!DOCTYPE html><html lang="en"><head><title>Riverside park approved</title></head><body><article><h1>Riverside park approved</h1>${PARA.repeat(4)}${extra}${PARA}</article></body></html>`;

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('DOM clobbering', () => {
  it('removes names and ids that shadow document, element or form properties, and keeps the others', () => {
    const doc = parse(page('<form id="search"><input name="parentNode"><input name="nextElementSibling"><input name="q" id="firstElementChild"></form><img name="cloneNode" src="x.png"><img name="body"><div id="content">x</div><div id="title">t</div>'));
    const removed = removeClobberingNames(doc);
    expect(removed).toBe(5);
    const Proto = Object.getPrototypeOf(doc) as Document;
    const names = [...Proto.querySelectorAll.call(doc, '[name],[id]')].map((e) => `${e.localName}:${e.getAttribute('name') ?? ''}#${e.id}`);
    // A div's id shadows nothing in a document without a window: Readability's scoring still sees it.
    expect(names).toEqual(['form:#search', 'input:q#', 'div:#content', 'div:#title']);
    const form = doc.querySelector('form')!;
    expect(form.parentNode).toBe(doc.querySelector('article'));
  });

  it('captures a page full of clobbering names, and leaves the live page as it was', async () => {
    const hostile = '<form><input name="parentNode"><input name="firstElementChild"><input name="nextElementSibling"><input name="textContent"><input name="attributes"></form>' +
      '<img name="cloneNode" src="https://a.example/x.png"><img name="getElementsByTagName" src="https://a.example/y.png"><img name="contentType" src="https://a.example/z.png"><embed name="body">';
    const doc = parse(page(hostile));
    const before = doc.documentElement.outerHTML;
    const result = await captureDocument(doc, { url: 'http://127.0.0.1:8080/news/park' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.article.text).toContain('most important decision');
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('refuses a document that is not HTML with a clear message, even on "Save anyway"', async () => {
    // Chromium's JSON/text/image viewers are documents with such a contentType (robustness.e2e covers JSON there).
    const doc = new DOMParser().parseFromString('<feed><title>Not a page</title><entry>Some text</entry></feed>', 'application/xml');
    const result = await captureDocument(doc, { url: 'http://127.0.0.1:8080/data.xml', force: true });
    expect(result).toMatchObject({ ok: false, reason: 'not-html' });
    if (!result.ok) expect(result.message).toMatch(/not an HTML page \(application\/xml\)/);
  });
});
