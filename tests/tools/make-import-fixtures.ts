/**
 * Writes the sample export files under tests/fixtures/imports/ (small, realistic, some deliberately broken).
 * Zip files are built here so their content is reviewable as text; re-run after editing:
 *   npx tsx tests/tools/make-import-fixtures.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'imports');
const mtime = new Date(Date.UTC(2026, 10, 1));
const write = (path: string, data: string | Uint8Array): void => {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, data);
};
const zip = (files: Record<string, string | Uint8Array>): Uint8Array =>
  zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [typeof v === 'string' ? strToU8(v) : v, { mtime }]])));

// --- Pocket (2025 CSV export: a zip of part_*.csv plus annotations/*.json) ---
const pocketPart0 = [
  'title,url,time_added,tags,status',
  'Council approves riverside park plan,https://news.example.org/2026/11/riverside-park?utm_source=pocket_saves,1763631000,city|parks,unread',
  '"Rates, inflation and you: what the bank decided",https://finance.example.com/rates-decision,1763544600,economy,archive',
  'How to grow tomatoes on a balcony,https://garden.example.net/tomatoes,1763458200,,unread',
  'Bookmarklet,javascript:alert(document.cookie),1763371800,,unread',
  '"Scientists map the ""dark"" ocean floor",https://science.example.org/ocean-floor#comments,1763285400,science|ocean|maps,archive',
].join('\n');
const pocketPart1 = [
  'title,url,time_added,tags,status',
  'Council approves riverside park plan (dup),https://news.example.org/2026/11/riverside-park,1763000000,local,archive',
  'Empty url row,,1763000001,,unread',
  'Night trains are back,https://travel.example.com/night-trains,1762900000,travel|trains,unread',
].join('\n');
const pocketAnnotations = JSON.stringify([
  {
    url: 'https://science.example.org/ocean-floor#comments',
    title: 'Scientists map the "dark" ocean floor',
    highlights: [{ quote: 'Only a quarter of the ocean floor has been mapped in high resolution.', created_at: 1763285500 }],
  },
  { url: 'https://unknown.example/', highlights: [{ quote: 'orphan', created_at: 1 }] },
]);
write('pocket/pocket-export.zip', zip({ 'part_000000.csv': pocketPart0, 'part_000001.csv': pocketPart1, 'annotations/part_000000.json': pocketAnnotations }));
write('pocket/part_000000.csv', pocketPart0 + '\n');

write('pocket/ril_export.html', `<!DOCTYPE html>
<html>
<!--So long and thanks for all the fish-->
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<title>Pocket Export</title>
</head>
<body>
<h1>Unread</h1>
<ul>
<li><a href="https://news.example.org/2026/11/riverside-park" time_added="1763631000" tags="city,parks">Council approves riverside park plan</a></li>
<li><a href="https://travel.example.com/night-trains" time_added="1762900000" tags="">Night trains are back</a></li>
<li><a href="https://music.example.com/review?id=7&amp;lang=en" time_added="1762800000" tags="music">Album review: &lt;b&gt;Loud&lt;/b&gt; &amp; clear</a></li>
</ul>

<h1>Read Archive</h1>
<ul>
<li><a href="https://finance.example.com/rates-decision" time_added="1763544600" tags="economy">Rates, inflation and you</a></li>
<li><a href="mailto:someone@example.com" time_added="1763544601" tags="">Not a page</a></li>
</ul>
</body>
</html>
`);

// --- Instapaper CSV ---
write('instapaper/instapaper-export.csv', [
  'URL,Title,Selection,Folder,Timestamp,Tags',
  'https://news.example.org/2026/11/riverside-park,Council approves riverside park plan,"""This is the most important green space decision we have made in a generation""",Unread,1763631000,"[""city"",""parks""]"',
  'https://finance.example.com/rates-decision,"Rates, inflation and you",,Archive,1763544600,[]',
  'https://longreads.example.com/the-lighthouse,The last lighthouse keeper,,Starred,1763400000,"[""longread""]"',
  'https://cooking.example.com/bread,Bread in one hour,,Recipes,1763300000,[]',
  'ftp://files.example.com/report.pdf,Quarterly report,,Unread,1763200000,[]',
].join('\r\n') + '\r\n');
write('instapaper/instapaper-old.csv', [
  'URL,Title,Selection,Folder,Timestamp',
  'https://travel.example.com/night-trains,Night trains are back,,Unread,1762900000',
  'https://science.example.org/ocean-floor,Scientists map the ocean floor,,Archive,1763285400',
].join('\n') + '\n');

// --- Omnivore export zip ---
const omnivoreMeta = [
  {
    id: '1b0c7a9e-0000-4000-8000-000000000001', slug: 'council-approves-riverside-park-18c1', title: 'Council approves riverside park plan',
    description: 'The council approved a new riverside park.', author: 'Jane Reporter', url: 'https://news.example.org/2026/11/riverside-park',
    state: 'Archived', readingProgress: 100, thumbnail: 'https://news.example.org/img/park.jpg', labels: ['city', 'parks'],
    savedAt: '2026-11-20T09:40:00.000Z', updatedAt: '2026-11-21T10:00:00.000Z', publishedAt: '2026-11-20T09:30:00.000Z',
  },
  {
    id: '1b0c7a9e-0000-4000-8000-000000000002', slug: 'hostile-page-77aa', title: 'A page that fights back', description: '', author: '',
    url: 'https://hostile.example.com/story', state: 'Succeeded', readingProgress: 10, labels: [{ name: 'security' }],
    savedAt: '2026-11-19T08:00:00.000Z',
  },
  {
    id: '1b0c7a9e-0000-4000-8000-000000000003', slug: 'link-only-9f9f', title: 'Saved but never fetched', url: 'https://later.example.com/post',
    state: 'Succeeded', readingProgress: 0, labels: [], savedAt: '2026-11-18T08:00:00.000Z',
  },
  { id: 'x4', slug: 'deleted-1', title: 'Deleted one', url: 'https://deleted.example.com/', state: 'Deleted', savedAt: '2026-11-17T08:00:00.000Z' },
  { id: 'x5', slug: '../../etc/passwd', title: 'Bad slug', url: 'https://slug.example.com/a', state: 'Succeeded', savedAt: '2026-11-16T08:00:00.000Z' },
];
const para = (s: string): string => `<p>${s}</p>`;
const parkHtml = `<!DOCTYPE html><html lang="en"><head><title>Council approves riverside park plan</title></head><body><article><h1>Council approves riverside park plan</h1>
${[
  'The city council voted on Tuesday to approve a new riverside park, ending a debate that had divided residents for nearly three years.',
  '"This is the most important green space decision we have made in a generation," said Maria Delgado, the council member who sponsored the plan.',
  'Opponents argued that the project would raise property taxes and displace the weekend market. The market association said it would appeal.',
  'According to the city budget office, the first phase will cost about 42 million dollars, most of it paid by a state grant.',
  'Tom Becker, who chairs the residents association, said the group welcomed the compromise. "Promises are cheap until the bills arrive," he said.',
  'The council will publish the final design in January, followed by a four-week consultation period.',
].map(para).join('\n')}</article></body></html>`;
const hostileHtml = `<!DOCTYPE html><html><head><title>A page that fights back</title><link rel="canonical" href="https://evil.example/other"></head><body><article>
<h1>A page that fights back</h1>
${[
  'This article was saved by Omnivore from a site that embeds hostile markup between its paragraphs, to check that import sanitizes it.',
  '<img src=x onerror="__clipCanary(9001)"> The harbour authority said on Monday that the new ferry terminal would open in March, two months late.',
  '<script>__clipCanary(9002)</script>"We had to redo the foundations," said Anna Berg, the authority\'s chief engineer. "Safety comes first."',
  '<a href="javascript:__clipCanary(9003)">Read more</a> Passenger numbers are expected to double within five years, according to the ministry of transport.',
  '<svg onload="__clipCanary(9004)"></svg><iframe src="javascript:__clipCanary(9005)"></iframe> Local businesses welcomed the news.',
].map(para).join('\n')}</article></body></html>`;
write('omnivore/omnivore-export.zip', zip({
  'metadata_0_to_4.json': JSON.stringify(omnivoreMeta, null, 2),
  'content/council-approves-riverside-park-18c1.html': parkHtml,
  'content/hostile-page-77aa.html': hostileHtml,
  'highlights/council-approves-riverside-park-18c1.md': '> This is the most important green space decision we have made in a generation [⤴️](https://omnivore.app/me/council-approves-riverside-park-18c1#1)\n\nGood quote for the newsletter.\n\n> The market association said it would appeal. [⤴️](https://omnivore.app/me/x#2)\n',
}));

// --- Netscape bookmarks (Chrome/Firefox "Export bookmarks") ---
write('bookmarks/bookmarks.html', `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<!-- This is an automatically generated file.
     It will be read and overwritten.
     DO NOT EDIT! -->
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
    <DT><H3 ADD_DATE="1700000000" LAST_MODIFIED="1763000000" PERSONAL_TOOLBAR_FOLDER="true">Bookmarks bar</H3>
    <DL><p>
        <DT><A HREF="https://news.example.org/2026/11/riverside-park" ADD_DATE="1763631000">Council approves riverside park plan</A>
        <DT><H3 ADD_DATE="1700000000">Reading list</H3>
        <DL><p>
            <DT><A HREF="https://longreads.example.com/the-lighthouse" ADD_DATE="1763400000" TAGS="longread,sea">The last lighthouse keeper</A>
            <DT><A HREF="https://science.example.org/ocean-floor" ADD_DATE="1763285400">Scientists map the &quot;dark&quot; ocean floor</A>
        </DL><p>
        <DT><A HREF="javascript:(function(){alert(1)})()" ADD_DATE="1700000001">My bookmarklet</A>
    </DL><p>
    <DT><H3 ADD_DATE="1700000000">Other bookmarks</H3>
    <DL><p>
        <DT><A HREF="place:sort=8&amp;maxResults=10" ADD_DATE="1700000002">Recently bookmarked</A>
        <DT><A HREF="https://cooking.example.com/bread" ADD_DATE="1763300000" ICON="data:image/png;base64,iVBORw0KGgo=">Bread in one hour</A>
    </DL><p>
</DL><p>
`);

// --- ClipShelf backup ---
const rec = (id: string, url: string, title: string, html: string, text: string, savedAt: number, extra: Record<string, unknown> = {}) => ({
  id, url, pageUrl: url, title, authors: ['Jane Reporter'], published: '2026-11-20T09:30:00Z', modified: null, siteName: 'Riverside Gazette',
  source: '', lang: 'en', excerpt: text.slice(0, 80), imageUrl: '', wordCount: text.split(/\s+/).length, readingMinutes: 1,
  contentHash: 'c'.repeat(64), savedAt, updatedAt: null, tags: ['city'], read: false, state: 'saved',
  analysis: {
    speakers: [{ name: 'Maria Delgado', aliases: ['Delgado'], role: 'council member', kind: 'person', statements: [{ text: 'This is the most important green space decision', kind: 'direct', cue: 'said', start: 1, end: 48 }] }],
    topics: [{ label: 'riverside park', score: 0.9 }], summary: text.slice(0, 120), lang: 'en',
  },
  speakerKeys: ['maria delgado'], topicKeys: ['riverside park'],
  content: { id, html, text },
  ...extra,
});
const backup = {
  format: 'clipshelf-backup', version: 1, createdAt: '2026-11-28T10:00:00.000Z', count: 3,
  articles: [
    rec('a0000000000000001', 'https://news.example.org/2026/11/riverside-park', 'Council approves riverside park plan',
      '<p>"This is the most important green space decision we have made in a generation," said Maria Delgado.</p>',
      '"This is the most important green space decision we have made in a generation," said Maria Delgado.', 1763631000000),
    rec('a0000000000000002', 'https://hostile.example.com/backup', 'Backup with <img src=x onerror=__clipCanary(9101)> in the title',
      '<p>Edited backup <img src=x onerror="__clipCanary(9102)"><script>__clipCanary(9103)</script><a href="javascript:__clipCanary(9104)">x</a></p>',
      'Edited backup', 1763631000001, { imageUrl: 'javascript:__clipCanary(9105)', read: true, tags: ['<b>tag</b>'] }),
    rec('a0000000000000003', 'https://later.example.com/post', 'Pending link', '', '', 1763631000002, { state: 'pending', analysis: { speakers: [], topics: [], summary: '', lang: '' }, speakerKeys: [], topicKeys: [] }),
  ],
};
const backupText = JSON.stringify(backup, null, 1) + '\n';
write('backup/clipshelf-backup.json', backupText);

// --- Broken and foreign files: each must be rejected whole, with a message saying what is wrong ---
write('broken/truncated-backup.json', backupText.slice(0, Math.floor(backupText.length * 0.6)));
write('broken/backup-count-mismatch.json', JSON.stringify({ ...backup, count: 5 }));
write('broken/backup-wrong-types.json', JSON.stringify({ ...backup, articles: [{ ...backup.articles[0], savedAt: 'yesterday', tags: 'city', read: 'no' }, ...backup.articles.slice(1)] }));
write('broken/backup-newer-version.json', JSON.stringify({ ...backup, version: 7 }));
const pocketZip = zip({ 'part_000000.csv': pocketPart0 });
write('broken/pocket-truncated.zip', pocketZip.slice(0, Math.floor(pocketZip.length / 2)));
write('broken/not-really.zip', 'this is a text file with a .zip name\n');
write('broken/instapaper-bad-quotes.csv', 'URL,Title,Selection,Folder,Timestamp\nhttps://a.example.com/,"Unclosed title,,Unread,1763631000\nhttps://b.example.com/,Fine,,Unread,1763631001\n');
write('broken/foreign.csv', 'name,email,phone\nAda,ada@example.com,123\n');
write('broken/empty.csv', '');
write('broken/image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]));
write('broken/feed.json', JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'My ClipShelf', _clipshelf: { version: 1 }, items: [] }));
write('broken/omnivore-bad-metadata.zip', zip({ 'metadata_0_to_1.json': '[{"id":"1","url":"https://a.example.com/"', 'content/a.html': '<p>x</p>' }));
write('broken/unrelated.zip', zip({ 'photo.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'notes.txt': 'hello' }));
write('broken/random.html', '<!DOCTYPE html><html><head><title>Just a page</title></head><body><p>Hello</p></body></html>');
console.log(`wrote fixtures under ${root}`);
