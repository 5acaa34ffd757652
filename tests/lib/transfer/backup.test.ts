import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../lib/model';
import { createBackup, parseBackup, serializeBackup } from '../../../lib/transfer';

const fixtures = join(__dirname, '..', '..', 'fixtures', 'imports');
const read = (p: string): string => readFileSync(join(fixtures, p), 'utf8');

const text = fc.string({ unit: 'binary', maxLength: 30 });
const num = fc.double({ noNaN: true, noDefaultInfinity: true });
const arbRecord: fc.Arbitrary<ArticleRecord> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 20 }),
    url: text, pageUrl: text, title: text, authors: fc.array(text, { maxLength: 3 }),
    published: fc.option(text, { nil: null }), modified: fc.option(text, { nil: null }),
    siteName: text, source: text, lang: text, excerpt: text, imageUrl: text,
    wordCount: fc.nat(), readingMinutes: fc.nat(), contentHash: text,
    savedAt: num, updatedAt: fc.option(num, { nil: null }), tags: fc.array(text, { maxLength: 4 }),
    read: fc.boolean(), state: fc.constantFrom('saved' as const, 'pending' as const),
    analysis: fc.record({
      speakers: fc.array(fc.record({
        name: text, aliases: fc.array(text, { maxLength: 2 }), role: text,
        kind: fc.constantFrom('person' as const, 'organization' as const, 'unnamed' as const),
        statements: fc.array(fc.record({ text, kind: fc.constantFrom('direct' as const, 'indirect' as const), cue: text, start: fc.integer(), end: fc.integer() }), { maxLength: 2 }),
      }), { maxLength: 3 }),
      topics: fc.array(fc.record({ label: text, score: num }), { maxLength: 3 }),
      summary: text, lang: text,
    }),
    speakerKeys: fc.array(text, { maxLength: 3 }), topicKeys: fc.array(text, { maxLength: 3 }),
    html: fc.string({ maxLength: 200 }), body: fc.string({ maxLength: 200 }),
  })
  .map(({ html, body, ...r }) => ({ ...r, content: { id: r.id, html, text: body } }));

describe('backup', () => {
  it('backup → restore → backup is identical (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbRecord, { selector: (r) => r.id, maxLength: 8 }), fc.integer({ min: 0, max: 4e12 }), (records, now) => {
        const first = serializeBackup(createBackup(records, { now }));
        const parsed = parseBackup(first);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.backup.articles).toHaveLength(records.length);
        const second = serializeBackup(createBackup(parsed.backup.articles, { now }));
        expect(second).toBe(first);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every field of a real record', () => {
    const parsed = parseBackup(read('backup/clipshelf-backup.json'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [a] = parsed.backup.articles;
    expect(a!.analysis.speakers[0]!.statements[0]!.cue).toBe('said');
    expect(a!.content.html).toContain('green space');
    expect(a!.tags).toEqual(['city']);
    expect(parsed.backup.articles[2]!.state).toBe('pending');
  });

  it.each([
    ['broken/truncated-backup.json', /cut short/],
    ['broken/backup-count-mismatch.json', /count: the file says 5 articles but holds 3/],
    ['broken/backup-wrong-types.json', /articles\[0\]\.savedAt: expected a number, found text/],
    ['broken/backup-newer-version.json', /newer ClipShelf \(format version 7\)/],
    ['broken/feed.json', /not a ClipShelf backup/],
  ])('rejects %s whole, saying what is wrong', (file, message) => {
    const parsed = parseBackup(read(file));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.join('\n')).toMatch(message);
  });

  it('lists every wrong field of a record, with its path', () => {
    const parsed = parseBackup(read('broken/backup-wrong-types.json'));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual(expect.arrayContaining([
      'articles[0].savedAt: expected a number, found text',
      'articles[0].tags: expected a list of text, found text',
      'articles[0].read: expected true or false, found text',
    ]));
  });

  it('rejects non-objects, wrong formats and duplicate ids', () => {
    expect(parseBackup('[]')).toMatchObject({ ok: false });
    expect(parseBackup(42)).toMatchObject({ ok: false });
    expect(parseBackup('{"format":"other","version":1}')).toMatchObject({ ok: false });
    const good = JSON.parse(read('backup/clipshelf-backup.json'));
    good.articles[1].id = good.articles[0].id;
    const dup = parseBackup(good);
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.errors.join()).toMatch(/duplicate id/);
  });
});
