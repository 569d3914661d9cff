// Trunk post_build hook: makes the staged build work offline, from file://, and under a strict CSP.
//
// Trunk emits an inline `<script type="module">` that fetches the wasm-bindgen glue and the .wasm.
// Module scripts and wasm fetches are blocked under file://, and an inline script is blocked by
// `script-src 'self'`. So this step:
//   1. writes app-<hash>.js: the corpus index, a loader for the per-report text scripts t/*.js,
//      the wasm-bindgen `no-modules` glue and an async start that streams app-<hash>.wasm over
//      http(s) (compiled while it downloads) and, from file://, loads the same bytes as a string
//      from the classic script w-<hash>.js (Chromium refuses synchronous compilation of large
//      modules on the main thread, hence async);
//   2. rewrites index.html to load app.js with a classic `<script async src>` and drops trunk's
//      inline loader and its preload/modulepreload links (a preload would fail on file://);
//   3. writes duibiao.html: the same page with CSS, JS, wasm and local images inline, one file that
//      works alone (double-click, e-mail attachment, USB stick);
//   4. puts the first view, rendered on the host by Yew's server renderer (src/bin/prerender.rs),
//      inside <div id="app">, so content shows before the wasm starts and without JS/WebAssembly.
// It runs on TRUNK_STAGING_DIR, so `trunk build` and `trunk serve` both produce it.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) {
  console.error('offline.mjs: TRUNK_STAGING_DIR is not set (run me as a trunk post_build hook)');
  process.exit(1);
}

const fail = (msg) => {
  console.error(`offline.mjs: ${msg}`);
  process.exit(1);
};
const read = (name) => fs.readFileSync(path.join(stage, name));
const hash8 = (buf) => createHash('sha256').update(buf).digest('hex').slice(0, 16);

const indexPath = path.join(stage, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');

// The wasm-bindgen output: the app's `<name>_bg.wasm` with its `<name>.js` glue beside it, and two
// modules loaded later, trunk "worker" assets (unhashed `<bin>.js` + `<bin>_bg.wasm`): the
// add-report module (bin `parser`) and the views module (bin `views`, src/deferred).
const PARSER = 'parser_bg.wasm';
const VIEWS = 'views_bg.wasm';
const wasms = fs.readdirSync(stage).filter((f) => f.endsWith('_bg.wasm') && f !== PARSER && f !== VIEWS);
if (wasms.length !== 1) fail(`expected one app *_bg.wasm in ${stage}, found ${JSON.stringify(wasms)}`);
if (!fs.existsSync(path.join(stage, PARSER))) fail(`missing ${PARSER} (the add-report module; see index.html)`);
if (!fs.existsSync(path.join(stage, VIEWS))) fail(`missing ${VIEWS} (the views module; see index.html)`);
const wasmName = wasms[0];
const glueName = wasmName.replace(/_bg\.wasm$/, '.js');
if (!fs.existsSync(path.join(stage, glueName))) fail(`missing glue ${glueName}`);
const glueSource = read(glueName).toString('utf8');
const noModules = (src, name) => {
  if (!/\blet wasm_bindgen\b|\bwasm_bindgen\s*=/.test(src) || /^\s*export\s/m.test(src)) {
    fail(`${name} is not wasm-bindgen "no-modules" glue: index.html needs data-bindgen-target="no-modules"`);
  }
};
noModules(glueSource, glueName);
const wasm = read(wasmName);
// Minified (top-level names such as `wasm_bindgen` kept): the glue is 40 KB of readable JS.
const glue = (await minify(glueSource, { ecma: 2017, compress: { passes: 2 }, mangle: true })).code;
if (!glue) fail(`terser could not minify ${glueName}`);
const moduleGlue = async (name) => {
  const src = read(name).toString('utf8');
  noModules(src, name);
  const min = (await minify(src, { ecma: 2017, compress: { passes: 2 }, mangle: true })).code;
  if (!min) fail(`terser could not minify ${name}`);
  return min;
};
const parserGlue = await moduleGlue('parser.js');
const parserWasm = read(PARSER);
const viewsGlue = await moduleGlue('views.js');
const viewsWasm = read(VIEWS);

// Classic script: the corpus index, the text loader, the glue, then the bytes, then init once the
// DOM exists. The index (report::pack) goes beside the wasm as a JS string: as text it compresses
// far better than inside the wasm. Report texts stay out of app.js: each is its own classic script
// t/<id>-<hash>.js, loaded when a view needs it (script tags work from file:// and under CSP).
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const prerender = (args) => {
  try {
    return execFileSync('cargo', ['run', '-q', '--features', 'ssr', '--bin', 'prerender', '--', ...args], {
      cwd: root, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'],
    });
  } catch (e) {
    return fail(`cargo run --features ssr --bin prerender -- ${args.join(' ')} failed: ${e.message}`);
  }
};
fs.rmSync(path.join(stage, 't'), { recursive: true, force: true });
const index = prerender(['--pack', stage]);
if (!/^duibiao-pack \d+\n/.test(index)) fail('prerender --pack printed no index');
// What the pre-render wrote into t/ (emptied above) is exactly this build's texts.
const tDir = path.join(stage, 't');
const chunkFiles = fs.existsSync(tDir) ? fs.readdirSync(tDir).sort().map((f) => `t/${f}`) : [];

// The wasm as a JS string with one char per byte: gzip and brotli shrink it almost as well as the
// raw .wasm, where base64 cost a third more. Bytes that cannot stand in a "…" string inline in
// <script> (the quote, backslash, line breaks, `<`, and NUL, which an HTML parser replaces) become
// U+0100 + byte, one char like the rest (a 4-char \\x escape compressed worse): the decoder keeps
// the low 8 bits of every char.
const wasmString = (buf) => {
  let out = '';
  for (const b of buf) {
    const esc = b === 0x22 || b === 0x5c || b === 0x0a || b === 0x0d || b === 0x3c || b === 0;
    out += String.fromCharCode(esc ? 0x100 + b : b);
  }
  return out;
};

// A wasm inline as that string: app.js's `__duibiaoBytes` turns it back into bytes, for the app's
// inline copy (w-<hash>.js, duibiao.html) and the add-report module alike.
const wasmLiteral = (buf) => `"${wasmString(buf)}"`;

// A module loaded after start-up as a classic script: its glue kept in a function scope (the app's
// glue already owns the global `wasm_bindgen`), its wasm inline as a string (decoded by app.js,
// which the page has loaded), and it reports to `ready` (a global app.js sets) when it can run.
const moduleJs = (what, glue, bytes, ready) => [
  `// Duibiao: the ${what}. Generated by scripts/offline.mjs.`,
  '(function () {',
  glue.trim(),
  `  wasm_bindgen({ module_or_path: self.__duibiaoBytes(${wasmLiteral(bytes)}) }).then(function () { self.${ready}(wasm_bindgen); },`,
  `    function (e) { self.${ready}(null, e); });`,
  '})();',
  '',
].join('\n');
// The add-report module, loaded on demand by __duibiaoAdd.
const parserJs = moduleJs('add-report module (parser + dialog, src/add)', parserGlue, parserWasm, '__duibiaoParserReady');
const parserName = `p-${hash8(parserJs)}.js`;
// The views module, loaded once the app is idle by __duibiaoViewsLoad.
const viewsJs = moduleJs('views module (views off the first screen, the dialog, the export; src/deferred)', viewsGlue, viewsWasm, '__duibiaoViewsReady');
const viewsName = `v-${hash8(viewsJs)}.js`;
// The single file's source, for 下载含我的报告的单文件 beside index.html: named from what makes it
// (its own hash cannot be in app.js, which it contains).
const cssText = fs.readdirSync(stage).filter((f) => f.endsWith('.css')).sort()
  .map((f) => read(f).toString('utf8')).join('');
const pageName = `page-${hash8(wasm.toString('latin1') + index + parserJs + viewsJs + cssText + html)}.js`;

// The page's loader: texts, reports added on this device, the add-report module and drops. Minified
// like the glue: it is part of the start-up download.
const loaderSource = [
  // Texts arrive by __duibiaoText (from t/*.js, or inline in duibiao.html); a failed chunk is null.
  '(function (g) {',
  '  var texts = g.__duibiaoTexts = g.__duibiaoTexts || {}, asked = {};',
  '  function tell() { if (g.__duibiaoOnText) g.__duibiaoOnText(); }',
  '  g.__duibiaoText = function (id, text) { texts[id] = text; tell(); };',
  '  g.__duibiaoLoad = function (id, file) {',
  '    if (id in texts) { setTimeout(tell, 0); return; }',
  '    if (asked[id]) return;',
  '    asked[id] = 1;',
  // A report added on this device keeps its text in localStorage (src/add/store.rs).
  '    if (file.lastIndexOf("local:", 0) === 0) {',
  '      try { texts[id] = localStorage.getItem("duibiao:t:" + file.slice(6)); } catch (e) { texts[id] = null; }',
  '      return setTimeout(tell, 0);',
  '    }',
  '    var s = document.createElement("script");',
  '    s.src = file;',
  '    s.onerror = function () { texts[id] = null; tell(); };',
  '    document.head.appendChild(s);',
  '  };',
  // Reports added on this device, id and index alternating, joined by U+0001 (src/lib.rs `local`);
  // not those built in already (a single file downloaded with them, opened where they are stored).
  '  g.__duibiaoLocal = function () {',
  '    var out = [];',
  '    try {',
  '      for (var i = 0; i < localStorage.length; i++) {',
  '        var k = localStorage.key(i);',
  '        if (k && k.lastIndexOf("duibiao:r:", 0) === 0 && g.__duibiaoCorpus.indexOf("\\nD\\t" + k.slice(10) + "\\t") < 0)',
  '          out.push(k.slice(10), localStorage.getItem(k));',
  '      }',
  '    } catch (e) {}',
  '    return out.join("\\u0001");',
  '  };',
  `  g.__duibiaoFiles = { parser: "./${parserName}", views: "./${viewsName}", page: "./${pageName}" };`,
  // Adds a module's script: its file, or inside duibiao.html its inert copy #duibiao-<name>.
  '  function loadModule(name, failed) {',
  '    var s = document.createElement("script"), inert = document.getElementById("duibiao-" + name);',
  '    s.setAttribute("data-rt", "");',
  '    if (inert) s.text = inert.textContent;',
  '    else {',
  '      s.src = g.__duibiaoFiles[name];',
  '      s.onerror = function () { failed(s.src); };',
  '    }',
  '    document.head.appendChild(s);',
  '  }',
  // The add-report module loads on first use; calls made meanwhile wait for it.
  '  var queue = [];',
  '  g.__duibiaoParserReady = function (p, e) {',
  '    var q = queue;',
  '    queue = [];',
  '    g.__duibiaoParser = p;',
  '    if (!p) { console.error("Duibiao: the add-report module failed to start:", e); return; }',
  '    for (var i = 0; i < q.length; i++) p.open(q[i]);',
  '  };',
  '  g.__duibiaoAdd = function (files) {',
  '    files = files || null;',
  '    if (g.__duibiaoParser) return g.__duibiaoParser.open(files);',
  '    if (queue.push(files) > 1) return;',
  '    loadModule("parser", function (src) {',
  '      queue = [];',
  '      alert("添加报告的模块未能载入 / The add-report module could not be loaded: " + src);',
  '    });',
  '  };',
  // The views module (src/deferred), loaded once. __duibiaoViews is its exports, false if it could
  // not start; the app hears of either through the text listener and renders again.
  '  g.__duibiaoViewsLoad = function () {',
  '    if (g.__duibiaoViewsAsked) return;',
  '    g.__duibiaoViewsAsked = 1;',
  '    loadModule("views", function (src) { g.__duibiaoViewsReady(null, "could not load " + src); });',
  '  };',
  '  g.__duibiaoViewsReady = function (w, e) {',
  '    g.__duibiaoViews = w || false;',
  '    if (!w) console.error("Duibiao: the views module failed to start:", e);',
  '    tell();',
  '  };',
  // Files dropped anywhere on the page are offered for adding.
  '  function dragged(e) { var t = e.dataTransfer && e.dataTransfer.types; return !!t && [].indexOf.call(t, "Files") >= 0; }',
  '  addEventListener("dragover", function (e) { if (dragged(e)) { e.preventDefault(); e.dataTransfer.dropEffect = "copy"; } });',
  '  addEventListener("drop", function (e) { if (dragged(e)) { e.preventDefault(); g.__duibiaoAdd(e.dataTransfer.files); } });',
  '})(self);',
].join('\n');
const loader = (await minify(loaderSource, { ecma: 2017, compress: { passes: 2 }, mangle: true })).code;
if (!loader) fail('terser could not minify the loader');

// The app's wasm, two ways. Over http(s) app.js fetches `app-<hash>.wasm` and the browser compiles it
// while it downloads, compressed by the host (brotli or gzip: a raw .wasm compresses better than
// any script holding it). From file://, where fetch cannot read files, app.js loads the same bytes as
// a classic script, w-<hash>.js; duibiao.html carries that script inline. Same bytes, same hash.
const wasmHash = hash8(wasm);
const wasmFile = `app-${wasmHash}.wasm`;
const inlineJs = `self.__duibiaoWasm=${wasmLiteral(wasm)};\n`;
const inlineName = `w-${wasmHash}.js`;
const appJs = [
  '// Duibiao: the corpus index + text loader + wasm-bindgen glue + the app\'s start-up. Generated by scripts/offline.mjs.',
  `self.__duibiaoCorpus = ${JSON.stringify(index).replace(/</g, '\\u003c')};`,
  loader,
  glue.trim(),
  '(function () {',
  // The one decoder of inline wasm strings (see wasmString in scripts/offline.mjs).
  '  self.__duibiaoBytes = function (w) {',
  '    var n = w.length, u = new Uint8Array(n);',
  '    for (var i = 0; i < n; i++) u[i] = w.charCodeAt(i) & 255;',
  '    return u;',
  '  };',
  // Asked for at once (app.js is async: the page may still be parsing); a failed or refused fetch
  // (a host without the file, a proxy) falls back to the inline copy.
  '  var streamed = typeof self.__duibiaoWasm !== "string" && /^https?:$/.test(location.protocol) && typeof fetch === "function"',
  `    ? fetch("./${wasmFile}").then(function (r) { if (!r.ok) throw new Error(r.status); return r; }) : null;`,
  '  function start(src) {',
  '    wasm_bindgen({ module_or_path: src }).then(function (w) {',
  '      dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: w } }));',
  // The views module once nothing else is waiting (a view or the dialog asks for it sooner).
  '      (self.requestIdleCallback || setTimeout)(self.__duibiaoViewsLoad);',
  '    }, function (e) { console.error("Duibiao failed to start:", e); });',
  '  }',
  '  function inline() {',
  '    var w = self.__duibiaoWasm;',
  '    if (typeof w === "string") { self.__duibiaoWasm = null; return start(self.__duibiaoBytes(w)); }',
  '    var s = document.createElement("script");',
  `    s.src = "./${inlineName}";`,
  '    s.setAttribute("data-rt", "");',
  '    s.onload = inline;',
  '    s.onerror = function () { console.error("Duibiao failed to start: could not load " + s.src); };',
  '    document.head.appendChild(s);',
  '  }',
  '  function go() { if (streamed) streamed.then(start, inline); else inline(); }',
  '  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", go);',
  '  else go();',
  '})();',
  '',
].join('\n');
const appName = `app-${hash8(appJs)}.js`;

// Drop trunk's loader (any inline script naming the glue) and every preload of the glue or wasm.
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const mentionsBuild = new RegExp(`${esc(glueName)}|${esc(wasmName)}`);
const before = html;
html = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/gi, (tag) => (mentionsBuild.test(tag) ? '' : tag));
html = html.replace(/<link\b[^>]*>\s*/gi, (tag) =>
  /\brel=["']?(modulepreload|preload)\b/i.test(tag) && mentionsBuild.test(tag) ? '' : tag,
);
if (html === before) fail('found no trunk loader to replace in index.html');
if (mentionsBuild.test(html)) fail(`index.html still references ${glueName} or ${wasmName}`);
if (!/<\/head>/i.test(html)) fail('index.html has no </head>');
// async rather than defer: app.js asks for the wasm as soon as it arrives, while the browser is
// still busy with the pre-rendered page; it starts the app once the DOM is there.
html = html.replace(/<\/head>/i, `<script async src="./${appName}"></script>\n</head>`);

// Pre-render into #app (the app clears #app when it mounts). A page without #app (the unit tests'
// synthetic pages) is left alone; a page with one fails the build if the render fails.
const appDiv = /<div id="app"><\/div>/;
if (appDiv.test(html) && process.env.DUIBIAO_PRERENDER !== '0') {
  const markup = prerender([]);
  if (!markup.trim()) fail('pre-rendering printed nothing');
  // Shown until the app mounts, and for good where JavaScript or WebAssembly is missing.
  const note = '<p class="static-note" role="note">这是静态预览。交互功能需要启用 JavaScript 并支持 WebAssembly 的较新浏览器。'
    + ' <span lang="en">This is a static preview: the interactive view needs a recent browser with JavaScript and WebAssembly.</span></p>';
  html = html.replace(appDiv, () => `<div id="app">${note}${markup}</div>`);
}

fs.writeFileSync(path.join(stage, appName), appJs);
fs.writeFileSync(path.join(stage, wasmFile), wasm);
fs.writeFileSync(path.join(stage, inlineName), inlineJs);
fs.writeFileSync(path.join(stage, parserName), parserJs);
fs.writeFileSync(path.join(stage, viewsName), viewsJs);
fs.writeFileSync(indexPath, html);
// app.js and the module's script carry them; leaving them would only invite a stray fetch.
for (const f of [glueName, wasmName, 'parser.js', PARSER, 'views.js', VIEWS]) fs.rmSync(path.join(stage, f));

// ---- duibiao.html: everything inline ----

const MIME = {
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.gif': 'image/gif', '.woff2': 'font/woff2',
  '.woff': 'font/woff', '.json': 'application/json',
};
const isLocal = (url) => !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url);
const localFile = (url, base = stage) => {
  const clean = decodeURIComponent(url.split(/[?#]/)[0]);
  const p = path.resolve(base, clean.replace(/^\/+/, ''));
  if (!p.startsWith(path.resolve(stage))) fail(`${url} points outside dist/`);
  if (!fs.existsSync(p)) fail(`index.html references ${url}, which is not in dist/`);
  return p;
};
const dataUri = (p) => {
  const type = MIME[path.extname(p).toLowerCase()];
  if (!type) fail(`don't know how to inline ${path.basename(p)} (add its type to MIME in offline.mjs)`);
  return `data:${type};base64,${fs.readFileSync(p).toString('base64')}`;
};
// CSS url(...) references to local files become data: URIs, relative to the stylesheet.
const inlineCssUrls = (css, base) =>
  css.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (m, q, url) =>
    isLocal(url) && !url.startsWith('data:') ? `url("${dataUri(localFile(url, base))}")` : m,
  );
// Text inside <style>/<script> must not close the element early.
const guard = (text, tag) => {
  if (new RegExp(`</${tag}`, 'i').test(text)) fail(`inline ${tag} would contain "</${tag}"`);
  return text;
};

// `trunk serve` injects its live-reload client; a file meant to be passed around must not carry it.
let single = html.replace(/<script\b[^>]*>(?:(?!<\/script>)[\s\S])*\.well-known\/trunk\/ws[\s\S]*?<\/script>\s*/gi, '');
single = single.replace(/<link\b[^>]*>/gi, (tag) => {
  const href = (tag.match(/\bhref=["']?([^"'\s>]+)/i) || [])[1];
  if (!href || !isLocal(href)) return tag;
  if (/\brel=["']?stylesheet\b/i.test(tag)) {
    const p = localFile(href);
    return `<style>${guard(inlineCssUrls(fs.readFileSync(p, 'utf8'), path.dirname(p)), 'style')}</style>`;
  }
  if (/\brel=["']?[^"'>]*\bicon\b/i.test(tag)) return tag.replace(href, dataUri(localFile(href)));
  return tag;
});
single = single.replace(/<img\b[^>]*>/gi, (tag) => {
  const src = (tag.match(/\bsrc=["']?([^"'\s>]+)/i) || [])[1];
  return src && isLocal(src) ? tag.replace(src, dataUri(localFile(src))) : tag;
});
single = single.replace(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)[^>]*>\s*<\/script>\s*/gi, (tag, src) => {
  if (!isLocal(src)) fail(`index.html loads a remote script: ${src}`);
  // Moved to the end of <body> below (inline scripts cannot defer).
  return src.replace(/^\.\//, '') === appName ? '' : `<script>${guard(fs.readFileSync(localFile(src), 'utf8'), 'script')}</script>`;
});
// Whatever is left outside inline code must not load a file of its own.
const markup = single.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
if (/<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)=["']?(?!data:|#|https?:|mailto:)[^"'\s>]/i.test(markup)) {
  fail('duibiao.html would still load a file beside it');
}
if (!/<\/body>/i.test(single)) fail('index.html has no </body>');
// Every report text inline after app.js, so the single file needs nothing beside it.
const inlineTexts = chunkFiles.map((f) => `<script>${guard(fs.readFileSync(path.join(stage, f), 'utf8'), 'script')}</script>`).join('\n');
// Both modules ride along inert (type text/plain: not parsed or run until the page loads them from
// there, the views module once idle, the add-report module when someone adds a report), and a script right after #app keeps what 下载含我的报告的单文件 needs to rebuild this
// file's source from the page (src/add/single.rs): the pre-rendered markup and <html lang>/title.
const inertModules = [['parser', parserJs], ['views', viewsJs]].map(([name, js]) => {
  if (/<!--/.test(js)) fail(`the ${name} module would contain "<!--"`);
  return `<script type="text/plain" id="duibiao-${name}">${guard(js, 'script')}</script>`;
}).join('\n');
const keep = '<script>self.__duibiaoStatic=[document.documentElement.lang,document.title,document.getElementById("app").innerHTML];</script>';
single = single.replace(/(<div id="app">[\s\S]*?<\/div>)(\s*<\/body>)/i, (m, app, rest) => `${app}\n${keep}${rest}`);
if (!single.includes(keep)) fail('found no #app before </body> to keep the pre-render of');
single = single.replace(/<\/body>/i, () => `<script>${guard(inlineJs, 'script')}</script>\n<script>${guard(appJs, 'script')}</script>\n${inlineTexts}\n${inertModules}\n</body>`);
fs.writeFileSync(path.join(stage, 'duibiao.html'), single);
// duibiao.html's source beside index.html, loaded only by 下载含我的报告的单文件.
fs.writeFileSync(path.join(stage, pageName), `__duibiaoPage(${JSON.stringify(single)});\n`);

const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(
  `offline.mjs: index.html -> ${appName} (${kb(Buffer.byteLength(appJs))}, wasm ${kb(wasm.length)}) + ${chunkFiles.length} text chunks; duibiao.html ${kb(Buffer.byteLength(single))}`,
);
