import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { type AddressInfo } from 'node:net';
import { APP_ORIGIN, resolveAppRequest } from '../../src/main/app/protocol';
import { CONTENT_SECURITY_POLICY } from '../../src/main/app/csp';
import { serveFontRoute } from '../../src/main/ipc/handlers/fonts';

// The Chromium host's stand-in for the app:// protocol: the built renderer over loopback HTTP
// (file:// is blocked cross-origin), resolved by the same traversal-refusing function and sent
// with the same CSP header.

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export async function serveRenderer(rendererDir: string): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      const pathOnly = (req.url ?? '/').split('?')[0] ?? '/';
      // Font bytes: the main process's own route, as the app:// protocol serves it in Electron.
      const font = await serveFontRoute(pathOnly);
      if (font) {
        if (font.status === 200) {
          res.writeHead(200, font.headers);
          if (req.method !== 'HEAD') for (const c of font.chunks) res.write(c);
          res.end();
        } else res.writeHead(font.status, { 'content-type': 'text/plain; charset=utf-8' }).end(font.reason);
        return;
      }
      const r = resolveAppRequest(APP_ORIGIN + pathOnly, rendererDir);
      if (!r.ok) {
        res.writeHead(r.status).end();
        return;
      }
      try {
        const body = await readFile(r.filePath);
        res.writeHead(200, { 'content-type': r.mimeType, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
