import { sanitizeArticle } from '../capture';
import type { ArticleContent } from '../model';

/** The window DOMPurify runs on (an extension page's own window). */
export type ReaderWindow = Parameters<typeof sanitizeArticle>[1];

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The HTML the reader view renders for a stored article. The database is a trust boundary too (imports, backups,
 * older versions), so stored HTML goes through the same audited sanitizer as at capture (lib/capture
 * sanitizeArticle, same configuration) before any component sees it. Then, on the clean tree only: links open in a
 * new tab and tell the target nothing, images load lazily without a referrer. Where DOMPurify cannot run (no
 * window, or a DOM that fails its self-test) it fails closed: the plain text as escaped paragraphs, never the HTML.
 */
export function prepareReaderHtml(content: Pick<ArticleContent, 'html' | 'text'>, base: string, view: ReaderWindow | null): string {
  let root: Element;
  try {
    if (!view) throw new Error('no window to sanitize in');
    root = sanitizeArticle(content.html, view, base);
  } catch {
    return content.text
      .split(/\n{2,}/)
      .filter((p) => p.trim() !== '')
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join('');
  }
  const links = root.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) {
    const a = links[i]!;
    const href = a.getAttribute('href');
    if (href === null || href.startsWith('#')) continue;
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
  }
  const images = root.getElementsByTagName('img');
  for (let i = 0; i < images.length; i++) {
    images[i]!.setAttribute('loading', 'lazy');
    images[i]!.setAttribute('referrerpolicy', 'no-referrer');
  }
  return root.innerHTML;
}
