/**
 * The `clip` command: captures and analyses saved pages exactly as the extension does, and prints
 * one ArticleRecord per file as one line of JSON (or, with --feed, one feed for all files).
 *
 *   npm run --silent clip -- FILE [FILE...] [--url URL] [--feed]
 *
 * .html/.htm files go through lib/capture (Readability, metadata, DOMPurify). .txt files are plain
 * text with paragraphs separated by blank lines; when the first paragraph is one short line (at most
 * 20 words, no sentence-final punctuation) it is the title, otherwise the title is the file name.
 * --url sets the page address (default: the file's file:// URL); with several files it applies to all.
 * A file that cannot be read or captured prints one error line on stderr; the others still print,
 * and the exit code is 1.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeArticle } from '../analysis';
import { captureHtml, countWords, hashText, readingMinutes } from '../capture/node';
import { toFeed } from '../feed';
import type { ArticleRecord, CapturedArticle } from '../model';
import { createArticleRecord } from '../store';

export interface ClipArgs {
  files: string[];
  url?: string;
  feed: boolean;
}

/** Parses argv (without node and script). Throws with a usage message on bad input. */
export function parseClipArgs(argv: readonly string[]): ClipArgs {
  const files: string[] = [];
  let url: string | undefined;
  let feed = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--feed') feed = true;
    else if (a === '--url') {
      const v = argv[++i];
      if (!v) throw new Error('--url needs a value');
      url = v;
    } else if (a.startsWith('--url=')) url = a.slice(6);
    else if (a === '--help' || a === '-h') throw new Error(USAGE);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length === 0) throw new Error(USAGE);
  return { files, url, feed };
}

const USAGE = 'usage: clip FILE [FILE...] [--url URL] [--feed]';

/** Plain text → a CapturedArticle (title: a short first line, else the file name). */
export async function captureText(raw: string, url: string, fileName: string): Promise<CapturedArticle> {
  const normalized = raw.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const paragraphs = normalized.split(/\n[ \t]*\n+/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (paragraphs.length === 0) throw new Error('the file has no text');
  let title = fileName.replace(/\.[^.]+$/, '');
  const first = paragraphs[0] as string;
  if (paragraphs.length > 1 && !/[.!?:;"”]$/.test(first) && first.split(/\s+/).length <= 20) {
    title = first;
    paragraphs.shift();
  }
  const text = paragraphs.join('\n\n');
  const wordCount = countWords(text);
  return {
    title,
    authors: [],
    published: null,
    modified: null,
    siteName: '',
    source: '',
    lang: '',
    excerpt: paragraphs[0]?.slice(0, 300) ?? '',
    imageUrl: '',
    url,
    pageUrl: url,
    html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join(''),
    text,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    contentHash: hashText(text),
    probablyArticle: true,
    fromSelection: false,
  };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Captures and analyses one file into the record the extension would store. */
export async function clipFile(file: string, options: { url?: string; now: number }): Promise<ArticleRecord> {
  const abs = resolve(file);
  const url = options.url ?? pathToFileURL(abs).href;
  const raw = await readFile(abs, 'utf8');
  const captured = /\.txt$/i.test(abs) ? await captureText(raw, url, basename(abs)) : await captureHtml(raw, { url });
  const analysis = analyzeArticle({ text: captured.text, title: captured.title, lang: captured.lang, authors: captured.authors });
  return createArticleRecord(captured, analysis, { now: options.now });
}

async function main(argv: readonly string[]): Promise<number> {
  let args: ClipArgs;
  try {
    args = parseClipArgs(argv);
  } catch (e) {
    process.stderr.write(`clip: ${(e as Error).message}\n`);
    return 2;
  }
  let failed = 0;
  const records: ArticleRecord[] = [];
  for (const file of args.files) {
    try {
      const record = await clipFile(file, { url: args.url, now: Date.now() });
      if (args.feed) records.push(record);
      else process.stdout.write(JSON.stringify(record) + '\n');
    } catch (e) {
      failed++;
      const msg = e instanceof Error ? e.message : String(e);
      process.stderr.write(`clip: ${file}: ${msg.replace(/\s+/g, ' ')}\n`);
    }
  }
  if (args.feed) process.stdout.write(JSON.stringify(toFeed(records)) + '\n');
  return failed > 0 ? 1 : 0;
}

const invokedDirectly = process.argv[1] !== undefined && /clip\.[cm]?[jt]s$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`clip: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
