// Unit tests of scripts/offline.mjs (the trunk post_build step) on a synthetic staging dir: no browser, no build.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { ROOT } from './helpers.mjs';

const temps = [];
after(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const WASM = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x3c, 0x2f, 0xff]); // "</" too, should the encoding ever become raw
const GLUE = 'let wasm_bindgen = (function (exports) { return Object.assign(function () {}, exports); })({});\n';
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
  fs.writeFileSync(path.join(dir, 'app-0123.css'), 'body{background:url(icon.png)}');
  fs.writeFileSync(path.join(dir, 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  return dir;
}

const run = (dir) =>
  spawnSync(process.execPath, [path.join(ROOT, 'scripts/offline.mjs')], {
    env: { ...process.env, TRUNK_STAGING_DIR: dir },
    encoding: 'utf8',
  });

test('index.html loads one classic app.js holding glue and wasm; nothing fetches the wasm', () => {
  const dir = stage();
  const r = run(dir);
  assert.equal(r.status, 0, r.stderr);
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const app = html.match(/<script defer src="\.\/(app-[0-9a-f]{16}\.js)"><\/script>/);
  assert.ok(app, `index.html loads app-<hash>.js:\n${html}`);
  assert.doesNotMatch(html, /type="module"|modulepreload|rel="preload"|\.wasm|duibiao-abc/);
  // Every remaining <script> has a src: nothing inline for a strict CSP to block.
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
  const js = fs.readFileSync(path.join(dir, app[1]), 'utf8');
  assert.ok(js.includes(GLUE.trim()) && js.includes(WASM.toString('base64')), 'app.js has the glue and the wasm');
  assert.deepEqual(fs.readdirSync(dir).filter((f) => f.startsWith('duibiao-abc')), [], 'glue and wasm files are gone');
});

test('duibiao.html is self-contained: CSS, images, glue and wasm inline', () => {
  const dir = stage();
  assert.equal(run(dir).status, 0);
  const single = fs.readFileSync(path.join(dir, 'duibiao.html'), 'utf8');
  assert.match(single, /<style>body\{background:url\("data:image\/png;base64,/);
  assert.match(single, /<link rel="icon" href="data:image\/png;base64,/);
  assert.match(single, /<img src="data:image\/png;base64,/);
  assert.ok(single.includes(WASM.toString('base64')), 'the wasm is inline');
  assert.doesNotMatch(single, /\b(?:src|href)="\.\//, 'no reference to a file beside it');
  assert.match(single, /<div id="app"><p>衢州市<\/p>/, 'the page content is kept');
  assert.equal(single.match(/<\/script>/g).length, 1, 'one inline script, and nothing closes it early');
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
