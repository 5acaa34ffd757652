import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { listenLocally, type StaticServer } from './listen-locally';

export type { StaticServer } from './listen-locally';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

export interface ServeOptions {
  /** Extra URL paths mapped to files anywhere (e.g. '/news/seed.html' → a fixture file). */
  routes?: Record<string, string>;
}

/**
 * Serves `root` (and `routes`) over HTTP on 127.0.0.1 only, on a free port (listenLocally). Paths cannot escape `root`.
 * Unknown paths give 404; only GET/HEAD.
 */
export async function serveDirectory(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const base = resolve(root);
  const routes = options.routes ?? {};
  return listenLocally((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    let file = routes[path];
    if (!file) {
      const candidate = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
      if (candidate === base || candidate.startsWith(base + sep)) file = candidate;
    }
    let size = -1;
    try {
      const stat = file ? statSync(file) : null;
      if (stat?.isFile()) size = stat.size;
    } catch {
      size = -1;
    }
    if (!file || size < 0 || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
}
