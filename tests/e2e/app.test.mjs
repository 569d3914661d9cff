// Browser end-to-end tests of the built dist/: every way a visitor opens Duibiao shows the five places,
// with no console error, no page error, no CSP violation and no request beyond the page's own origin.
// Run: `node --test tests/e2e/` after `trunk build --release` (scripts/test.sh does both).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { serve, STRICT_CSP } from '../../scripts/static-server.mjs';
import { DIST, PLACES, ROOT, WAIT_MS, guardedPage, launch, requireDist, screenshot, waitForPlaces } from './helpers.mjs';

// Set to false when the app side lands, so these tests count for real (node treats null as todo too).
const EMBED_TODO = false; // the app posting {type:"duibiao:height", height}
const PRERENDER_TODO = false; // #app filled with content in dist/index.html

const SIZES = [
  { width: 375, height: 667 },
  { width: 1280, height: 800 },
];
// Servers close themselves after this even if a test run is killed half-way.
const LIFETIME_MS = 10 * 60_000;

let browser;
let plain; // dist/ over http, no CSP header
let strict; // dist/ over http with the strict CSP header
const temps = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'duibiao-e2e-'));
  temps.push(d);
  return d;
};

before(async () => {
  requireDist();
  browser = await launch();
  plain = await serve(DIST, { maxLifetimeMs: LIFETIME_MS });
  strict = await serve(DIST, { csp: STRICT_CSP, maxLifetimeMs: LIFETIME_MS });
});

after(async () => {
  await browser?.close();
  await plain?.close();
  await strict?.close();
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

describe('over http', () => {
  for (const viewport of SIZES) {
    const size = `${viewport.width}x${viewport.height}`;
    test(`shows the five places at ${size}`, async () => {
      const { page, context, clean } = await guardedPage(browser, { allow: [plain.url, 'data:', 'blob:'], viewport });
      try {
        await page.goto(`${plain.url}/`);
        await waitForPlaces(page);
        await screenshot(page, `http-${size}`);
        // The page itself never scrolls sideways, even on a phone (wide tables scroll in their own box).
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page is ${overflow}px wider than the ${viewport.width}px viewport`);
        await clean();
      } finally {
        await context.close();
      }
    });
  }

  test('works under the strict CSP header, with no violation', async () => {
    const { page, context, clean } = await guardedPage(browser, { allow: [strict.url, 'data:', 'blob:'] });
    try {
      const res = await page.goto(`${strict.url}/index.html`);
      assert.equal(res.headers()['content-security-policy'], STRICT_CSP, 'the server sent the strict CSP');
      await waitForPlaces(page);
      await clean(); // includes securitypolicyviolation events and "Refused to ..." console errors
    } finally {
      await context.close();
    }
  });

  test('streams app-<hash>.wasm once, brotli-compressed, and asks for nothing outside dist/', async () => {
    const { page, context, clean } = await guardedPage(browser, { allow: [plain.url, 'data:', 'blob:'] });
    try {
      const asked = [];
      const encodings = {};
      page.on('request', (r) => asked.push(new URL(r.url()).pathname));
      page.on('response', (r) => { encodings[new URL(r.url()).pathname] = r.headers()['content-encoding']; });
      await page.goto(`${plain.url}/index.html`);
      await waitForPlaces(page);
      await clean();
      const files = new Set(fs.readdirSync(DIST).map((f) => `/${f}`));
      const stray = asked.filter((p) => p !== '/favicon.ico' && !files.has(p));
      assert.deepEqual(stray, [], 'every request is for a file in dist/');
      // Over http the wasm is its own file (compiled as it streams); its inline copy is for file://.
      // The server sends index.html with a Link preload header for it: one request, not two.
      const wasm = asked.filter((p) => p.endsWith('.wasm'));
      assert.equal(wasm.length, 1, `one .wasm request: ${asked}`);
      assert.match(wasm[0], /^\/app-[0-9a-f]{16}\.wasm$/);
      assert.equal(encodings[wasm[0]], 'br', 'the server compressed it and the browser took it');
      assert.ok(!asked.some((p) => /^\/w-/.test(p)), `the inline copy was not needed over http: ${asked}`);
    } finally {
      await context.close();
    }
  });
});

describe('accessibility', () => {
  for (const viewport of SIZES) {
    const size = `${viewport.width}x${viewport.height}`;
    test(`axe-core finds no serious or critical violation at ${size}`, async (t) => {
      const { page, context, clean } = await guardedPage(browser, { allow: [plain.url, 'data:', 'blob:'], viewport });
      try {
        await page.goto(`${plain.url}/`);
        await waitForPlaces(page);
        // Evaluated through the debugger protocol, so it needs no script-src exception.
        await page.evaluate(fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
        const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        const line = (v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`;
        for (const v of violations) t.diagnostic(line(v));
        const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        assert.deepEqual(bad.map(line), [], 'no serious or critical accessibility violation');
        await clean();
      } finally {
        await context.close();
      }
    });
  }
});

describe('offline, from file://', () => {
  for (const viewport of SIZES) {
    const size = `${viewport.width}x${viewport.height}`;
    test(`dist/index.html opened from the folder at ${size}`, async () => {
      const { page, context, clean } = await guardedPage(browser, { allow: ['file:', 'data:', 'blob:'], viewport });
      try {
        const asked = [];
        page.on('request', (r) => asked.push(path.basename(new URL(r.url()).pathname)));
        await page.goto(pathToFileURL(path.join(DIST, 'index.html')).href);
        await waitForPlaces(page);
        await clean();
        // No fetch from file://: the wasm comes as the classic script w-<hash>.js.
        assert.equal(asked.filter((f) => /^w-[0-9a-f]{16}\.js$/.test(f)).length, 1, `w-<hash>.js loaded: ${asked}`);
        assert.ok(!asked.some((f) => f.endsWith('.wasm')), `no .wasm request: ${asked}`);
      } finally {
        await context.close();
      }
    });

    test(`duibiao.html alone in an empty folder at ${size}`, async () => {
      const dir = tempDir();
      const file = path.join(dir, 'duibiao.html');
      fs.copyFileSync(path.join(DIST, 'duibiao.html'), file);
      const url = pathToFileURL(file).href;
      const { page, context, clean } = await guardedPage(browser, { allow: ['file:', 'data:', 'blob:'], viewport });
      try {
        const asked = [];
        page.on('request', (r) => asked.push(r.url()));
        await page.goto(url);
        await waitForPlaces(page);
        await clean();
        const beside = asked.filter((u) => u.startsWith('file:') && u !== url);
        assert.deepEqual(beside, [], 'the single file loads nothing beside itself');
      } finally {
        await context.close();
      }
    });
  }
});

describe('embedded in a host page', () => {
  test('the iframe grows to the widget height via duibiao:height messages', { todo: EMBED_TODO }, async () => {
    // A host site on another origin, as a government page embedding the widget would be.
    const dir = tempDir();
    const host = await serve(dir, { maxLifetimeMs: LIFETIME_MS });
    const INITIAL = 100;
    fs.writeFileSync(
      path.join(dir, 'index.html'),
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Host page</title></head>
<body style="margin:0"><p>某科技局网站 · host page</p>
<iframe id="duibiao" title="对标 Duibiao" src="${strict.url}/index.html?embed=1"
  style="display:block;width:100%;border:0;height:${INITIAL}px"></iframe>
<script src="host.js"></script></body></html>`,
    );
    // The few lines a host adds (README: embedding): trust only the widget's origin, apply the height.
    fs.writeFileSync(
      path.join(dir, 'host.js'),
      `addEventListener('message', function (e) {
  if (e.origin !== ${JSON.stringify(strict.url)} || !e.data || e.data.type !== 'duibiao:height') return;
  var h = Number(e.data.height);
  if (h > 0) document.getElementById('duibiao').style.height = Math.ceil(h) + 'px';
});\n`,
    );
    const { page, context, clean } = await guardedPage(browser, { allow: [host.url, strict.url, 'data:', 'blob:'] });
    try {
      await page.goto(`${host.url}/index.html`);
      const frame = await (await page.waitForSelector('#duibiao')).contentFrame();
      await waitForPlaces(frame);
      // Grown past its initial height, and tall enough that the widget needs no scrollbar of its own.
      await page.waitForFunction(
        (h) => document.getElementById('duibiao').getBoundingClientRect().height > h,
        INITIAL,
        { timeout: WAIT_MS, polling: 50 },
      );
      await frame.waitForFunction(
        () => document.documentElement.scrollHeight <= window.innerHeight + 1,
        null,
        { timeout: WAIT_MS, polling: 50 },
      );
      await screenshot(page, 'embed-1280x800');
      await clean();
    } finally {
      await context.close();
      await host.close();
    }
  });
});

describe('without JavaScript', () => {
  test('shows the prerendered content in #app', { todo: PRERENDER_TODO }, async () => {
    const { page, context, clean } = await guardedPage(browser, { allow: [plain.url, 'data:', 'blob:'], javaScriptEnabled: false });
    try {
      await page.goto(`${plain.url}/index.html`);
      const app = page.locator('#app');
      assert.equal(await app.count(), 1, 'dist/index.html has an element #app');
      const text = await app.innerText();
      assert.ok(text.includes(PLACES[0]), `#app shows ${PLACES[0]} before any script runs; it shows: ${text.slice(0, 300)}`);
      // And it says plainly that the interactive view needs a newer browser.
      const note = await page.locator('#app .static-note').innerText();
      assert.match(note, /JavaScript/, note);
      assert.ok(await page.locator('#app table').count() > 0, 'the pre-rendered comparison table is there');
      await clean();
    } finally {
      await context.close();
    }
  });
});
