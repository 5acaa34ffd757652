/**
 * lib/transfer: the library comes in and goes out — backup/restore (one versioned JSON file), Markdown export
 * (one .md per article with YAML front matter, zipped), and imports from Pocket, Instapaper, Omnivore, browser
 * bookmarks and ClipShelf backups, planned purely (`planImport`) and stored by the caller in one transaction.
 */
export { createBackup, serializeBackup, parseBackup, backupFileName, BACKUP_FORMAT, BACKUP_VERSION } from './backup';
export type { ClipShelfBackup, CreateBackupOptions, ParseBackupResult } from './backup';
export { htmlToMarkdown, escapeMarkdownText } from './html-to-markdown';
export type { HtmlToMarkdownOptions, ParseHtml } from './html-to-markdown';
export { toMarkdown, toMarkdownFiles, toFrontMatter, createMarkdownZip, slugify } from './markdown-export';
export type { MarkdownFile, MarkdownFrontMatter } from './markdown-export';
export { readImportFile, decodeText } from './read-import-file';
export { planImport, summarizeImport } from './plan-import';
export type { ImportDeps, ImportPlan, ImportFileSummary, MergedItem, PlanImportOptions } from './plan-import';
export { createBrowserImportDeps } from './browser-import-deps';
export { IMPORT_FORMAT_NAMES, IMPORT_LIMITS } from './import-types';
export type { ImportFile, ImportFormat, ImportHighlight, ImportItem, ImportSkip, ReadImportResult } from './import-types';
export { applyImportPlan, readLibrary } from './apply-import-plan';
