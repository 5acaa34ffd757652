import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenLocally, type StaticServer } from './listen-locally';

/** A response body held in memory. */
export interface ServedFile {
  type: string;
  body: string | Buffer;
}

export interface ServeFilesOptions {
  /** Sees every request first; returns true when it has answered it (e.g. a canary endpoint). */
  intercept?(url: URL, req: IncomingMessage, res: ServerResponse): boolean;
}

/**
 * Serves `files` (URL path → body; read at each request, so the map may grow during the test) on 127.0.0.1 only.
 * Unknown paths give 404.
 */
export function serveFiles(files: ReadonlyMap<string, ServedFile>, options: ServeFilesOptions = {}): Promise<StaticServer> {
  return listenLocally((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (options.intercept?.(url, req, res)) return;
    const file = files.get(url.pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
}
