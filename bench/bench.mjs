// Benchmark helper for bench/bench.sh: page weight of dist/ and start-up time in headless Chromium
// (4x CPU throttling; file:// and http over a slow network), printed as markdown tables.
// Usage: node bench/bench.mjs [dist] [runs=5]; BENCH_ONLY=ratios|add|scale for one table.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { serve } from '../scripts/static-server.mjs';
import { launch } from '../tests/e2e/helpers.mjs';

const dist = path.resolve(process.argv[2] || 'dist');
const RUNS = Number(process.argv[3] || 5);
const CPU_SLOWDOWN = 4;
// Roughly DevTools' "Fast 3G": what a phone on a weak connection gets.
const SLOW_NET = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };
const SLOW_NET_LABEL = '1.6 Mbit/s down, 150 ms latency, brotli';
// "First content": the first comparison table, or for now the list of places/documents.
const READY = process.env.BENCH_READY_SELECTOR || 'table, main li';
const TIMEOUT_MS = 60_000;

// ---- page weight ----

const kib = (n) => (n / 1024).toFixed(1);
const weigh = (buf) => ({
  raw: buf.length,
  gzip: zlib.gzipSync(buf, { level: 9 }).length,
  brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

/**
 * Files a visitor of index.html over http downloads: the page, every local file it references and
 * the .wasm app.js streams.
 */
function visitorFiles() {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script|link|img)\b[^>]*\b(?:src|href)=["']?([^"'\s>]+)/gi)]
    .map((m) => m[1])
    .filter((u) => !/^(?:[a-z]+:|\/\/|#)/i.test(u))
    .map((u) => u.split(/[?#]/)[0].replace(/^\.?\//, ''));
  const wasm = fs.readdirSync(dist).filter((f) => /^app-[0-9a-f]{16}\.wasm$/.test(f));
  return ['index.html', ...new Set(refs), ...wasm];
}

function weightTable() {
  const rows = [];
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of visitorFiles()) {
    const w = weigh(fs.readFileSync(path.join(dist, f)));
    for (const k of Object.keys(total)) total[k] += w[k];
    rows.push(`| ${f} | ${kib(w.raw)} | ${kib(w.gzip)} | ${kib(w.brotli)} |`);
  }
  rows.push(`| **index.html + what it loads** | **${kib(total.raw)}** | **${kib(total.gzip)}** | **${kib(total.brotli)}** |`);
  const single = weigh(fs.readFileSync(path.join(dist, 'duibiao.html')));
  rows.push(`| duibiao.html (single file) | ${kib(single.raw)} | ${kib(single.gzip)} | ${kib(single.brotli)} |`);
  // The wasm as a script (w-*.js, file:// only); the views module, asked for once the app runs
  // (v-*.js); loaded only when someone adds a report (p-*.js) or downloads the single file with
  // them (page-*.js).
  for (const [re, label] of [[/^w-[0-9a-f]{16}\.js$/, 'the wasm as a script, for file:// (instead of the .wasm)'], [/^v-[0-9a-f]{16}\.js$/, 'views module (once the app is idle)'], [/^p-[0-9a-f]{16}\.js$/, 'add-report module (on demand)'], [/^page-[0-9a-f]{16}\.js$/, 'single-file source (on demand)']]) {
    const f = fs.readdirSync(dist).find((x) => re.test(x));
    if (!f) continue;
    const w = weigh(fs.readFileSync(path.join(dist, f)));
    rows.push(`| ${f}: ${label} | ${kib(w.raw)} | ${kib(w.gzip)} | ${kib(w.brotli)} |`);
  }
  return ['| file | raw KiB | gzip KiB | brotli KiB |', '|---|---:|---:|---:|', ...rows].join('\n');
}

// ---- start-up ----

// Runs in the page before its scripts: records when the first content appears and when the app is
// interactive (started, rendered, and the main thread free again), in ms since navigation start.
const probe = (ready) => {
  window.__bench = {};
  const mark = (k) => {
    if (!(k in window.__bench)) window.__bench[k] = performance.now();
  };
  let started = false;
  const check = () => {
    if (document.querySelector(ready)) mark('content');
    if (started && 'content' in window.__bench && !('interactive' in window.__bench)) {
      // The next task after both: the app's start-up work is done and input would be handled.
      setTimeout(() => mark('interactive'), 0);
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  addEventListener('TrunkApplicationStarted', () => {
    started = true;
    mark('started');
    check();
  });
  // When the first content was painted (the DOM can hold the table well before it is on screen).
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__bench.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
};

/**
 * One cold start at 4x CPU: ms to first content and to interactive; with `bytes`, also the bytes
 * received (as sent: brotli from the test server) before the page was interactive.
 */
async function startup(browser, url, { network, again, bytes }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    if (network || bytes) {
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    }
    if (network) await cdp.send('Network.emulateNetworkConditions', network);
    const received = [];
    let t0;
    if (bytes) {
      cdp.on('Network.requestWillBeSent', (e) => {
        if (t0 === undefined) t0 = e.timestamp;
      });
      cdp.on('Network.loadingFinished', (e) => received.push({ t: e.timestamp, bytes: e.encodedDataLength }));
    }
    await page.addInitScript(probe, READY);
    if (again) {
      // A second visit in the same tab: the renderer has its fonts and the code cache warm, as
      // for a widget embedded in a Chinese page or opened again.
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__bench && 'interactive' in window.__bench, null, { timeout: TIMEOUT_MS, polling: 20 });
      await page.goto('about:blank');
    }
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench && 'interactive' in window.__bench, null, { timeout: TIMEOUT_MS, polling: 20 });
    const b = await page.evaluate(() => window.__bench);
    // CDP timestamps are seconds on the browser's monotonic clock, from the first request.
    if (bytes) b.bytes = received.filter((d) => (d.t - t0) * 1000 <= b.interactive).reduce((n, d) => n + d.bytes, 0);
    return b;
  } finally {
    await context.close();
  }
}

/**
 * Serves dist/ and asks once for every file of its top folder, so the server's brotli (quality 11,
 * about a second for the wasm) is done before anything is timed: a host compresses ahead of time.
 */
async function serveWarm(opts = {}) {
  const server = await serve(dist, { maxLifetimeMs: 30 * 60_000, ...opts });
  for (const f of fs.readdirSync(dist).filter((x) => fs.statSync(path.join(dist, x)).isFile())) {
    await (await fetch(`${server.url}/${f}`, { headers: { 'accept-encoding': 'br' } })).arrayBuffer();
  }
  return server;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function startupTable() {
  const browser = await launch();
  const server = await serveWarm();
  // A host that does not send index.html's `Link: rel=preload` header for the wasm (README: serving).
  const bare = await serveWarm({ preload: false });
  const cases = [
    ['file:// dist/index.html', pathToFileURL(path.join(dist, 'index.html')).href, {}],
    ['file:// dist/index.html, second visit in the same tab', pathToFileURL(path.join(dist, 'index.html')).href, { again: true }],
    ['file:// duibiao.html', pathToFileURL(path.join(dist, 'duibiao.html')).href, {}],
    [`http, ${SLOW_NET_LABEL}`, `${server.url}/index.html`, { network: SLOW_NET }],
    [`http, ${SLOW_NET_LABEL}, no preload header`, `${bare.url}/index.html`, { network: SLOW_NET }],
  ];
  const rows = [];
  try {
    for (const [label, url, opts] of cases) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await startup(browser, url, opts));
      const med = (k) => median(runs.map((r) => r[k])).toFixed(0);
      rows.push(`| ${label} | ${med('content')} | ${med('interactive')} |`);
    }
  } finally {
    await browser.close();
    await server.close();
    await bare.close();
  }
  return [
    `Start-up, headless Chromium, ${CPU_SLOWDOWN}x CPU throttling, median of ${RUNS} cold runs (ms from navigation start):`,
    '',
    `| how | first content (\`${READY}\`) | interactive |`,
    '|---|---:|---:|',
    ...rows,
  ].join('\n');
}

// ---- interaction: a selection change, and a view switch, to the updated table ----

/**
 * In the page: clicks `sel`; resolves with the ms until `done()` holds after a DOM change, and
 * until the frame showing it has been drawn (style, layout and paint included).
 */
const timedClick = ([sel, doneSrc]) =>
  new Promise((resolve) => {
    const done = new Function(`return (${doneSrc})`)();
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      if (done()) {
        obs.disconnect();
        const dom = performance.now() - t0;
        // rAF runs just before that frame's style/layout/paint; a task queued from it runs after.
        requestAnimationFrame(() => setTimeout(() => resolve({ dom, frame: performance.now() - t0 })));
      }
    });
    obs.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    document.querySelector(sel).click();
  });

/** A fresh 1280x800 tab at `rate`x CPU with the app running at `url`, `ready` on the page, and settled. */
async function openApp(browser, url, rate, ready) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(url);
  await page.waitForFunction((sel) => !document.querySelector('.static-note') && document.querySelector(sel), ready, { timeout: TIMEOUT_MS });
  // Settled: the views module the page asks for once idle is in (src/deferred), so what is timed
  // next is the click's own work, not the module's start-up running beside it.
  await page.waitForFunction(() => self.__duibiaoViews !== undefined, null, { timeout: TIMEOUT_MS });
  await page.waitForTimeout(300);
  return { context, page };
}

async function interactionTable(rate) {
  const browser = await launch();
  const N = Math.max(RUNS * 4, 10);
  const times = { select: [], view: [] };
  try {
    const { context, page } = await openApp(browser, pathToFileURL(path.join(dist, 'index.html')).href, rate, 'table');
    // The first year that is not selected: adding it adds a column; removing it takes it away.
    await page.evaluate(() => document.querySelector('.picker input[type=checkbox]:not(:checked)').setAttribute('data-bench', '1'));
    for (let i = 0; i < N; i++) {
      const cols = await page.evaluate(() => document.querySelectorAll('table thead th').length);
      times.select.push(await page.evaluate(timedClick, ['[data-bench]', `() => document.querySelectorAll('table thead th').length !== ${cols}`]));
    }
    const tabs = await page.$$eval('nav button', (bs) => bs.length);
    for (let i = 0; i < N; i++) {
      // Chart view and back to the table.
      // The tabs by their words (图表 is the chart, 指标对比 the table), not by position.
      await page.evaluate(() => document.querySelectorAll('nav.views button').forEach((b) => {
        const tab = { 图表: 'chart', 指标对比: 'table' }[b.textContent.trim()];
        if (tab) b.setAttribute('data-tab', tab);
      }));
      times.view.push(await page.evaluate(timedClick, ['[data-tab="chart"]', "() => !document.querySelector('table.compare') && !!document.querySelector('svg')"]));
      times.view.push(await page.evaluate(timedClick, ['[data-tab="table"]', "() => !!document.querySelector('table.compare tbody tr')"]));
    }
    if (tabs < 3) throw new Error('expected the view tabs');
    await context.close();
  } finally {
    await browser.close();
  }
  const row = (label, xs) => {
    const dom = xs.map((x) => x.dom);
    const frame = xs.map((x) => x.frame);
    return `| ${label} | ${median(dom).toFixed(1)} | ${Math.max(...dom).toFixed(1)} | ${median(frame).toFixed(1)} | ${Math.max(...frame).toFixed(1)} | ${xs.length} |`;
  };
  return [
    `Interaction, file://, ${rate === 1 ? 'no' : `${rate}x`} CPU throttling, ms from the click to the updated DOM, and to the drawn frame:`,
    '',
    '| change | DOM median | DOM worst | frame median | frame worst | n |',
    '|---|---:|---:|---:|---:|---:|',
    row('add or remove a place-year (table)', times.select),
    row('switch view (table ⇄ chart)', times.view),
  ].join('\n');
}

// ---- adding a report ----

/** About 50 KB of report text: the seeds one after another, cut at a line end. */
function reportOf50k() {
  const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../seeds');
  let text = '';
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) text += fs.readFileSync(path.join(dir, f), 'utf8') + '\n';
  const cut = Buffer.from(text).subarray(0, 50 * 1024).toString('utf8');
  return cut.slice(0, cut.lastIndexOf('\n') + 1);
}

async function addTable(rate) {
  const browser = await launch();
  const text = reportOf50k();
  const times = { open: [], warm: [], parse: [], check: [] };
  try {
    for (let i = 0; i < RUNS; i++) {
      const { context, page } = await openApp(browser, pathToFileURL(path.join(dist, 'index.html')).href, rate, '.add-report');
      // Click to the dialog: loading and compiling the module, the first time in the page. Then
      // the dialog warms the parser up while the person picks a file (src/add `warm_up`: the first
      // parse builds the gazetteer and word tables and gets the code compiled).
      const [open, warm] = await page.evaluate(() => new Promise((done) => {
        const t0 = performance.now();
        let opened;
        document.querySelector('.add-report').click();
        const poll = () => {
          if (!opened && document.querySelector('dialog.add-dialog[open]')) opened = performance.now() - t0;
          const m = performance.getEntriesByName('duibiao:warm')[0];
          if (opened && m) done([opened, m.startTime - t0]);
          else setTimeout(poll, 5);
        };
        poll();
      }));
      times.open.push(open);
      times.warm.push(warm);
      // The parser alone, as the page runs it once warm.
      times.parse.push(await page.evaluate((t) => {
        const t0 = performance.now();
        self.__duibiaoParser.parse('宁波市科技局2024年工作要点.txt', t);
        return performance.now() - t0;
      }, text));
      // Pasting it: read, parsed, the check card drawn.
      await page.locator('#add-text').fill(text);
      times.check.push(await page.evaluate(() => new Promise((done) => {
        const t0 = performance.now();
        document.querySelector('.add-paste .btn').click();
        const poll = () => (document.querySelector('.check') ? requestAnimationFrame(() => done(performance.now() - t0)) : setTimeout(poll, 5));
        poll();
      })));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const row = (label, xs) => `| ${label} | ${median(xs).toFixed(0)} | ${Math.max(...xs).toFixed(0)} | ${xs.length} |`;
  return [
    `Adding a report, file://, ${rate}x CPU throttling, ms (a ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB report: the seeds' texts one after another):`,
    '',
    '| step | median | worst | n |',
    '|---|---:|---:|---:|',
    row('click 添加报告 → dialog open (module loaded and compiled)', times.open),
    row('click 添加报告 → parser warmed up (tables built, code compiled)', times.warm),
    row('parse the report once warm (the module\'s `parse`)', times.parse),
    row('paste → check card drawn (parse again + render)', times.check),
  ].join('\n');
}

// ---- the ratios of #14: each against something measured in the same run ----

/** In the page: the selected table's cell texts laid out as a bare <table>, ms to its drawn frame. */
const bareTable = (rows) =>
  new Promise((resolve) => {
    const t0 = performance.now();
    const table = document.createElement('table');
    table.setAttribute('data-bare', '');
    for (const r of rows) {
      const tr = table.insertRow();
      for (const c of r) tr.insertCell().textContent = c;
    }
    document.body.appendChild(table);
    requestAnimationFrame(() => setTimeout(() => {
      const ms = performance.now() - t0;
      table.remove();
      resolve(ms);
    }));
  });

async function ratioTable() {
  const browser = await launch();
  const server = await serveWarm();
  const starts = [];
  const click = { app: [], bare: [] };
  try {
    for (let i = 0; i < RUNS; i++) starts.push(await startup(browser, `${server.url}/index.html`, { bytes: true }));
    const { context, page } = await openApp(browser, `${server.url}/index.html`, CPU_SLOWDOWN, 'table');
    await page.evaluate(() => document.querySelector('.picker input[type=checkbox]:not(:checked)').setAttribute('data-bench', '1'));
    const N = Math.max(RUNS * 2, 10);
    for (let i = 0; i < N; i++) {
      // Add the place-year (a column more), take the table's texts, then remove it again.
      const cols = await page.evaluate(() => document.querySelectorAll('table thead th').length);
      const added = await page.evaluate(timedClick, ['[data-bench]', `() => document.querySelectorAll('table thead th').length !== ${cols}`]);
      click.app.push(added.frame);
      const rows = await page.evaluate(() => [...document.querySelectorAll('table.compare tr')].map((tr) => [...tr.cells].map((c) => c.innerText)));
      click.bare.push(await page.evaluate(bareTable, rows));
      const back = await page.evaluate(() => document.querySelectorAll('table thead th').length);
      await page.evaluate(timedClick, ['[data-bench]', `() => document.querySelectorAll('table thead th').length !== ${back}`]);
    }
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
  const med = (k) => median(starts.map((r) => r[k]));
  const content = med('content');
  const interactive = med('interactive');
  const fcp = med('fcp');
  const bytes = med('bytes');
  const app = median(click.app);
  const bare = median(click.bare);
  return [
    `Ratios, headless Chromium, ${CPU_SLOWDOWN}x CPU throttling, http on loopback with brotli, medians (${RUNS} cold starts, ${click.app.length} clicks):`,
    '',
    '| measured | now | against | ratio | goal |',
    '|---|---:|---:|---:|---:|',
    `| the app running against the first content on screen | ${interactive.toFixed(0)} ms | ${content.toFixed(0)} ms | ×${(interactive / content).toFixed(2)} | ≤ ×1.5 |`,
    `| the same, against the first content painted (first-contentful-paint) | ${interactive.toFixed(0)} ms | ${fcp.toFixed(0)} ms | ×${(interactive / fcp).toFixed(2)} | |`,
    `| adding a place-year, click to the drawn frame, against the same cell texts as a bare table | ${app.toFixed(0)} ms | ${bare.toFixed(0)} ms | ×${(app / bare).toFixed(2)} | ≤ ×2.5 |`,
    `| bytes received (brotli) before the page is interactive | ${kib(bytes)} KiB | | | ≤ 150 KB |`,
  ].join('\n');
}

/** Median interactive over file:// of folders `a` and `b`, cold starts alternated in one browser. */
async function alternated(a, b) {
  const browser = await launch();
  const t = [[], []];
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const [k, d] of [a, b].entries()) t[k].push((await startup(browser, pathToFileURL(path.join(d, 'index.html')).href, {})).interactive);
    }
  } finally {
    await browser.close();
  }
  return t.map(median);
}

/** 1,000 reports against the seeds: interactive over file://, both measured in this run. */
async function scaleRatio(seedsDist) {
  const [a, b] = await alternated(dist, seedsDist);
  return [
    `Against the seeds in the same run (interactive, file://, ${CPU_SLOWDOWN}x CPU, median of ${RUNS}, alternated):`,
    '',
    '| this corpus | the seeds | ratio | goal (1,000 reports) |',
    '|---:|---:|---:|---:|',
    `| ${a.toFixed(0)} ms | ${b.toFixed(0)} ms | ×${(a / b).toFixed(2)} | ≤ ×1.3 |`,
  ].join('\n');
}

/**
 * Start-up as the corpus grows, against the seeds in the same run: generated corpora (`BENCH_SCALE`,
 * default "1000 10000:national": 1,000 Zhejiang reports, 10,000 from every province, whose index
 * names provinces and leaves their reports to manifests) packed by the
 * release `report pack` into copies of `dist` (as tests/e2e/scale.test.mjs does; no rebuild), each
 * measured interactive over file:// alternating with the seeds.
 */
async function scaleTable() {
  const { execFileSync } = await import('node:child_process');
  const os = await import('node:os');
  const { distWith, ROOT } = await import('../tests/e2e/helpers.mjs');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'duibiao-bench-scale-'));
  const rows = [];
  try {
    for (const spec of (process.env.BENCH_SCALE || '1000 10000:national').split(/\s+/).filter(Boolean)) {
      const [n, scope] = spec.split(':');
      const dir = path.join(work, spec.replace(':', '-'));
      const corpus = path.join(dir, 'corpus');
      execFileSync('python3', [path.join(ROOT, 'bench/gen_corpus.py'), n, corpus, ...(scope === 'national' ? ['--national'] : [])], { stdio: 'ignore' });
      // The folder, not its files: a country's file names overflow a command line.
      const copy = distWith(dir, [corpus], [], { release: true });
      const index = fs.readFileSync(path.join(dir, 'data', 'index.txt'));
      // Places: those of the reports in the index, and those a country's index names by province.
      const lines = index.toString('utf8').split('\n');
      const places = new Set([
        ...lines.filter((l) => l.startsWith('D\t')).map((l) => l.split('\t')[4]),
        ...lines.filter((l) => l.startsWith('P\t')).flatMap((l) => l.split('\t')[5].split(',')),
      ]).size;
      const files = fs.readdirSync(path.join(copy, 't'));
      const groups = files.filter((f) => f.startsWith('g-')).length;
      const manifests = files.filter((f) => f.startsWith('m-')).length;
      const [a, b] = await alternated(copy, dist);
      const w = weigh(index);
      rows.push(`| ${Number(n).toLocaleString('en')} ${scope === 'national' ? 'national' : 'Zhejiang'} | ${places.toLocaleString('en')} | ${groups.toLocaleString('en')} | ${manifests} | ${kib(w.raw)} / ${kib(w.gzip)} | ${a.toFixed(0)} ms | ${b.toFixed(0)} ms | ×${(a / b).toFixed(2)} |`);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return [
    `Start-up as the corpus grows (interactive, file://, ${CPU_SLOWDOWN}x CPU, median of ${RUNS} alternated with the seeds; goal for 1,000 reports ≤ ×1.3):`,
    '',
    '| generated reports | places | place chunks | province manifests | index KiB raw / gzip | interactive | the seeds | ratio |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

if (process.env.BENCH_ONLY === 'scale') {
  console.log(await scaleTable());
  process.exit(0);
}

if (process.env.BENCH_ONLY === 'ratios') {
  console.log(await ratioTable());
  process.exit(0);
}

if (process.env.BENCH_ONLY === 'add') {
  console.log(await addTable(CPU_SLOWDOWN));
  process.exit(0);
}

console.log('Page weight (what a visitor downloads):\n');
console.log(weightTable());
console.log('');
console.log(await startupTable());
console.log('');
console.log(await interactionTable(CPU_SLOWDOWN));
console.log('');
console.log(await interactionTable(1));
console.log('');
console.log(await addTable(CPU_SLOWDOWN));
console.log('');
console.log(await ratioTable());
// bench.sh names the seeds' build when measuring a generated corpus.
if (process.env.BENCH_SEEDS_DIST) {
  console.log('');
  console.log(await scaleRatio(path.resolve(process.env.BENCH_SEEDS_DIST)));
}
