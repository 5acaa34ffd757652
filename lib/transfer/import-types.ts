import type { ArticleRecord } from '../model';

/** The export formats ClipShelf reads. */
export type ImportFormat = 'pocket-csv' | 'pocket-html' | 'instapaper-csv' | 'omnivore-zip' | 'bookmarks-html' | 'clipshelf-backup';

/** Human names, for summaries. */
export const IMPORT_FORMAT_NAMES: Record<ImportFormat, string> = {
  'pocket-csv': 'Pocket export (CSV)',
  'pocket-html': 'Pocket export (ril_export.html)',
  'instapaper-csv': 'Instapaper CSV',
  'omnivore-zip': 'Omnivore export',
  'bookmarks-html': 'Bookmarks (HTML)',
  'clipshelf-backup': 'ClipShelf backup',
};

/** A file the user offered: its name and bytes (or text). */
export interface ImportFile {
  name: string;
  data: Uint8Array | string;
}

/** One highlight carried over from another app. */
export interface ImportHighlight {
  text: string;
  note?: string;
}

/** One article found in an export, before dedupe. */
export interface ImportItem {
  /** Where it was found ("part_000000.csv row 4"), for messages. */
  where: string;
  /** The address as the export gives it. */
  url: string;
  title: string;
  tags: string[];
  read: boolean;
  /** Epoch milliseconds the other app saved it, or null when unknown. */
  savedAt: number | null;
  /** Article HTML (untrusted) to capture and analyse, when the export carries content. */
  html?: string;
  /** Byline from the export, if any. */
  authors?: string[];
  highlights: ImportHighlight[];
  /** A whole record (ClipShelf backup). */
  record?: ArticleRecord;
}

/** Something left out, and why. */
export interface ImportSkip {
  file: string;
  /** The item inside the file ("row 7", a URL), when the problem is one item and not the whole file. */
  item?: string;
  reason: string;
}

export type ReadImportResult =
  | { ok: true; file: string; format: ImportFormat; items: ImportItem[]; skipped: ImportSkip[] }
  | { ok: false; file: string; error: string };

/** Caps that keep a hostile or absurd file cheap (zip bombs, million-row CSVs). */
export const IMPORT_LIMITS = {
  /** Largest file accepted, bytes. */
  maxFileBytes: 200 * 1024 * 1024,
  /** Largest total size of a zip's entries once unpacked, bytes. */
  maxUnzippedBytes: 400 * 1024 * 1024,
  /** Most entries read from one zip. */
  maxZipEntries: 50_000,
  /** Most items taken from one file. */
  maxItems: 100_000,
} as const;
