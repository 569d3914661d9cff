// A province's worth of reports in the built app, without a second release build: the corpus is
// generated (bench/gen_corpus.py), packed by the `report pack` CLI and put into a copy of dist/ in
// place of the seeds' index and texts (the wasm does not change with the data). Checks what only
// shows at scale: the folded picker, and texts loading from among a hundred and more files.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT, WAIT_MS, distWith, guardedPage, launch, requireDist, screenshot, unfoldPicker } from './helpers.mjs';

const REPORTS = 120;
let browser;
let dir;

before(() => {
  requireDist();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duibiao-scale-'));
  const corpus = path.join(dir, 'corpus');
  execFileSync('python3', [path.join(ROOT, 'bench/gen_corpus.py'), String(REPORTS), corpus], { stdio: 'ignore' });
  const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(corpus, f));
  distWith(dir, files);
});

after(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test(`${REPORTS} reports from file:// on a phone: folded picker, a county added, its source loaded`, async () => {
  browser = await launch();
  const g = await guardedPage(browser, { allow: ['file:', 'data:', 'blob:'], viewport: { width: 375, height: 667 } });
  const { page } = g;
  const texts = [];
  page.on('request', (r) => /\/t\/[^/]+\.js$/.test(r.url()) && texts.push(r.url()));
  try {
    await page.goto(pathToFileURL(path.join(dir, 'dist', 'index.html')).href);
    await page.waitForFunction(() => !document.querySelector('.static-note') && document.querySelector('table.compare'), null, { timeout: WAIT_MS });
    await unfoldPicker(page);
    const folds = page.locator('.btn.fold[aria-expanded="false"]:not([disabled])');
    assert.ok((await folds.count()) >= 5, 'cities fold their counties and districts');
    const chips = () => page.locator('.picker input[type=checkbox]').count();
    const before = await chips();
    await folds.first().evaluate((b) => b.setAttribute('data-test', 'fold'));
    const fold = page.locator('[data-test=fold]');
    assert.equal(await fold.getAttribute('aria-controls'), null, 'a folded group points at nothing');
    await fold.click();
    await page.locator('[data-test=fold][aria-expanded="true"]').waitFor({ timeout: WAIT_MS });
    const group = await fold.getAttribute('aria-controls');
    assert.ok(group && (await page.locator(`#${group} input[type=checkbox]`).count()) > 0, `the group ${group} shows its places`);
    assert.ok((await chips()) > before, 'opening a city shows more years to pick');

    const cols = () => page.locator('table.compare thead th[scope=col]').count();
    const n = await cols();
    await page.locator(`#${group} input[type=checkbox]`).first().check();
    await page.waitForFunction((k) => document.querySelectorAll('table.compare thead th[scope=col]').length === k + 1, n, { timeout: WAIT_MS });

    assert.deepEqual(texts, [], 'the table needs no report text');
    await page.locator('table.compare button.num').first().click();
    await page.locator('dialog[open] blockquote mark').first().waitFor({ timeout: WAIT_MS });
    assert.equal(texts.length, 1, `one report's text loaded: ${texts}`);
    await screenshot(page, `scale-${REPORTS}-375`);
    await g.clean();
  } finally {
    await g.context.close();
  }
});
