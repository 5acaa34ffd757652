import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** The absolute URL of a path on this server. */
  url(path: string): string;
  close(): Promise<void>;
}

/** Serves `handler` over HTTP on 127.0.0.1 only, on a free port; close() also drops kept-alive connections. */
export async function listenLocally(handler: RequestListener): Promise<StaticServer> {
  const server = createServer(handler);
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
