// Unit tests of scripts/offline.mjs (the trunk post_build step) on a synthetic staging dir: no browser, no build.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import vm from 'node:vm';
import { ROOT } from './helpers.mjs';

const temps = [];
after(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

// Every byte value, and "</script" spelled out, so the string encoding must escape what needs it.
const WASM = Buffer.concat([Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]),
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from('</script>"\\\r\n\u2028')]);
// Stands in for wasm-bindgen's glue: records what it was started with.
const GLUE = 'let wasm_bindgen = function (o) { self.started = o.module_or_path; return Promise.resolve({}); };\n';
// The add-report module (bin parser, a trunk "worker" asset) and its glue, which also declares the
// global-looking `wasm_bindgen` the app's glue owns.
const PARSER_WASM = Buffer.concat([Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]), Buffer.from('parser<!-- ')]);
const PARSER_GLUE = 'let wasm_bindgen = function (o) { self.parserStarted = o.module_or_path; return Promise.resolve({}); };\nwasm_bindgen.open = function () {};\n';
// The views module (bin views, src/deferred) likewise.
const VIEWS_WASM = Buffer.concat([Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]), Buffer.from('views</script>')]);
const VIEWS_GLUE = 'let wasm_bindgen = function (o) { self.viewsStarted = o.module_or_path; return Promise.resolve({}); };\nwasm_bindgen.render = function () {};\n';

/**
 * Runs app.js as a browser would (a classic script) on a page at `protocol`, returns its global
 * scope once started. Scripts it adds run from `dir`; `fetch` stands in for the network; `before`
 * are scripts the page ran first.
 */
async function runApp(js, { protocol = 'file:', dir = null, fetch, before = [], inert = {} } = {}) {
  const head = {
    appendChild(el) {
      // A script made from an inert copy in the page (duibiao.html) runs its text.
      if (el.text) {
        g.added.push('(inline)');
        return setTimeout(() => vm.runInContext(el.text, g), 0);
      }
      g.added.push(el.src);
      setTimeout(() => {
        const file = dir && path.join(dir, el.src);
        if (!file || !fs.existsSync(file)) return el.onerror?.();
        vm.runInContext(fs.readFileSync(file, 'utf8'), g);
        el.onload?.();
      }, 0);
    },
  };
  const document = {
    readyState: 'complete', head, createElement: () => ({ setAttribute() {} }), getElementById: (id) => inert[id] ?? null,
  };
  const g = { dispatchEvent() {}, addEventListener() {}, CustomEvent: class {}, setTimeout, document, location: { protocol }, added: [], console };
  if (fetch) g.fetch = fetch;
  g.self = g;
  vm.createContext(g);
  for (const b of before) vm.runInContext(b, g);
  vm.runInContext(js, g);
  await new Promise((r) => setTimeout(r, 20));
  return g;
}
/** Waits (up to 2 s) until `ok()`: app.js's steps each wait for a timer. */
async function until(ok) {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
}

// What trunk 0.21 stages for index.html with data-bindgen-target="no-modules".
const TRUNK_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>对标 Duibiao</title>
  <link rel="icon" href="./icon.png">
  <link rel="stylesheet" href="./app-0123.css"/>
<script type="module">
import init, * as bindings from './duibiao-abc.js';
const wasm = await init({ module_or_path: './duibiao-abc_bg.wasm' });
window.wasmBindings = bindings;
</script>
<link rel="modulepreload" href="./duibiao-abc.js" crossorigin="anonymous"><link rel="preload" href="./duibiao-abc_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm"></head>
<body><div id="app"><p>衢州市</p><img src="./icon.png" alt=""></div></body>
</html>
`;

function stage({ glue = GLUE, html = TRUNK_HTML } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duibiao-offline-'));
  temps.push(dir);
  fs.writeFileSync(path.join(dir, 'index.html'), html);
  fs.writeFileSync(path.join(dir, 'duibiao-abc.js'), glue);
  fs.writeFileSync(path.join(dir, 'duibiao-abc_bg.wasm'), WASM);
  fs.writeFileSync(path.join(dir, 'parser.js'), PARSER_GLUE);
  fs.writeFileSync(path.join(dir, 'parser_bg.wasm'), PARSER_WASM);
  fs.writeFileSync(path.join(dir, 'views.js'), VIEWS_GLUE);
  fs.writeFileSync(path.join(dir, 'views_bg.wasm'), VIEWS_WASM);
  fs.writeFileSync(path.join(dir, 'app-0123.css'), 'body{background:url(icon.png)}');
  fs.writeFileSync(path.join(dir, 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  return dir;
}

const run = (dir) =>
  spawnSync(process.execPath, [path.join(ROOT, 'scripts/offline.mjs')], {
    env: { ...process.env, TRUNK_STAGING_DIR: dir },
    encoding: 'utf8',
  });

test('index.html loads one classic app.js; the wasm streams over http and comes as a script from file://', async () => {
  const dir = stage();
  const r = run(dir);
  assert.equal(r.status, 0, r.stderr);
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const app = html.match(/<script async src="\.\/(app-[0-9a-f]{16}\.js)"><\/script>/);
  assert.ok(app, `index.html loads app-<hash>.js:\n${html}`);
  assert.doesNotMatch(html, /type="module"|modulepreload|rel="preload"|\.wasm|duibiao-abc/);
  // Every remaining <script> has a src: nothing inline for a strict CSP to block.
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
  const js = fs.readFileSync(path.join(dir, app[1]), 'utf8');
  // The wasm beside it, byte for byte, and the same bytes as a classic script.
  const wasmFile = fs.readdirSync(dir).find((f) => /^app-[0-9a-f]{16}\.wasm$/.test(f));
  assert.ok(wasmFile, 'app-<hash>.wasm is written');
  assert.deepEqual(fs.readFileSync(path.join(dir, wasmFile)), WASM);
  const inlineFile = fs.readdirSync(dir).find((f) => /^w-[0-9a-f]{16}\.js$/.test(f));
  assert.ok(inlineFile, 'w-<hash>.js is written');
  const literal = fs.readFileSync(path.join(dir, inlineFile), 'utf8').match(/^self\.__duibiaoWasm=("[^]*");\n$/);
  assert.ok(literal, 'w-<hash>.js only sets the string');
  assert.ok(!js.includes(literal[1]), 'app.js does not carry the wasm');

  // Once started, app.js asks for the views module (at the first idle moment: setTimeout here).
  const v = fs.readdirSync(dir).find((f) => /^v-[0-9a-f]{16}\.js$/.test(f));
  assert.ok(v, 'the views module is a script of its own');
  assert.doesNotMatch(html, new RegExp(v), 'index.html does not load it');

  // From file://: no fetch; app.js adds w-<hash>.js and hands the glue its bytes.
  const g = await runApp(js, { dir, fetch: () => assert.fail('fetch on file://') });
  await until(() => g.viewsStarted);
  assert.deepEqual(g.added, [`./${inlineFile}`, `./${v}`]);
  assert.equal(g.started?.constructor?.name, 'Uint8Array', 'the glue was started with bytes');
  assert.deepEqual(Buffer.from(g.started), WASM, 'the inline copy decodes to the wasm, byte for byte');
  assert.match(g.__duibiaoCorpus, /^duibiao-pack \d+\n/, 'app.js carries the corpus index');
  assert.equal(typeof g.__duibiaoLoad, 'function', 'and the text loader');
  assert.doesNotMatch(js, /<\/script/i, 'nothing in it would close an inline <script>');
  assert.doesNotMatch(fs.readFileSync(path.join(dir, inlineFile), 'utf8'), /<\/script/i);
  assert.deepEqual(fs.readdirSync(dir).filter((f) => /^(duibiao-abc|parser|views)/.test(f)), [], 'trunk\'s glue and wasm files are gone');
  // The views module started with its own bytes and handed the page its exports.
  assert.equal(g.__duibiaoFiles.views, `./${v}`);
  assert.deepEqual(Buffer.from(g.viewsStarted), VIEWS_WASM, 'the views module hands its glue its own wasm');
  assert.equal(typeof g.__duibiaoViews?.render, 'function', 'and its exports are the page\'s');
  assert.doesNotMatch(fs.readFileSync(path.join(dir, v), 'utf8'), /<\/script/i);

  // Over http: the glue gets the response of app-<hash>.wasm (streaming compilation); no script added.
  const asked = [];
  const response = { ok: true };
  const h = await runApp(js, { protocol: 'https:', dir, fetch: (u) => { asked.push(u); return Promise.resolve(response); } });
  await until(() => h.viewsStarted);
  assert.deepEqual(asked, [`./${wasmFile}`]);
  assert.equal(h.started, response, 'the glue was started with the response');
  assert.deepEqual(h.added, [`./${v}`], 'only the views module, once started');
  // A host without the file (or one that refuses it) falls back to the inline copy.
  const missing = await runApp(js, { protocol: 'http:', dir, fetch: () => Promise.resolve({ ok: false, status: 404 }) });
  await until(() => missing.viewsStarted);
  assert.deepEqual(missing.added, [`./${inlineFile}`, `./${v}`]);
  assert.deepEqual(Buffer.from(missing.started), WASM);
  // The add-report module: its own classic script, named in app.js, started with its own bytes.
  const p = fs.readdirSync(dir).find((f) => /^p-[0-9a-f]{16}\.js$/.test(f));
  assert.ok(p, 'the add-report module is a script of its own');
  assert.equal(g.__duibiaoFiles.parser, `./${p}`);
  assert.doesNotMatch(html, new RegExp(p), 'index.html does not load it');
  let ready;
  g.__duibiaoParserReady = (m) => { ready = m; };
  vm.runInContext(fs.readFileSync(path.join(dir, p), 'utf8'), g);
  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(Buffer.from(g.parserStarted), PARSER_WASM, 'the module hands its glue its own wasm');
  assert.equal(typeof ready?.open, 'function', 'and reports ready with its exports');
  assert.equal(g.started.length, WASM.length, 'the app\'s glue was left alone');
});

test('duibiao.html is self-contained: CSS, images, glue, wasm and report texts inline', async () => {
  const dir = stage();
  assert.equal(run(dir).status, 0);
  const single = fs.readFileSync(path.join(dir, 'duibiao.html'), 'utf8');
  assert.match(single, /<style>body\{background:url\("data:image\/png;base64,/);
  assert.match(single, /<link rel="icon" href="data:image\/png;base64,/);
  assert.match(single, /<img src="data:image\/png;base64,/);
  const all = [...single.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  // First, right after #app, what rebuilding this file's source needs (src/add/single.rs).
  assert.match(all[0], /^self\.__duibiaoStatic=/);
  assert.match(single, /<\/div>\n<script>self\.__duibiaoStatic=/, 'kept right after #app');
  // Then the wasm as a string and app.js, which takes it without asking for any file.
  assert.match(all[1], /^self\.__duibiaoWasm="/);
  const scripts = all.slice(2);
  // The views module rides along inert, exactly its script file, and runs from there.
  const v = fs.readdirSync(dir).find((f) => /^v-[0-9a-f]{16}\.js$/.test(f));
  const inertViews = single.match(/<script type="text\/plain" id="duibiao-views">([\s\S]*?)<\/script>/);
  assert.ok(inertViews, 'the views module is inside, not run');
  assert.equal(inertViews[1], fs.readFileSync(path.join(dir, v), 'utf8'));
  const g = await runApp(scripts[0], {
    before: [all[1]], protocol: 'http:', fetch: () => assert.fail('fetch in duibiao.html'),
    inert: { 'duibiao-views': { textContent: inertViews[1] } },
  });
  await until(() => g.viewsStarted);
  assert.deepEqual(Buffer.from(g.started), WASM, 'the wasm is inline');
  assert.deepEqual(g.added, ['(inline)'], 'no file asked for: the views module from its inert copy');
  assert.deepEqual(Buffer.from(g.viewsStarted), VIEWS_WASM);
  // Then one script per report text, each handing its text to the loader.
  const chunks = fs.readdirSync(path.join(dir, 't'));
  assert.ok(chunks.length >= 5, `a text chunk per seed report: ${chunks}`);
  assert.equal(scripts.length, 1 + chunks.length, 'app.js, then the texts; nothing closes a script early');
  for (const s of scripts.slice(1)) vm.runInContext(s, g);
  assert.equal(Object.keys(g.__duibiaoTexts).length, chunks.length, 'every text arrived');
  assert.doesNotMatch(single, /\b(?:src|href)="\.\//, 'no reference to a file beside it');
  assert.match(single, /<div id="app"><p>衢州市<\/p>/, 'the page content is kept');
  // The add-report module rides along inert, exactly its script file.
  const p = fs.readdirSync(dir).find((f) => /^p-[0-9a-f]{16}\.js$/.test(f));
  const inert = single.match(/<script type="text\/plain" id="duibiao-parser">([\s\S]*?)<\/script>/);
  assert.ok(inert, 'the module is inside, not run');
  assert.equal(inert[1], fs.readFileSync(path.join(dir, p), 'utf8'));
  // Beside index.html, the single file's source for 下载含我的报告的单文件.
  const page = fs.readdirSync(dir).find((f) => /^page-[0-9a-f]{16}\.js$/.test(f));
  let source;
  vm.runInContext(fs.readFileSync(path.join(dir, page), 'utf8'), vm.createContext({ __duibiaoPage: (s) => { source = s; } }));
  assert.equal(source, single);
  assert.equal(g.__duibiaoFiles.page, `./${page}`);
});

test('refuses ES-module glue with a clear message', () => {
  const dir = stage({ glue: 'export default function init() {}\n' });
  const r = run(dir);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /no-modules/);
});

test('refuses to run outside trunk', () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/offline.mjs')], {
    env: { ...process.env, TRUNK_STAGING_DIR: '' },
    encoding: 'utf8',
  });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /TRUNK_STAGING_DIR/);
});
