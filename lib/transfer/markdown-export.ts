import { strToU8, zipSync } from 'fflate';
import { stringify } from 'yaml';
import type { ArticleRecord } from '../model';
import { htmlToMarkdown, type HtmlToMarkdownOptions } from './html-to-markdown';

/** One exported Markdown file. */
export interface MarkdownFile {
  /** Safe file name: date-slug.md, unique within one export, no path separators. */
  name: string;
  content: string;
}

/** The YAML front matter ClipShelf writes (keys always present, in this order). */
export interface MarkdownFrontMatter {
  title: string;
  url: string;
  authors: string[];
  published: string | null;
  site: string;
  language: string;
  saved: string;
  tags: string[];
  speakers: Array<{ name: string; role: string; kind: string; statements: number }>;
  topics: string[];
}

export function toFrontMatter(r: ArticleRecord): MarkdownFrontMatter {
  return {
    title: r.title,
    url: r.url,
    authors: [...r.authors],
    published: r.published,
    site: r.siteName,
    language: r.lang || r.analysis.lang,
    saved: new Date(r.savedAt).toISOString(),
    tags: [...r.tags],
    speakers: r.analysis.speakers.map((s) => ({ name: s.name, role: s.role, kind: s.kind, statements: s.statements.length })),
    topics: r.analysis.topics.map((t) => t.label),
  };
}

/** A file-name slug: letters and digits of any script, dashes between words, at most 60 characters. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'article';
}

/** The Markdown document for one article: YAML front matter, then the body converted from its sanitized HTML. */
export function toMarkdown(r: ArticleRecord, options: HtmlToMarkdownOptions = {}): string {
  // `yaml` quotes every string that could be read as another type or as YAML syntax ("---", "#", ": ").
  const front = stringify(toFrontMatter(r), { lineWidth: 0 });
  const body = r.content.html ? htmlToMarkdown(r.content.html, options) : r.content.text ? r.content.text.trim() + '\n' : '';
  return `---\n${front}---\n\n${body}`;
}

/** One Markdown file per article, with unique, safe names. */
export function toMarkdownFiles(records: readonly ArticleRecord[], options: HtmlToMarkdownOptions = {}): MarkdownFile[] {
  const used = new Set<string>();
  return records.map((r) => {
    const date = Number.isFinite(r.savedAt) ? new Date(r.savedAt).toISOString().slice(0, 10) : 'undated';
    const base = `${date}-${slugify(r.title)}`;
    let name = `${base}.md`;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}.md`;
    used.add(name);
    return { name, content: toMarkdown(r, options) };
  });
}

/** A zip of one Markdown file per article (all in one folder, "clipshelf/"). */
export function createMarkdownZip(records: readonly ArticleRecord[], options: HtmlToMarkdownOptions & { now?: number } = {}): Uint8Array {
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  const mtime = new Date(options.now ?? Date.UTC(2026, 0, 1));
  for (const f of toMarkdownFiles(records, options)) files[`clipshelf/${f.name}`] = [strToU8(f.content), { mtime }];
  return zipSync(files, { level: 6 });
}
