// A province's worth of reports in the built app, without a second release build: the corpus is
// generated (bench/gen_corpus.py), packed by the `report pack` CLI and put into a copy of dist/ in
// place of the seeds' index and texts (the wasm does not change with the data). Checks what only
// shows at scale: the folded picker, texts loading from among a hundred and more files, and an
// index split by group of places (as a corpus above report::pack::SPLIT_BYTES is), whose groups
// load when a view needs them.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT, WAIT_MS, distWith, downloadFrom, guardedPage, launch, requireDist, screenshot, unfoldPicker } from './helpers.mjs';

const REPORTS = 120;
const NATIONAL = 400;
let browser;
let dir;

before(() => {
  requireDist();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duibiao-scale-'));
  const corpus = path.join(dir, 'corpus');
  execFileSync('python3', [path.join(ROOT, 'bench/gen_corpus.py'), String(REPORTS), corpus], { stdio: 'ignore' });
  const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(corpus, f));
  distWith(dir, files);
  // The same reports split by group whatever their size.
  distWith(path.join(dir, 'split'), files, ['--split-over=0']);
  // Places from every province: the picker lists provinces. 400 reports are above
  // report::pack::SPLIT_BYTES, so this index is split as a real one of that size is.
  const national = path.join(dir, 'national-corpus');
  execFileSync('python3', [path.join(ROOT, 'bench/gen_corpus.py'), String(NATIONAL), national, '--national'], { stdio: 'ignore' });
  distWith(path.join(dir, 'national'), fs.readdirSync(national).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(national, f)));
});

after(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test(`${REPORTS} reports from file:// on a phone: folded picker, a county added, its source loaded`, async () => {
  browser ??= await launch();
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

/** The split index's reports whose claims wait in a group chunk (their place's): [place, first year]. */
function waitingReports(index) {
  const out = [];
  let place = null;
  for (const line of index.split('\n')) {
    const f = line.split('\t');
    if (f[0] === 'D') place = f[4];
    if (f[0] === 'G') out.push([place, Number(f[3].split(',')[0])]);
  }
  return out;
}

test(`${REPORTS} reports split by group: the first view needs no group, a shared link to another place loads its group alone`, async () => {
  browser ??= await launch();
  const split = path.join(dir, 'split');
  const index = fs.readFileSync(path.join(split, 'data', 'index.txt'), 'utf8');
  const waiting = waitingReports(index);
  assert.ok(waiting.length > REPORTS / 2, `most reports wait in a group: ${waiting.length}`);
  const home = pathToFileURL(path.join(split, 'dist', 'index.html')).href;
  const g = await guardedPage(browser, { allow: ['file:', 'data:', 'blob:'], viewport: { width: 1280, height: 800 } });
  const { page } = g;
  const asked = [];
  page.on('request', (r) => /\/t\/[^/]+\.js$/.test(r.url()) && asked.push(path.basename(r.url())));
  const running = () => page.waitForFunction(() => !document.querySelector('.static-note') && document.querySelector('table.compare'), null, { timeout: WAIT_MS });
  try {
    // The first view's places are in the index: numbers at once, nothing else loaded.
    await page.goto(home);
    await running();
    assert.ok((await page.locator('table.compare button.num').count()) > 0, 'the first view shows numbers');
    assert.deepEqual(asked, [], 'the first view loads no group and no text');

    // A link to a place whose claims wait in a group: that group's chunk, and only it, then its numbers.
    const [place, year] = waiting[0];
    await page.goto(`${home}?cols=${encodeURIComponent(`${place}:${year}`)}`);
    await running();
    const col = page.locator('table.compare thead th[scope=col]:not(.corner)');
    await page.waitForFunction(() => document.querySelectorAll('table.compare button.num').length > 0 && !document.querySelector('.groups-status'), null, { timeout: WAIT_MS });
    assert.equal(await col.count(), 1);
    assert.match(await col.first().innerText(), new RegExp(place));
    const groups = asked.filter((f) => f.startsWith('g-'));
    assert.equal(groups.length, 1, `one group chunk loaded for ${place}: ${asked}`);
    assert.equal(asked.length, 1, `no report text for the table: ${asked}`);

    // Its source opens with the sentence marked; the CSV carries that place's numbers.
    await page.locator('table.compare button.num').first().click();
    await page.locator('dialog[open] blockquote mark').first().waitFor({ timeout: WAIT_MS });
    await page.keyboard.press('Escape');
    const csv = await downloadFrom(page, page.getByRole('button', { name: /CSV/ }).first());
    const text = fs.readFileSync(await csv.path(), 'utf8');
    assert.ok(text.includes(`${place},${year}`), `the CSV holds ${place} ${year}`);
    await screenshot(page, `scale-${REPORTS}-split-1280`);
    await g.clean();
  } finally {
    await g.context.close();
  }
});

/** A copy of the built folder `from` (as `name` in the test's folder) without its `t/<prefix>…` files. */
function copyWithout(from, name, prefix) {
  const copy = path.join(dir, name);
  fs.cpSync(from, copy, { recursive: true });
  for (const f of fs.readdirSync(path.join(copy, 't')).filter((f) => f.startsWith(prefix))) fs.rmSync(path.join(copy, 't', f));
  return copy;
}

test('a missing group chunk is named on the page, not waited for forever', async () => {
  browser ??= await launch();
  const split = path.join(dir, 'split');
  const [place, year] = waitingReports(fs.readFileSync(path.join(split, 'data', 'index.txt'), 'utf8'))[0];
  const broken = copyWithout(path.join(split, 'dist'), 'broken', 'g-');
  const g = await guardedPage(browser, { allow: ['file:', 'data:', 'blob:'], viewport: { width: 375, height: 667 } });
  try {
    await g.page.goto(`${pathToFileURL(path.join(broken, 'index.html')).href}?cols=${encodeURIComponent(`${place}:${year}`)}`);
    const msg = g.page.locator('.groups-status.failed');
    await msg.waitFor({ timeout: WAIT_MS });
    assert.match(await msg.innerText(), /数据文件缺失/);
    const other = g.problems.filter((p) => !/ERR_FILE_NOT_FOUND|Failed to load resource/.test(p));
    assert.deepEqual(other, [], 'no error but the missing file');
  } finally {
    await g.context.close();
  }
});

/** A country's index's provinces (`P` lines): name, manifest file, places. */
function provinces(index) {
  return index.split('\n').filter((l) => l.startsWith('P\t')).map((l) => {
    const f = l.split('\t');
    return { name: f[1], file: f[3], places: f[5].split(',') };
  });
}

test(`${NATIONAL} reports from every province: the picker lists provinces, each province's places come when it is opened`, async () => {
  browser ??= await launch();
  const national = path.join(dir, 'national');
  const index = fs.readFileSync(path.join(national, 'data', 'index.txt'), 'utf8');
  // The index names provinces and holds only the first view's reports, not one line per report.
  const listed = provinces(index);
  assert.ok(listed.length >= 10, `the index names provinces: ${listed.length}`);
  const docs = index.split('\n').filter((l) => l.startsWith('D\t')).length;
  assert.ok(docs < 10, `the index holds the first view's reports only: ${docs} of ${NATIONAL}`);
  const g = await guardedPage(browser, { allow: ['file:', 'data:', 'blob:'], viewport: { width: 1280, height: 800 } });
  const { page } = g;
  const asked = [];
  page.on('request', (r) => /\/t\/[^/]+\.js$/.test(r.url()) && asked.push(path.basename(r.url())));
  const manifests = () => asked.filter((f) => f.startsWith('m-'));
  try {
    await page.goto(pathToFileURL(path.join(national, 'dist', 'index.html')).href);
    await page.waitForFunction(() => !document.querySelector('.static-note') && document.querySelector('table.compare'), null, { timeout: WAIT_MS });
    const provinceFolds = page.locator('.picker .province-fold');
    assert.equal(await provinceFolds.count(), listed.length, 'the picker lists the index\'s provinces');
    // The first view's province is open (and stays so while a place of it is chosen); the others fold.
    const open = page.locator('.picker .province-fold[aria-expanded="true"]');
    assert.equal(await open.count(), 1);
    assert.ok(await open.isDisabled(), 'a province with a chosen place cannot fold');
    const shut = page.locator('.picker .province-fold[aria-expanded="false"]');
    assert.equal(await shut.count(), (await provinceFolds.count()) - 1);
    assert.equal(await page.locator('.picker .province:not(:has(.province-fold[aria-expanded="true"])) .group').count(), 0, 'a folded province renders no city');
    // The open province's other places arrive with its manifest, the only one loaded.
    await page.waitForFunction(() => !document.querySelector('.picker .groups-status'), null, { timeout: WAIT_MS });
    assert.equal(manifests().length, 1, `the open province's manifest alone: ${asked}`);

    // Open another province: its manifest, then its cities; add the first year of its first city:
    // its claims arrive, numbers show.
    await shut.first().evaluate((b) => b.setAttribute('data-test', 'prov'));
    const label = async () => (await page.locator('[data-test=prov] strong').innerText()) + (await page.locator('[data-test=prov]').innerText()).split('·')[1];
    const before = await label();
    await page.locator('[data-test=prov]').click();
    const list = await page.locator('[data-test=prov]').getAttribute('aria-controls');
    assert.ok(list, 'the opened province names its list');
    const city = page.locator(`#${list} > .group`).first();
    const name = (await city.locator('legend').first().innerText()).trim();
    assert.equal(manifests().length, 2, `one more manifest: ${asked}`);
    assert.equal(await label(), before, 'the count of cities the index gave is the count once the province is here');
    const cols = () => page.locator('table.compare thead th[scope=col]:not(.corner)').count();
    const n = await cols();
    await city.locator('input[type=checkbox]').first().check();
    await page.waitForFunction((k) => document.querySelectorAll('table.compare thead th[scope=col]:not(.corner)').length === k + 1, n, { timeout: WAIT_MS });
    await page.waitForFunction(() => !document.querySelector('.groups-status'), null, { timeout: WAIT_MS });
    assert.ok(asked.some((f) => f.startsWith('g-')), `the place's claims came in a chunk: ${asked}`);
    const header = await page.locator('table.compare thead th[scope=col]:not(.corner)').allInnerTexts();
    assert.ok(header.some((h) => h.includes(name)), `a column for ${name}: ${header}`);
    // Its number's source opens: the views module appended the same provinces, in the same order.
    const marked = await page.evaluate((place) => {
      const ths = [...document.querySelectorAll('table.compare thead tr:last-child th')];
      const at = ths.findIndex((th) => th.innerText.includes(place));
      for (const tr of document.querySelectorAll('table.compare tbody tr')) {
        const b = tr.children[at]?.querySelector('button.num');
        if (b) return b.setAttribute('data-test', 'num') ?? true;
      }
      return false;
    }, name);
    assert.ok(marked, `a number in the column of ${name}`);
    await page.locator('[data-test=num]').click();
    await page.locator('dialog[open] blockquote mark').first().waitFor({ timeout: WAIT_MS });
    assert.match(await page.locator('dialog[open]').innerText(), new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await page.keyboard.press('Escape');
    await screenshot(page, `scale-${NATIONAL}-national-1280`);
    await g.clean();
  } finally {
    await g.context.close();
  }
});

test(`${NATIONAL} reports from every province: a shared link to a place of a province not loaded loads that province, then the place`, async () => {
  browser ??= await launch();
  const national = path.join(dir, 'national');
  const listed = provinces(fs.readFileSync(path.join(national, 'data', 'index.txt'), 'utf8'));
  // The last province's last place: not the first view's.
  const province = listed.filter((p) => p.file).at(-1);
  const place = province.places.at(-1);
  const g = await guardedPage(browser, { allow: ['file:', 'data:', 'blob:'], viewport: { width: 375, height: 667 } });
  const { page } = g;
  const asked = [];
  page.on('request', (r) => /\/t\/[^/]+\.js$/.test(r.url()) && asked.push(path.basename(r.url())));
  try {
    await page.goto(`${pathToFileURL(path.join(national, 'dist', 'index.html')).href}?places=${encodeURIComponent(place)}&lang=en`);
    await page.waitForFunction(() => !document.querySelector('.static-note') && document.querySelectorAll('table.compare button.num').length > 0 && !document.querySelector('.groups-status'), null, { timeout: WAIT_MS });
    assert.deepEqual(asked.filter((f) => f.startsWith('m-')), [path.basename(province.file)], `that province's manifest alone: ${asked}`);
    assert.equal(asked.filter((f) => f.startsWith('g-')).length, 1, `the place's claims alone: ${asked}`);
    assert.equal(await page.locator('.notes').count(), 0, 'no value of the link was ignored');
    const header = await page.locator('table.compare thead th[scope=col]:not(.corner)').allInnerTexts();
    assert.ok(header.length >= 1, 'the place\'s years are columns');
    // Named in English, as every place is.
    assert.ok(header.every((h) => /^[A-Za-z]/.test(h.trim())), `English column names: ${header}`);
    // The address keeps the place once it is shown.
    await page.waitForFunction(() => /cols=|places=/.test(location.search) && !location.search.includes('cols=&'), null, { timeout: WAIT_MS });
    const search = decodeURIComponent(await page.evaluate(() => location.search));
    assert.ok(search.includes(place), `the address names ${place}: ${search}`);
    await screenshot(page, `scale-${NATIONAL}-link-375`);
    await g.clean();
  } finally {
    await g.context.close();
  }
});

test(`${NATIONAL} reports from every province: a report's link alone (doc=) opens it though its province is not loaded`, async () => {
  browser ??= await launch();
  const national = path.join(dir, 'national');
  const listed = provinces(fs.readFileSync(path.join(national, 'data', 'index.txt'), 'utf8'));
  const province = listed.filter((p) => p.file).at(-1);
  // A report of that province, from its manifest: the D line's id and place. Its id (gen_0123)
  // names no place, so the app cannot tell its province from the link.
  const manifest = fs.readFileSync(path.join(national, 'dist', province.file), 'utf8');
  const [, id, place] = manifest.match(/\\nD\\t([^\\]+)\\t\\t\\t([^\\]+)\\t/);
  assert.ok(province.places.includes(place), `${place} is of ${province.name}`);
  const g = await guardedPage(browser, { allow: ['file:', 'data:', 'blob:'], viewport: { width: 1280, height: 800 } });
  const { page } = g;
  try {
    await page.goto(`${pathToFileURL(path.join(national, 'dist', 'index.html')).href}?view=report&doc=${encodeURIComponent(id)}`);
    const reader = page.locator('.reader-view');
    await reader.locator('.doc-text').waitFor({ timeout: WAIT_MS });
    assert.equal(await reader.locator('#reader-doc').inputValue(), id, 'the linked report is the one open');
    // Every province is here now (the id names no place): the list to open another report from holds
    // the chosen places' reports and this one, not all 400, and says so.
    const options = await reader.locator('#reader-doc option').count();
    assert.ok(options > 1 && options < 50, `the chosen places' reports: ${options} options`);
    assert.match(await reader.locator('#reader-some').innerText(), /只列出所选地点的报告/);
    assert.match(await reader.locator('p.muted').innerText(), new RegExp(place));
    assert.equal(await page.locator('.notes').count(), 0, 'no value of the link was ignored');
    assert.ok(decodeURIComponent(await page.evaluate(() => location.search)).includes(`doc=${id}`), 'the address keeps the report');
    await g.clean();
  } finally {
    await g.context.close();
  }
});

test('a missing province manifest is named on the page, and the rest of the page works', async () => {
  browser ??= await launch();
  const national = path.join(dir, 'national');
  const listed = provinces(fs.readFileSync(path.join(national, 'data', 'index.txt'), 'utf8'));
  const place = listed.filter((p) => p.file).at(-1).places.at(-1);
  const broken = copyWithout(path.join(national, 'dist'), 'broken-national', 'm-');
  const g = await guardedPage(browser, { allow: ['file:', 'data:', 'blob:'], viewport: { width: 1280, height: 800 } });
  try {
    await g.page.goto(`${pathToFileURL(path.join(broken, 'index.html')).href}?places=${encodeURIComponent(place)}`);
    const note = g.page.locator('.notes li', { hasText: place });
    await note.waitFor({ timeout: WAIT_MS });
    assert.match(await note.innerText(), /数据文件缺失/);
    // The first view's province cannot open its other places either, and says so.
    await unfoldPicker(g.page);
    const fold = g.page.locator('.picker .province-fold').first();
    if ((await fold.getAttribute('aria-expanded')) === 'false') await fold.click();
    await g.page.locator('.picker .groups-status.failed').first().waitFor({ timeout: WAIT_MS });
    const other = g.problems.filter((p) => !/ERR_FILE_NOT_FOUND|Failed to load resource|could not be read/.test(p));
    assert.deepEqual(other, [], 'no error but the missing files');
  } finally {
    await g.context.close();
  }
});
