/**
 * Builds the standalone widget: dist/widget/clip-shelf.js (one minified ES module, Lit's production
 * build included; esbuild bundles, terser compresses) and dist/widget/custom-elements.json (Custom Elements Manifest from the JSDoc tags).
 * Prints the raw and gzipped sizes; warns when the gzipped module exceeds the 15 KB budget.
 *
 *   npm run build:widget
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { minify } from 'terser';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = join(root, 'dist/widget');
const outFile = join(outDir, 'clip-shelf.js');
const BUDGET_GZIP = 15 * 1024;

/**
 * Collapses whitespace in the html`…` and css`…` templates of our components (esbuild leaves template
 * text alone). A small scanner that knows comments, strings and nested `${…}` expressions; regex
 * literals are not tracked, so it only runs on components/ whose regexes hold no quotes or backticks.
 */
export function minifyTemplates(source: string): string {
  let out = '';
  let i = 0;
  // Each frame: a template (minify or not) or an expression inside one (with its brace depth).
  const stack: ({ kind: 'template'; minify: 'html' | 'css' | null } | { kind: 'expr'; depth: number })[] = [];
  const top = () => stack[stack.length - 1];
  while (i < source.length) {
    const frame = top();
    if (frame?.kind === 'template') {
      let text = '';
      while (i < source.length && source[i] !== '`' && !(source[i] === '$' && source[i + 1] === '{')) {
        if (source[i] === '\\') text += source[i++]!;
        text += source[i++]!;
      }
      out += frame.minify ? collapse(text, frame.minify) : text;
      if (source[i] === '`') {
        out += '`';
        i++;
        stack.pop();
      } else if (i < source.length) {
        out += '${';
        i += 2;
        stack.push({ kind: 'expr', depth: 0 });
      }
      continue;
    }
    const c = source[i]!;
    if (c === '/' && source[i + 1] === '/') {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
    } else if (c === '`') {
      const tag = /(html|css)\s*$/.exec(out)?.[1];
      stack.push({ kind: 'template', minify: tag === 'html' || tag === 'css' ? tag : null });
      out += c;
      i++;
    } else {
      if (frame?.kind === 'expr') {
        if (c === '{') frame.depth++;
        else if (c === '}' && frame.depth-- === 0) {
          stack.pop();
          out += c;
          i++;
          continue;
        }
      }
      out += c;
      i++;
    }
  }
  return out;
}

function collapse(text: string, kind: 'html' | 'css'): string {
  // Whitespace with a line break right after or before a tag is source formatting: drop it. Spaces within a line
  // are kept (they separate inline content), and so is whitespace between bindings (it separates attributes);
  // a meaningful leading space is written as &#32; in the source.
  if (kind === 'html')
    return text
      .replace(/>\s*\n\s*/g, '>')
      .replace(/\s*\n\s*</g, '<')
      .replace(/\s+/g, ' ');
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .replace(/ !important/g, '!important')
    // 0.5rem → .5rem, -0.15rem → -.15rem (a "0." after a value separator or minus; "10.5" is left alone).
    .replace(/([\s:,(-])0\.(\d)/g, '$1.$2');
}

const minifyTemplatesPlugin: Plugin = {
  name: 'minify-templates',
  setup(b) {
    b.onLoad({ filter: /[\\/]components[\\/][^\\/]*\.ts$/ }, (args) => ({
      contents: minifyTemplates(readFileSync(args.path, 'utf8')),
      loader: 'ts',
    }));
  },
};

interface CemManifest {
  modules: {
    declarations?: {
      attributes?: { name: string; fieldName?: string }[];
      members?: { name: string; privacy?: string; attribute?: string }[];
    }[];
  }[];
}

export async function buildWidget(): Promise<{ bytes: number; gzipBytes: number }> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const bundled = await build({
    entryPoints: [join(root, 'components/index.ts')],
    outfile: outFile,
    write: false,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    charset: 'utf8',
    // esbuild folds constants and mangles our private names; terser (below) does the rest: its compressor and
    // mangler give about 0.45 KB less gzip than esbuild's `minify` on this bundle.
    minifySyntax: true,
    // Lit's package exports pick its production build unless the "development" condition is set.
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    // Lit's three @license blocks, as one line.
    legalComments: 'none',
    // Our components' private members end in "_" (a convention for this); Lit has no such names.
    mangleProps: /[^_]_$/,
    plugins: [minifyTemplatesPlugin],
    logLevel: 'warning',
  });
  const minified = await minify(bundled.outputFiles[0]!.text, {
    module: true,
    ecma: 2020,
    compress: { passes: 3 },
    mangle: true,
    format: {
      comments: false,
      ascii_only: false,
      preamble: '/*! ClipShelf widget. Includes Lit: Copyright 2017-2022 Google LLC, SPDX-License-Identifier: BSD-3-Clause */',
    },
  });
  if (minified.code === undefined) throw new Error('terser produced no output');
  writeFileSync(outFile, minified.code + '\n');
  const code = readFileSync(outFile);
  const gzipBytes = gzipSync(code, { level: 9 }).length;

  // Custom Elements Manifest from the components' JSDoc (@summary @fires @csspart @cssproperty @slot).
  const cem = join(root, 'node_modules/.bin/cem');
  execFileSync(
    cem,
    ['analyze', '--litelement', '--globs', 'components/clip-shelf.ts', 'components/clip-article-card.ts',
      'components/clip-speaker-list.ts', 'components/clip-topic-chips.ts', '--outdir', relative(root, outDir)],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const manifest = JSON.parse(readFileSync(join(outDir, 'custom-elements.json'), 'utf8')) as CemManifest;
  // Lit's internal reactive state (protected/private fields) is not an attribute anyone should set.
  for (const mod of manifest.modules)
    for (const decl of mod.declarations ?? []) {
      const hidden = new Set((decl.members ?? []).filter((m) => m.privacy && m.privacy !== 'public').map((m) => m.name));
      decl.attributes = decl.attributes?.filter((a) => !a.fieldName || !hidden.has(a.fieldName));
      for (const m of decl.members ?? []) if (hidden.has(m.name)) delete m.attribute;
    }
  writeFileSync(join(outDir, 'custom-elements.json'), JSON.stringify(manifest, null, 2) + '\n');
  return { bytes: code.length, gzipBytes };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { bytes, gzipBytes } = await buildWidget();
  const kb = (n: number) => (n / 1024).toFixed(2) + ' KB';
  console.log(`dist/widget/clip-shelf.js: ${kb(bytes)} minified, ${kb(gzipBytes)} gzipped (budget ${kb(BUDGET_GZIP)})`);
  console.log('dist/widget/custom-elements.json written');
  if (gzipBytes > BUDGET_GZIP) console.warn(`warning: over the ${kb(BUDGET_GZIP)} gzip budget by ${kb(gzipBytes - BUDGET_GZIP)}`);
}
