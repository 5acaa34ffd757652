/**
 * Speaker benchmark: runs the real `clip` CLI (a child process) over every page that has a gold
 * file in ../shared/bench/speakers-dev, writes OUTDIR/PAGE.json, and scores the outputs with the
 * shared scorer ../shared/bench/eval-speakers.mjs, whose figures it prints.
 *
 *   npm run bench:speakers [-- --out DIR] [-- --json]
 *
 * PAGE is a folder of ../shared/fixtures/readability-pages/ (its source.html), except
 * stdaily-trilateral-summit, which is ../shared/fixtures/pages/stdaily-trilateral-summit.html.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shared = resolve(repo, '../shared');
const goldDir = join(shared, 'bench/speakers-dev');
const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
const outDir = outIdx >= 0 && args[outIdx + 1] ? resolve(args[outIdx + 1] as string) : mkdtempSync(join(tmpdir(), 'bench-speakers-'));
mkdirSync(outDir, { recursive: true });

function pageSource(page: string): string {
  if (page === 'stdaily-trilateral-summit') return join(shared, 'fixtures/pages/stdaily-trilateral-summit.html');
  return join(shared, 'fixtures/readability-pages', page, 'source.html');
}

const pages = readdirSync(goldDir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const tsx = join(repo, 'node_modules/.bin/tsx');
const cli = join(repo, 'lib/cli/clip.ts');
let failures = 0;
const started = process.hrtime.bigint();

/** Runs the CLI on one page (a real child process, as a user would) and stores its record. */
function clipPage(page: string): Promise<void> {
  const src = pageSource(page);
  if (!existsSync(src)) {
    console.error(`bench-speakers: missing page ${src}`);
    failures++;
    return Promise.resolve();
  }
  return new Promise((done) => {
    // The URL a reader would have saved; the page name stands in for it.
    execFile(tsx, [cli, src, '--url', `https://example.org/${page}`], { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err || !stdout.trim()) {
        console.error(`bench-speakers: clip failed on ${page}: ${String(stderr).trim() || String(err)}`);
        failures++;
      } else writeFileSync(join(outDir, `${page}.json`), stdout.trim() + '\n');
      done();
    });
  });
}

// A few CLI processes at a time: each page is still its own `clip` run.
const queue = [...pages];
await Promise.all(
  Array.from({ length: Math.min(4, queue.length) }, async () => {
    for (let page = queue.shift(); page !== undefined; page = queue.shift()) await clipPage(page);
  }),
);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`clip CLI over ${pages.length} pages in ${seconds.toFixed(1)} s; outputs in ${outDir}`);
const scorer = spawnSync(process.execPath, [join(shared, 'bench/eval-speakers.mjs'), '--gold', goldDir, '--out', outDir, ...(args.includes('--json') ? ['--json'] : [])], {
  cwd: repo,
  encoding: 'utf8',
});
process.stdout.write(scorer.stdout);
if (scorer.stderr) process.stderr.write(scorer.stderr);
process.exitCode = failures > 0 || scorer.status !== 0 ? 1 : 0;
