// Shared e2e helpers: Debian's headless Chromium via playwright-core, pages that fail the test on any
// console error, page error, CSP violation or request leaving the allowed origins, and waits on conditions.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// DUIBIAO_DIST tests another build (e.g. a benchmark's) instead of dist/.
export const DIST = process.env.DUIBIAO_DIST ? path.resolve(process.env.DUIBIAO_DIST) : path.join(ROOT, 'dist');
export const OUT = path.join(ROOT, 'tests/e2e/out');

/** The places of the five seed reports; every way of opening the app must show them all. */
export const PLACES = ['衢州市', '新昌县', '温州市', '绍兴市', '鄞州区'];

/** Generous: CI shares 2 cores between the browser and everything else. */
export const WAIT_MS = 20_000;

export function requireDist() {
  for (const f of ['index.html', 'duibiao.html']) {
    assert.ok(fs.existsSync(path.join(DIST, f)), `dist/${f} is missing: run \`trunk build --release\` first`);
  }
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    // No sandbox as root in CI; the rest keeps Chromium from phoning home (no network here anyway).
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/**
 * Opens a context + page that record everything that must not happen. `allow` lists what the page
 * may load: origins ('http://127.0.0.1:1234') and schemes ('file:', 'data:', 'blob:', 'about:').
 * Requests elsewhere are aborted and recorded. Call `clean()` at the end of the test to assert.
 */
export async function guardedPage(browser, { allow, viewport = { width: 1280, height: 800 }, javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ viewport, javaScriptEnabled, serviceWorkers: 'block' });
  const problems = [];
  const allowed = (url) => {
    const u = new URL(url);
    return allow.includes(u.protocol) || allow.includes(u.origin);
  };
  // Route every request of every frame: anything outside `allow` never leaves the browser.
  await context.route('**', (route) => {
    const url = route.request().url();
    if (allowed(url)) return route.continue();
    problems.push(`request to a forbidden origin: ${url}`);
    return route.abort('blockedbyclient');
  });
  // file:// requests are not routable: watch them (and everything else) here too.
  context.on('request', (req) => {
    if (!allowed(req.url())) problems.push(`request to a forbidden origin: ${req.url()}`);
  });
  // CSP violations are reported as console errors, and also as events we collect in every frame.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // Chromium asks every http origin for /favicon.ico on its own; that 404 is not the app's doing.
    if (/\/favicon\.ico$/.test(msg.location()?.url || '')) return;
    problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('crash', () => problems.push('page crashed'));

  async function clean() {
    for (const frame of page.frames()) {
      const v = await frame.evaluate(() => window.__cspViolations || []).catch(() => []);
      for (const x of v) problems.push(`CSP violation in ${frame.url()}: ${x}`);
    }
    // A blocked request shows up both as routed and as a request event: report it once.
    const unique = [...new Set(problems)];
    if (unique.length) assert.fail(`the page reported problems:\n  ${unique.join('\n  ')}`);
  }
  return { context, page, problems, clean };
}

/** Waits until the app in `target` (a page or frame) has started and shows every place; fails with what it shows instead. */
/** On a phone the running app folds the picker to one line: opens it, as a visitor would. */
export async function unfoldPicker(target, timeout = WAIT_MS) {
  await target.waitForFunction(() => !document.querySelector('.static-note'), null, { timeout, polling: 50 });
  const change = target.locator('.picker.folded .picker-bar button');
  if ((await change.count()) && (await change.isVisible())) {
    await change.click();
    await target.locator('.picker:not(.folded)').waitFor({ timeout });
  }
}

export async function waitForPlaces(target, places = PLACES, timeout = WAIT_MS) {
  try {
    await unfoldPicker(target, timeout);
    // The pre-rendered copy in #app shows the places too, with a note; the app removes the note
    // when it mounts. So this waits for the running app, not for the static preview.
    await target.waitForFunction(
      (ps) => !document.querySelector('.static-note') && ps.every((p) => document.body && document.body.innerText.includes(p)),
      places,
      { timeout, polling: 50 },
    );
  } catch (e) {
    const text = await target.evaluate(() => document.body?.innerText ?? '').catch(() => '<no page>');
    const missing = places.filter((p) => !text.includes(p));
    assert.fail(`after ${timeout} ms the app does not show ${missing.join(' ')}; it shows:\n${text.slice(0, 600)}`);
  }
}

/**
 * Clicks `button` and returns the download it starts. A download that does not come fails with what
 * the page said (its status lines) and which report texts it asked for and got, so a failure in CI
 * can be told apart: a text that did not arrive, an error on the page, or a click that went nowhere.
 */
export async function downloadFrom(page, button, timeout = WAIT_MS) {
  const texts = [];
  const onRequest = (r) => /\/t\/[^/]+\.js$/.test(r.url()) && texts.push(`asked ${path.basename(r.url())}`);
  const onDone = (r) => /\/t\/[^/]+\.js$/.test(r.url()) && texts.push(`got ${path.basename(r.url())} ${r.status()}`);
  const onFail = (r) => /\/t\/[^/]+\.js$/.test(r.url()) && texts.push(`failed ${path.basename(r.url())} ${r.failure()?.errorText}`);
  page.on('request', onRequest);
  page.on('response', onDone);
  page.on('requestfailed', onFail);
  try {
    // Scrolled into view first: the rows above it lay out as they come on screen (content-visibility).
    await button.scrollIntoViewIfNeeded({ timeout });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout }), button.click({ timeout })]);
    return download;
  } catch (e) {
    const status = await page
      .evaluate(() => [...document.querySelectorAll('[role=status]')].map((s) => s.textContent.trim()).filter(Boolean))
      .catch((x) => [`(page unreadable: ${x.message})`]);
    assert.fail(`${e.message.split('\n')[0]}\n  status lines: ${JSON.stringify(status)}\n  report texts: ${JSON.stringify(texts)}`);
  } finally {
    page.off('request', onRequest);
    page.off('response', onDone);
    page.off('requestfailed', onFail);
  }
}

export async function screenshot(page, name) {
  fs.mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
}

/**
 * A copy of dist/ in `dir` whose data is the reports `files`, packed by the `report pack` CLI, in
 * place of the seeds' index and texts: no second release build (the wasm does not change with the
 * data). `pack` adds options of the CLI (`--split-over=0` splits any corpus by group); `release`
 * packs with the optimised CLI (the benchmark's thousands of reports). Returns the copy's path.
 */
export function distWith(dir, files, pack = [], { release = false } = {}) {
  const data = path.join(dir, 'data');
  const cargo = ['run', '-q', '--locked', ...(release ? ['--release'] : []), '-p', 'report', '--', 'pack', data, ...pack, ...files];
  execFileSync('cargo', cargo, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const dist = path.join(dir, 'dist');
  fs.cpSync(DIST, dist, { recursive: true, filter: (src) => !src.startsWith(path.join(DIST, 't')) });
  fs.cpSync(path.join(data, 't'), path.join(dist, 't'), { recursive: true });
  const app = fs.readdirSync(dist).find((f) => /^app-.*\.js$/.test(f));
  const js = fs.readFileSync(path.join(dist, app), 'utf8');
  const index = fs.readFileSync(path.join(data, 'index.txt'), 'utf8');
  const line = /^self\.__duibiaoCorpus = .*;$/m;
  assert.match(js, line, 'app.js sets the index on one line');
  fs.writeFileSync(path.join(dist, app), js.replace(line, () => `self.__duibiaoCorpus = ${JSON.stringify(index).replace(/</g, '\\u003c')};`));
  return dist;
}

/**
 * axe-core's serious and critical violations in `page` (under `selector`, else the whole document),
 * one line each. Evaluated through the debugger protocol, so it needs no script-src exception.
 */
export async function axeViolations(page, selector = null) {
  await page.evaluate(fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const { violations } = await page.evaluate(
    (sel) => window.axe.run(sel ? document.querySelector(sel) : document, { resultTypes: ['violations'] }),
    selector,
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

/** A development text (tests/dev/texts) without its `source:` / `partial:` header lines. */
export function devText(name) {
  const lines = fs.readFileSync(path.join(ROOT, 'tests/dev/texts', name), 'utf8').split('\n');
  while (lines.length && (/^(source|partial):/.test(lines[0]) || !lines[0].trim())) lines.shift();
  return lines.join('\n');
}
