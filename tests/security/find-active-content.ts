/**
 * Finds anything in an HTML fragment that could run script, navigate to script, or load active content when the
 * fragment is rendered. Parses with jsdom (parse5, the HTML standard's tree builder), so what it sees is what a
 * browser builds; it also re-parses the serialized tree once, so markup that only turns active after a
 * serialize/parse round trip (mutation XSS) is caught too.
 */
import { JSDOM } from 'jsdom';

const ACTIVE_ELEMENTS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'portal',
  'form', 'style', 'handler', 'listener', 'foreignobject', 'animate', 'set', 'animatemotion', 'animatetransform',
]);
const URL_ATTRIBUTES = new Set([
  'href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'ping', 'cite', 'codebase',
  'lowsrc', 'dynsrc', 'longdesc', 'usemap', 'manifest', 'icon', 'archive', 'classid', 'profile', 'itemtype',
]);
/** Schemes that run or render script; safe image data URLs are allowed. */
const UNSAFE_URL = /^(?:javascript|vbscript|livescript|mocha|data:(?!image\/(?:png|gif|jpe?g|webp|avif)[;,]))/i;

export interface ActiveFinding {
  what: string;
  where: string;
}

/** Strips what browsers ignore inside a URL (whitespace and control characters) before checking its scheme. */
function normalizedUrl(value: string): string {
  return value.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000\ufeff]/g, '');
}

function check(root: ParentNode, findings: ActiveFinding[], pass: string): void {
  const walk = (node: Element): void => {
    const name = node.localName.toLowerCase();
    if (ACTIVE_ELEMENTS.has(name)) findings.push({ what: `<${name}> element`, where: pass });
    for (const attr of Array.from(node.attributes)) {
      const an = attr.name.toLowerCase();
      if (an.startsWith('on')) findings.push({ what: `${an} handler on <${name}>`, where: pass });
      if (an === 'srcdoc') findings.push({ what: `${an} attribute on <${name}>`, where: pass });
      if (URL_ATTRIBUTES.has(an) && UNSAFE_URL.test(normalizedUrl(attr.value))) findings.push({ what: `${an}=${attr.value.slice(0, 40)} on <${name}>`, where: pass });
      if (an === 'srcset' && attr.value.split(',').some((c) => UNSAFE_URL.test(normalizedUrl(c.trim().split(/\s+/)[0] ?? '')))) findings.push({ what: `unsafe srcset on <${name}>`, where: pass });
      if (an === 'style' && /javascript:|expression\s*\(|behavior\s*:|-moz-binding|url\s*\(/i.test(attr.value)) findings.push({ what: `style=${attr.value.slice(0, 40)} on <${name}>`, where: pass });
    }
    if (name === 'template') {
      const content = (node as HTMLTemplateElement).content;
      for (const child of Array.from(content.children)) walk(child);
    }
    for (const child of Array.from(node.children)) walk(child);
  };
  for (const child of Array.from(root.children)) walk(child);
}

let dom: JSDOM | null = null;

/** All active content in `html` (empty when inert), after parsing it as a browser would and once more after a round trip. */
export function findActiveContent(html: string): ActiveFinding[] {
  dom ??= new JSDOM('<!DOCTYPE html><body></body>');
  const doc = dom.window.document;
  const findings: ActiveFinding[] = [];
  const first = doc.createElement('body');
  first.innerHTML = html;
  check(first, findings, 'parse');
  const second = doc.createElement('body');
  second.innerHTML = first.innerHTML;
  check(second, findings, 'reparse');
  return findings;
}

/** A URL a page may render as a link or image: http(s) or empty. */
export function isSafeLinkUrl(url: string): boolean {
  return url === '' || /^https?:\/\//i.test(url);
}
