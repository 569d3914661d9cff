// Tiny static file server for dist/ (scripts/serve.sh) and the e2e tests: 127.0.0.1 only, no network, optional CSP.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

// The strict policy a government site might serve the widget under (README: embedding, CSP).
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

// Compressed bodies by file, encoding and content: brotli at its best level takes about a second for
// the wasm, which a host does once (or ahead of time), not per request. Files over 1 MiB (the
// single file's source, loaded on demand) get a quicker level, so tests do not wait on them.
const packed = new Map();
function compressed(file, body, coding) {
  const key = `${coding} ${file}`;
  const hit = packed.get(key);
  if (hit && hit.raw.equals(body)) return hit.out;
  const out = coding === 'br'
    ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: body.length > 1 << 20 ? 5 : 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : zlib.gzipSync(body, { level: 9 });
  packed.set(key, { raw: body, out });
  return out;
}

/**
 * Serves `root` on 127.0.0.1. Options: port (0 = any free port), csp (header value or null),
 * gzip (compress text and wasm for clients that accept it, as any real host would: brotli when the
 * client takes it, else gzip; default on), preload (a `Link: rel=preload` header for the app's
 * wasm on pages, as a host can send; default on),
 * maxLifetimeMs (closes itself after that, so a forgotten server never lingers), log.
 * Resolves to { url, port, server, close(), requests } where requests lists every path asked for.
 */
export function serve(root, { port = 0, csp = null, gzip = true, preload = true, maxLifetimeMs = 0, log = false } = {}) {
  const base = path.resolve(root);
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname);
    let file = path.join(base, decodeURIComponent(url.pathname));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (log) console.log(`${req.method} ${url.pathname} ${err ? 404 : 200}`);
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const headers = {
        'content-type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      };
      if (csp) headers['content-security-policy'] = csp;
      // index.html asks for the app's wasm at once, before app.js runs (README: serving); not
      // duibiao.html, which carries its own.
      if (preload && path.basename(file) === 'index.html') {
        const wasm = fs.readdirSync(path.dirname(file)).find((f) => /^app-[0-9a-f]{16}\.wasm$/.test(f));
        if (wasm) headers.link = `<./${wasm}>; rel=preload; as=fetch; crossorigin`;
      }
      const accepts = req.headers['accept-encoding'] || '';
      const coding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
      if (gzip && coding && !/^image\/(?!svg)/.test(headers['content-type'])) {
        body = compressed(file, body, coding);
        headers['content-encoding'] = coding;
        headers.vary = 'accept-encoding';
      }
      res.writeHead(200, headers).end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      let timer;
      const close = () =>
        new Promise((done) => {
          clearTimeout(timer);
          server.closeAllConnections?.();
          server.close(() => done());
        });
      if (maxLifetimeMs > 0) {
        timer = setTimeout(close, maxLifetimeMs);
        timer.unref();
      }
      resolve({ url: `http://127.0.0.1:${actual}`, port: actual, server, close, requests });
    });
  });
}

// CLI: node scripts/static-server.mjs [dir=dist] [port=8080] [--no-csp]
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const dir = args[0] || 'dist';
  const port = Number(args[1] || process.env.PORT || 8080);
  const csp = process.argv.includes('--no-csp') ? null : STRICT_CSP;
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`static-server: ${dir}/index.html not found (build first: trunk build --release)`);
    process.exit(1);
  }
  const { url } = await serve(dir, { port, csp, log: true });
  console.log(`Serving ${path.resolve(dir)} on ${url}/ ${csp ? '(strict CSP header)' : '(no CSP)'}; Ctrl-C stops.`);
  console.log(`Offline copies: ${path.resolve(dir)}/index.html (whole folder) or ${path.resolve(dir)}/duibiao.html (one file).`);
}
