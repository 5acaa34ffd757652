import { parseTime } from './parse-csv-exports';
import type { ImportItem } from './import-types';

/*
 * Netscape bookmark files and Pocket's ril_export.html are flat, machine-written HTML. A small tag scanner reads
 * them without a DOM (so this runs in Node, a Worker or a page alike) and never interprets the HTML: titles are
 * decoded to plain text, attributes are read as strings.
 */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };

/** Decodes the HTML character references such files use (named basics and numeric). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);?/gi, (whole, ref: string) => {
    const r = ref.toLowerCase();
    if (r.startsWith('#x') || r.startsWith('#')) {
      const code = r.startsWith('#x') ? parseInt(r.slice(2), 16) : parseInt(r.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED[r] ?? whole;
  });
}

interface Tag {
  name: string;
  closing: boolean;
  attrs: Record<string, string>;
  /** Offset just after the tag. */
  end: number;
}

const TAG = /<(\/?)([a-z][a-z0-9]*)\b([^>]*)>/gi;
const ATTR = /([^\s=/"'<>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

function* scanTags(html: string): Generator<Tag> {
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const attrs: Record<string, string> = {};
    const raw = m[3] ?? '';
    ATTR.lastIndex = 0;
    for (let a = ATTR.exec(raw); a; a = ATTR.exec(raw)) {
      const key = a[1]!.toLowerCase();
      if (!(key in attrs)) attrs[key] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    }
    yield { name: m[2]!.toLowerCase(), closing: m[1] === '/', attrs, end: TAG.lastIndex };
  }
}

/** Plain text of an HTML fragment (tags dropped, entities decoded, whitespace collapsed). */
function toText(fragment: string): string {
  return decodeEntities(fragment.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}

/** Text from `start` up to the closing tag `name` (case-insensitive). */
function textUntil(html: string, start: number, name: string): { text: string; end: number } {
  const close = new RegExp(`</${name}\\s*>`, 'i');
  const rest = html.slice(start);
  const m = close.exec(rest);
  const end = m ? start + m.index : html.length;
  return { text: toText(html.slice(start, end)), end };
}

export function isNetscapeBookmarks(text: string): boolean {
  return /<!DOCTYPE\s+NETSCAPE-Bookmark-file-1>/i.test(text.slice(0, 4096));
}

export function isPocketHtml(text: string): boolean {
  const head = text.slice(0, 8192);
  return /<title>\s*Pocket Export\s*<\/title>/i.test(head) || (/<h1>\s*Unread\s*<\/h1>/i.test(text) && /time_added=/i.test(text));
}

/** Folders browsers create themselves: not worth a tag. */
const ROOT_FOLDERS = new Set(['bookmarks', 'bookmarks bar', 'bookmarks toolbar', 'other bookmarks', 'bookmarks menu', 'mobile bookmarks', 'favorites bar', 'favourites bar']);

/** Netscape bookmark file (every browser's "export bookmarks"): TAGS and the enclosing folder become tags. */
export function readNetscapeBookmarks(html: string, fileName: string): ImportItem[] {
  const items: ImportItem[] = [];
  const folders: string[] = [];
  let pendingFolder: string | null = null;
  for (const tag of scanTags(html)) {
    if (tag.name === 'h3' && !tag.closing) {
      pendingFolder = textUntil(html, tag.end, 'h3').text;
    } else if (tag.name === 'dl') {
      if (tag.closing) folders.pop();
      else {
        folders.push(pendingFolder ?? '');
        pendingFolder = null;
      }
    } else if (tag.name === 'a' && !tag.closing && tag.attrs.href !== undefined) {
      const folder = [...folders].reverse().find((f) => f && !ROOT_FOLDERS.has(f.toLowerCase()));
      const tags = (tag.attrs.tags ?? '').split(',').map((t) => t.trim()).filter(Boolean);
      if (folder) tags.push(folder);
      items.push({
        where: `${fileName} link ${items.length + 1}`,
        url: tag.attrs.href.trim(),
        title: textUntil(html, tag.end, 'a').text,
        tags: [...new Set(tags)],
        read: false,
        savedAt: parseTime(tag.attrs.add_date),
        highlights: [],
      });
    }
  }
  return items;
}

/** Pocket's older ril_export.html: <h1>Unread</h1><ul><li><a href time_added tags>…</a></li></ul><h1>Read Archive</h1>… */
export function readPocketHtml(html: string, fileName: string): ImportItem[] {
  const items: ImportItem[] = [];
  let read = false;
  for (const tag of scanTags(html)) {
    if (tag.name === 'h1' && !tag.closing) {
      read = /archive|read/i.test(textUntil(html, tag.end, 'h1').text) && !/^unread$/i.test(textUntil(html, tag.end, 'h1').text);
    } else if (tag.name === 'a' && !tag.closing && tag.attrs.href !== undefined) {
      items.push({
        where: `${fileName} link ${items.length + 1}`,
        url: tag.attrs.href.trim(),
        title: textUntil(html, tag.end, 'a').text,
        tags: [...new Set((tag.attrs.tags ?? '').split(',').map((t) => t.trim()).filter(Boolean))],
        read,
        savedAt: parseTime(tag.attrs.time_added),
        highlights: [],
      });
    }
  }
  return items;
}
