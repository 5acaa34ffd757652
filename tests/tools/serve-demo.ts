/**
 * The widget demo: makes the sample feed from the shipped sample articles (real capture + analysis
 * pipeline), serves a demo page with <clip-shelf> in its views and the embed snippet on 127.0.0.1,
 * and says where the extension builds are. Runs until Ctrl+C.
 *
 *   npm start                       (builds the extension and the widget first)
 *   PORT=8080 npx tsx tests/tools/serve-demo.ts
 *   npx tsx tests/tools/serve-demo.ts --once   (or DEMO_EXIT_AFTER_BUILD=1: build, serve, self-check, exit)
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmbedSnippet, type ClipShelfFeed } from '../../lib/feed';
import { buildWidget } from './build-widget';
import { demoScript, demoStyles, renderDemoPage } from './demo-page';
import { buildSampleFeed } from './make-sample-feed';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const widgetFile = join(root, 'dist/widget/clip-shelf.js');
const manifestFile = join(root, 'dist/widget/custom-elements.json');
const DEFAULT_PORT = 5178;
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

/** One served file; HTML gets a strict Content-Security-Policy unless `csp` is false (test pages that must prove escaping on their own). */
export interface DemoRoute {
  type: string;
  body: string | Buffer;
  csp?: boolean;
}

export interface DemoServer {
  url: string;
  feed: ClipShelfFeed;
  server: Server;
  close(): Promise<void>;
}

/** Starts the demo server on 127.0.0.1 (port 0 = any free port). Extra routes let tests serve their own pages. */
export async function startDemoServer(
  options: { port?: number; feed?: ClipShelfFeed; routes?: Record<string, DemoRoute> } = {},
): Promise<DemoServer> {
  if (!existsSync(widgetFile)) await buildWidget();
  const widget = readFileSync(widgetFile);
  const manifest = existsSync(manifestFile) ? readFileSync(manifestFile) : Buffer.from('{}');
  const feed = options.feed ?? (await buildSampleFeed());
  const feedJson = JSON.stringify(feed);
  const snippet = createEmbedSnippet({ scriptUrl: 'https://your.site/clip-shelf.js', feedUrl: 'https://your.site/clipshelf-feed.json' });
  const routes: Record<string, DemoRoute> = {
    '/': { type: 'text/html; charset=utf-8', body: renderDemoPage({ snippet }) },
    '/demo.js': { type: 'text/javascript; charset=utf-8', body: demoScript },
    '/demo.css': { type: 'text/css; charset=utf-8', body: demoStyles },
    '/clip-shelf.js': { type: 'text/javascript; charset=utf-8', body: widget },
    '/feed.json': { type: 'application/feed+json; charset=utf-8', body: feedJson },
    '/custom-elements.json': { type: 'application/json; charset=utf-8', body: manifest },
    ...options.routes,
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const route = routes[path];
    if (!route || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': route.type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...(route.type.startsWith('text/html') && route.csp !== false ? { 'content-security-policy': CSP } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : route.body);
  });
  const port = await listen(server, options.port ?? 0);
  return {
    url: `http://127.0.0.1:${port}/`,
    feed,
    server,
    close: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((done, fail) => {
    const onError = (error: NodeJS.ErrnoException) => {
      // The default port is taken: fall back to any free port rather than failing the demo.
      if (error.code === 'EADDRINUSE' && port === DEFAULT_PORT && !process.env.PORT) {
        server.listen(0, '127.0.0.1');
        return;
      }
      fail(error);
    };
    server.on('error', onError);
    server.on('listening', () => {
      server.off('error', onError);
      done((server.address() as AddressInfo).port);
    });
    server.listen(port, '127.0.0.1');
  });
}

async function main() {
  const once = process.argv.includes('--once') || process.env.DEMO_EXIT_AFTER_BUILD === '1';
  const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
  const demo = await startDemoServer({ port });
  const speakers = demo.feed.items.reduce((n, i) => n + i._clipshelf.speakers.length, 0);
  console.log(`ClipShelf widget demo: ${demo.url}`);
  console.log(`  sample feed: ${demo.url}feed.json (${demo.feed.items.length} articles, ${speakers} speakers)`);
  console.log(`  widget:      ${demo.url}clip-shelf.js (dist/widget/clip-shelf.js)`);
  for (const [name, dir] of [['Chrome', '.output/chrome-mv3'], ['Firefox', '.output/firefox-mv3']] as const) {
    const abs = join(root, dir);
    console.log(`  extension (${name}): ${abs}${existsSync(abs) ? '' : '  (not built yet: npm run build)'}`);
  }
  if (once) {
    const [page, feed] = await Promise.all([fetch(demo.url), fetch(`${demo.url}feed.json`)]);
    const ok = page.ok && feed.ok && (await page.text()).includes('<clip-shelf');
    await demo.close();
    console.log(ok ? 'demo self-check passed; exiting (--once)' : 'demo self-check FAILED');
    process.exit(ok ? 0 : 1);
  }
  console.log('Press Ctrl+C to stop.');
  const stop = () => {
    void demo.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
