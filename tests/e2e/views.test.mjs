// The views module (src/deferred): the views off the first screen, the provenance dialog and the
// export section come in a second wasm that the page asks for once the app runs. The first view
// works without it, a click that needs it waits for it, and a missing module is said on the page.
// Run: `node --test tests/e2e/` after `trunk build --release` (scripts/test.sh does both).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { serve, STRICT_CSP } from '../../scripts/static-server.mjs';
import { DIST, WAIT_MS, guardedPage, launch, requireDist } from './helpers.mjs';

let browser;
let strict;
const temps = [];
const MODULE = /\/v-[0-9a-f]{16}\.js$/;

before(async () => {
  requireDist();
  browser = await launch();
  strict = await serve(DIST, { csp: STRICT_CSP, maxLifetimeMs: 10 * 60_000 });
});

after(async () => {
  await browser?.close();
  await strict?.close();
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

test('the table runs without the views module; a number clicked before it arrives opens its source once it does (strict CSP)', async () => {
  const g = await guardedPage(browser, { allow: [strict.url, 'data:', 'blob:'] });
  const { page } = g;
  // Hold the module back until the test lets it through.
  let release;
  const held = new Promise((r) => { release = r; });
  const asked = [];
  await page.route(MODULE, async (route) => {
    asked.push(route.request().url());
    await held;
    await route.continue();
  });
  try {
    await page.goto(`${strict.url}/?places=衢州市,温州市&years=2021,2022,2024`);
    await page.waitForFunction(() => !document.querySelector('.static-note') && document.querySelector('table.compare td button.num'), null, { timeout: WAIT_MS });
    // The app is running: picking a year changes the table, the module still held back.
    const cols = await page.locator('table.compare thead th').count();
    await page.locator('.picker input[type=checkbox]:not(:checked)').first().check();
    await page.waitForFunction((n) => document.querySelectorAll('table.compare thead th').length === n + 1, cols, { timeout: WAIT_MS });
    await page.waitForFunction(() => self.__duibiaoViewsAsked === 1, null, { timeout: WAIT_MS });
    assert.equal(asked.length, 1, 'the page asked for the module once, after starting');
    assert.equal(await page.evaluate(() => typeof self.__duibiaoViews), 'undefined', 'not there yet');
    assert.equal(await page.locator('section.export').count(), 0, 'the export section comes with the module');
    // A number clicked now: the dialog opens once the module is there.
    await page.locator('table.compare td button.num').first().click();
    await page.waitForTimeout(300);
    assert.equal(await page.locator('dialog[open]').count(), 0, 'no dialog without the module');
    release();
    const mark = page.locator('dialog.prov[open] blockquote mark').first();
    await mark.waitFor({ timeout: WAIT_MS });
    assert.match(await mark.innerText(), /\d/, 'the source sentence with its number marked');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'), null, { timeout: WAIT_MS });
    // The export section and every other view now run from the module.
    await page.locator('section.export button').first().waitFor({ timeout: WAIT_MS });
    for (const [tab, sel] of [[1, '.sc-card'], [2, '#topic-filter'], [3, 'svg[role=group]'], [4, '.doc-text button.inline-claim']]) {
      await page.locator('nav.views button').nth(tab).click();
      await page.locator(sel).first().waitFor({ timeout: WAIT_MS });
    }
    // A claim in the reader opens the dialog too: the module's views reach the app's state.
    await page.locator('.doc-text button.inline-claim').first().click();
    await page.locator('dialog.prov[open]').waitFor({ timeout: WAIT_MS });
    // The app's address follows the module's view (written a moment after the change).
    await page.waitForFunction(() => /view=report/.test(location.search), null, { timeout: WAIT_MS });
    await g.clean();
  } finally {
    release?.();
    await g.context.close();
  }
});

test('a click in the module never runs a handler of the app (each wasm numbers its Yew roots from 1)', async () => {
  const g = await guardedPage(browser, { allow: [strict.url, 'data:', 'blob:'] });
  const { page } = g;
  try {
    await page.goto(`${strict.url}/?places=衢州市,温州市&years=2021,2022,2024`);
    await page.locator('section.export button').first().waitFor({ timeout: WAIT_MS });
    // Yew brands an app's elements with its root's number: the module's never equal the app's.
    const ids = await page.evaluate(() => [document.getElementById('app').__yew_subtree_id,
      ...[...document.querySelectorAll('.slot')].map((s) => s.__yew_subtree_id)]);
    assert.equal(new Set(ids).size, ids.length, `distinct Yew roots: ${ids}`);
    const views = () => page.locator('nav.views button[aria-pressed=true]').allInnerTexts();
    const before = await views();
    // Buttons of the export section, the first elements the module numbers: the view stays.
    await page.locator('section.export details summary').click();
    await page.locator('section.export details button').click();
    await page.waitForTimeout(300);
    assert.deepEqual(await views(), before, 'the view did not change');
    assert.equal(await page.locator('table.compare').count(), 1);
    await g.clean();
  } finally {
    await g.context.close();
  }
});

test('without the module file a view says so, and the table and picker keep working (file://)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duibiao-views-'));
  temps.push(dir);
  fs.cpSync(DIST, dir, { recursive: true });
  const gone = fs.readdirSync(dir).filter((f) => MODULE.test(`/${f}`));
  assert.equal(gone.length, 1, 'dist/ has one views module');
  fs.rmSync(path.join(dir, gone[0]));
  const g = await guardedPage(browser, { allow: ['file:', 'data:', 'blob:'] });
  const { page } = g;
  try {
    await page.goto(`${pathToFileURL(path.join(dir, 'index.html')).href}?view=chart`);
    const alert = page.locator('main [role=alert]');
    await alert.waitFor({ timeout: WAIT_MS });
    assert.match(await alert.innerText(), /模块文件未能载入/);
    await page.locator('nav.views button').first().click();
    await page.locator('table.compare td button.num').first().waitFor({ timeout: WAIT_MS });
    // A number: the dialog cannot open, and the page says why on screen instead of doing nothing;
    // closing the message closes the dialog that could not open.
    await page.locator('table.compare td button.num').first().click();
    const toast = page.locator('[role=alert]', { hasText: '模块文件未能载入' });
    await toast.waitFor({ timeout: WAIT_MS });
    const box = await toast.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 800, `the message is on screen: ${JSON.stringify(box)}`);
    await toast.getByRole('button').click();
    await toast.waitFor({ state: 'detached', timeout: WAIT_MS });
    const other = g.problems.filter((p) => !/ERR_FILE_NOT_FOUND|Failed to load resource|views module failed to start/.test(p));
    assert.deepEqual(other, [], 'no error but the missing file');
  } finally {
    await g.context.close();
  }
});

test('duibiao.html runs the module from its inert copy: a view from a link, with no file beside it', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duibiao-views-'));
  temps.push(dir);
  fs.copyFileSync(path.join(DIST, 'duibiao.html'), path.join(dir, 'duibiao.html'));
  const g = await guardedPage(browser, { allow: ['file:', 'data:', 'blob:'] });
  const { page } = g;
  const files = [];
  page.on('request', (r) => r.url().startsWith('file:') && !r.url().endsWith('/duibiao.html') && !/duibiao\.html\?/.test(r.url()) && files.push(r.url()));
  try {
    await page.goto(`${pathToFileURL(path.join(dir, 'duibiao.html')).href}?view=chart`);
    await page.locator('svg[role=group]').first().waitFor({ timeout: WAIT_MS });
    assert.deepEqual(files, [], 'nothing asked for beside the file');
    await g.clean();
  } finally {
    await g.context.close();
  }
});
