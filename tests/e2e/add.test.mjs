// Adding a report in the page (#12): the add-report module parses it on the device, the person
// checks and corrects what was read, the report is kept in browser storage, shows everywhere like a
// built-in one (marked 本机), and travels in a downloaded single file.
//
// The texts are the development openings of 宁波's 2024 plan and 2024 summary (tests/dev/texts). What
// they say, read by hand: the plan never names its bureau in a title but speaks of 宁波 ("是宁波成为
// 全国首批沿海开放城市40周年"), its 主要目标 paragraph holds five 2024 goals, three of them with a
// 力争 stretch (R&D 3.3% / 3.4%, 有效高新技术企业 8,500 / 9,000, high-tech industry share 61.5%,
// its investment +15%, technology trade 900 / 1,000 亿元): eight goal figures, no achievement. The
// summary is 宁波市科学技术局2024年工作总结 and claims 高新技术企业预计突破8800家: against the
// plan, one goal exceeded and four not reported back.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { serve, STRICT_CSP } from '../../scripts/static-server.mjs';
import { DIST, WAIT_MS, axeViolations, devText, downloadFrom, guardedPage, launch, requireDist, screenshot, unfoldPicker } from './helpers.mjs';

const PLAN_NAME = '宁波市科技局2024年工作要点.txt';
const SUMMARY_NAME = '宁波市科学技术局2024年工作总结.txt';
let browser;
let dir;
let plan;
let summary;
let server;

before(async () => {
  requireDist();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duibiao-add-'));
  plan = path.join(dir, PLAN_NAME);
  summary = path.join(dir, SUMMARY_NAME);
  fs.writeFileSync(plan, devText('ningbo_2024_plan.txt'));
  fs.writeFileSync(summary, devText('ningbo_2024.txt'));
  browser = await launch();
  server = await serve(DIST, { csp: STRICT_CSP });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const FILE = pathToFileURL(path.join(DIST, 'index.html')).href;

async function open(how, viewport = { width: 1280, height: 800 }, query = '') {
  const allow = how === 'http' ? [server.url, 'data:', 'blob:'] : ['file:', 'data:', 'blob:'];
  const g = await guardedPage(browser, { allow, viewport });
  await g.page.goto((how === 'http' ? `${server.url}/index.html` : FILE) + query);
  await g.page.waitForFunction(() => !document.querySelector('.static-note'), null, { timeout: WAIT_MS });
  return g;
}

/** Opens the add dialog from the picker (unfolding it on a phone). */
async function openDialog(page) {
  await unfoldPicker(page);
  await page.locator('.picker .add-report').click();
  await page.locator('dialog.add-dialog[open]').waitFor({ timeout: WAIT_MS });
}

/** Adds what the dialog holds and waits for the page to come back with it. */
async function addAndShow(page) {
  const go = page.locator('.add-go .btn.primary');
  assert.equal(await go.isEnabled(), true, 'the add button is enabled');
  await Promise.all([page.waitForEvent('load', { timeout: WAIT_MS }), go.click()]);
  await page.waitForFunction(() => !document.querySelector('.static-note'), null, { timeout: WAIT_MS });
}

/** Adds `files` through the file chooser, each read and checked first. */
async function addFiles(page, files) {
  await openDialog(page);
  await page.locator('#add-file').setInputFiles(files);
  await page.locator('.check').nth([files].flat().length - 1).waitFor({ timeout: WAIT_MS });
  await addAndShow(page);
}

const chipHere = (page, place, year) =>
  page.locator('.picker fieldset', { has: page.locator('legend', { hasText: place }) }).locator(`label.chip.here`, { hasText: String(year) });

describe('adding reports in the page', () => {
  for (const how of ['file', 'http']) {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
      test(`choose a plan, check it, add it; it shows in the table and its source (${how}, ${viewport.width}px)`, async () => {
        const g = await open(how, viewport);
        const { page } = g;
        try {
          await openDialog(page);
          await page.locator('#add-file').setInputFiles(plan);
          const card = page.locator('.check').first();
          await card.waitFor({ timeout: WAIT_MS });
          // The reader is taken to the new card (below the inputs, off a phone's first screen).
          await page.waitForFunction(() => /^chk-\d+-h$/.test(document.activeElement?.id || ''), null, { timeout: WAIT_MS });
          const facts = await card.locator('.facts').innerText();
          assert.match(facts, /宁波市（地级市，属浙江省）/);
          assert.match(facts, /计划 2024/);
          assert.match(facts, /8 条指标（目标 8，实绩 0）/);
          // Every claim with its sentence, the number marked.
          await card.locator('details summary').first().click();
          await card.locator('.claims li').first().waitFor({ timeout: WAIT_MS });
          assert.equal(await card.locator('.claims li').count(), 8);
          assert.equal(await card.locator('.claims li mark', { hasText: /^8500家$/ }).count(), 1, 'the number is marked in its sentence');
          if (viewport.width === 360) {
            const over = await page.evaluate(() => document.querySelector('dialog.add-dialog').scrollWidth - document.querySelector('dialog.add-dialog').clientWidth);
            assert.ok(over <= 0, `the dialog scrolls sideways by ${over}px at 360px`);
          }
          await screenshot(page, `add-check-${how}-${viewport.width}`);
          await addAndShow(page);
          await unfoldPicker(page);
          await chipHere(page, '宁波市', 2024).waitFor({ timeout: WAIT_MS });
          const chip = chipHere(page, '宁波市', 2024);
          assert.match(await chip.locator('input').getAttribute('aria-label'), /宁波市 2024（本机）/);
          assert.equal(await chip.evaluate((e) => getComputedStyle(e, '::after').content), '"本机"');
          // Selected after adding, beside what was selected before.
          assert.match(decodeURIComponent(page.url()), /宁波市/);
          const col = page.locator('table th', { hasText: '宁波市' });
          await col.first().waitFor({ timeout: WAIT_MS });
          const num = page.locator('table button.num', { hasText: '8500' }).first();
          await num.click();
          const dialog = page.locator('dialog.prov[open]');
          await dialog.waitFor({ timeout: WAIT_MS });
          await dialog.locator('blockquote mark', { hasText: '8500' }).waitFor({ timeout: WAIT_MS });
          assert.match(await dialog.innerText(), /高新技术企业/);
          await g.clean();
        } finally {
          await g.context.close();
        }
      });
    }
  }

  test('a pasted summary and a dropped file; kept after a reload; removed one by one and all at once (file://)', async () => {
    const g = await open('file');
    const { page } = g;
    try {
      // Paste: the title field stands in for a file name.
      await openDialog(page);
      await page.locator('#add-text').fill(devText('ningbo_2024.txt'));
      await page.locator('#add-name').fill('宁波市科学技术局2024年工作总结');
      await page.locator('.add-paste .btn').click();
      const card = page.locator('.check').first();
      await card.waitFor({ timeout: WAIT_MS });
      assert.match(await card.locator('.facts').innerText(), /总结 2024/);
      await addAndShow(page);
      // Drop: a file dropped anywhere on the page opens the dialog with it.
      await page.evaluate(({ name, text }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], name, { type: 'text/plain' }));
        document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, { name: PLAN_NAME, text: devText('ningbo_2024_plan.txt') });
      await page.locator('dialog.add-dialog[open] .check').waitFor({ timeout: WAIT_MS });
      await addAndShow(page);
      // Goals beside results: the scorecard of the pair.
      await page.goto(`${FILE}?view=scorecard&places=宁波市&years=2024`);
      const tally = page.locator('.sc-card .sc-tally').first();
      await tally.waitFor({ timeout: WAIT_MS });
      assert.equal((await tally.innerText()).trim(), '5项目标:超额1 · 未报告4');
      // A reload keeps them.
      await page.reload();
      await tally.waitFor({ timeout: WAIT_MS });
      assert.equal((await tally.innerText()).trim(), '5项目标:超额1 · 未报告4');
      // Remove one: the page reloads when the dialog closes; the summary's 2024 stays.
      await openDialog(page);
      const stored = page.locator('.add-stored li');
      assert.equal(await stored.count(), 2);
      await stored.filter({ hasText: PLAN_NAME }).locator('button').click();
      assert.equal(await stored.count(), 1);
      await Promise.all([page.waitForEvent('load'), page.locator('.add-head .btn').click()]);
      await page.waitForFunction(() => !document.querySelector('.static-note'), null, { timeout: WAIT_MS });
      await page.locator('.views').first().waitFor({ timeout: WAIT_MS });
      assert.equal(await page.locator('.sc-line').count(), 0, 'no goals left for 宁波 2024');
      // Remove all (two steps).
      await openDialog(page);
      await page.locator('.add-stored .row .btn', { hasText: '全部删除' }).click();
      await page.locator('.add-stored .btn.danger').click();
      assert.equal(await page.locator('.add-stored li').count(), 0);
      await Promise.all([page.waitForEvent('load'), page.keyboard.press('Escape')]);
      await page.waitForFunction(() => !document.querySelector('.static-note'), null, { timeout: WAIT_MS });
      assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('duibiao:')).length), 0);
      // The link still names 宁波市: a note says so, the page runs.
      await page.locator('.notes').waitFor({ timeout: WAIT_MS });
      assert.match(await page.locator('.notes').innerText(), /不在本页/);
      await g.clean();
    } finally {
      await g.context.close();
    }
  });

  test('an added report is everywhere a built-in one is: topics, chart, reader, CSV and JSON (file://)', async () => {
    const g = await open('file');
    const { page } = g;
    try {
      await addFiles(page, plan);
      const id = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('duibiao:r:')).slice(10));
      // Topics: its items beside the others'.
      await page.goto(`${FILE}?view=topics&cols=宁波市:2024`);
      await page.locator('.topics-view .topic-grid').first().waitFor({ timeout: WAIT_MS });
      assert.match(await page.locator('.topics-view').innerText(), /宁波市/);
      // Chart: its 高新技术企业 goal as a bar.
      await page.goto(`${FILE}?view=chart&indicator=high_tech_enterprises&cols=宁波市:2024`);
      await page.locator('.chart-view svg').first().waitFor({ timeout: WAIT_MS });
      assert.match(await page.locator('.chart-view').innerText(), /8500/);
      // Reader: its whole text, from browser storage.
      await page.goto(`${FILE}?view=report&doc=${id}`);
      await page.locator('.reader-view', { hasText: '有效高新技术企业数量突破8500家' }).waitFor({ timeout: WAIT_MS });
      assert.match(await page.locator('.reader-view').innerText(), /宁波市（推断） · 2024/);
      // The downloads carry it, with its text.
      await page.goto(`${FILE}?cols=宁波市:2024`);
      await page.locator('table.compare').waitFor({ timeout: WAIT_MS });
      const csv = await downloadFrom(page, page.getByRole('button', { name: /CSV/ }).first());
      const csvText = fs.readFileSync(await csv.path(), 'utf8');
      assert.match(csvText, /宁波市,2024/);
      assert.match(csvText, /有效高新技术企业数量突破8500家/, 'the source sentence is in the CSV');
      const json = await downloadFrom(page, page.getByRole('button', { name: /JSON/ }).first());
      const corpus = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
      const mine = corpus.documents.find((d) => d.id === id);
      assert.ok(mine, 'the JSON holds the added report');
      assert.equal(mine.region.name, '宁波市');
      assert.equal(mine.claims.length, 8);
      // Offsets are in characters (DOMAIN §6): every claim's sentence is its slice of the text.
      const chars = [...mine.text];
      for (const c of mine.claims) assert.equal(chars.slice(c.start, c.end).join(''), c.text);
      await g.clean();
    } finally {
      await g.context.close();
    }
  });

  test('place and years corrected before adding (the fields of a sidecar .toml)', async () => {
    const g = await open('file');
    const { page } = g;
    try {
      await openDialog(page);
      // Pasted without a name: the plan's text alone says 宁波 and 2024.
      await page.locator('#add-text').fill(devText('ningbo_2024_plan.txt'));
      await page.locator('.add-paste .btn').click();
      const card = page.locator('.check').first();
      await card.waitFor({ timeout: WAIT_MS });
      assert.equal(await card.locator('input[name="place"]').getAttribute('placeholder'), '宁波市', 'the field shows what was read');
      await card.locator('input[name="plan_year"]').fill('二〇二五');
      await card.locator('.correct button[type="submit"]').click();
      await card.locator('.correct .add-msg.bad', { hasText: '不是年份' }).waitFor({ timeout: WAIT_MS });
      await card.locator('input[name="place"]').fill('鄞州区');
      await card.locator('input[name="plan_year"]').fill('2025');
      await card.locator('.correct button[type="submit"]').click();
      await card.locator('.facts', { hasText: '计划 2025' }).waitFor({ timeout: WAIT_MS });
      assert.match(await card.locator('.facts').innerText(), /鄞州区（市辖区，属宁波市）/);
      assert.match(await card.locator('.warnings').innerText(), /添加时手动更正了/);
      await addAndShow(page);
      await unfoldPicker(page);
      await chipHere(page, '鄞州区', 2025).waitFor({ timeout: WAIT_MS });
      await g.clean();
    } finally {
      await g.context.close();
    }
  });

  for (const how of ['file', 'http']) {
    test(`the single file with my reports opens in a fresh profile and shows them as ordinary reports (${how})`, async () => {
      const g = await open(how);
      const { page } = g;
      let saved;
      try {
        await addFiles(page, [plan, summary]);
        await openDialog(page);
        const [download] = await Promise.all([
          page.waitForEvent('download', { timeout: WAIT_MS }),
          page.locator('.add-stored .btn', { hasText: '下载含我的报告的单文件' }).click(),
        ]);
        assert.equal(download.suggestedFilename(), 'duibiao.html');
        saved = path.join(dir, `single-${how}.html`);
        await download.saveAs(saved);
        await page.locator('.add-msg[role="status"]', { hasText: '2 份本机报告' }).waitFor({ timeout: WAIT_MS });
        await g.clean();
      } finally {
        await g.context.close();
      }
      // Another machine: a new profile (nothing stored), the file alone in a folder.
      const other = fs.mkdtempSync(path.join(dir, 'other-'));
      fs.copyFileSync(saved, path.join(other, 'duibiao.html'));
      const h = await guardedPage(browser, { allow: ['file:', 'data:', 'blob:'] });
      try {
        await h.page.goto(`${pathToFileURL(path.join(other, 'duibiao.html')).href}?view=scorecard&places=宁波市&years=2024`);
        const tally = h.page.locator('.sc-card .sc-tally').first();
        await tally.waitFor({ timeout: WAIT_MS });
        assert.equal((await tally.innerText()).trim(), '5项目标:超额1 · 未报告4');
        assert.equal(await h.page.evaluate(() => localStorage.length), 0, 'nothing stored in the new profile');
        await unfoldPicker(h.page);
        assert.equal(await h.page.locator('label.chip.here').count(), 0, 'built in, not 本机');
        // Its sources open too (the texts are inline).
        await h.page.locator('.sc-line.exceeded .sc-result button').first().click();
        await h.page.locator('dialog.prov[open] blockquote mark').waitFor({ timeout: WAIT_MS });
        await h.page.keyboard.press('Escape');
        await h.page.locator('dialog.prov[open]').waitFor({ state: 'detached', timeout: WAIT_MS });
        // And it can add reports itself (its module rides inside the file).
        await openDialog(h.page);
        await h.page.locator('#add-file').setInputFiles(plan);
        await h.page.locator('.check', { hasText: '已在本页' }).waitFor({ timeout: WAIT_MS });
        await h.clean();
      } finally {
        await h.context.close();
      }
    });
  }

  test('bad input gets a clear message, the page keeps running and nothing added is lost', async () => {
    const g = await open('file', { width: 360, height: 740 });
    const { page } = g;
    try {
      await addFiles(page, plan);
      await openDialog(page);
      const gbk = execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").encode("gb18030"))'], { input: fs.readFileSync(summary) });
      await page.locator('#add-file').setInputFiles([
        { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
        { name: 'picture.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]) },
        { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(20 * 1024 * 1024, 0x41) },
        { name: '天气.txt', mimeType: 'text/plain', buffer: Buffer.from('今天天气很好，我们去公园散步。晚上吃饺子。') },
        { name: SUMMARY_NAME, mimeType: 'text/plain', buffer: gbk },
        { name: '无年份.txt', mimeType: 'text/plain', buffer: Buffer.from('全市新增国家高新技术企业113家，研发投入增长12%。') },
      ]);
      const errors = page.locator('.add-errors li');
      await errors.nth(2).waitFor({ timeout: WAIT_MS });
      const text = await page.locator('.add-errors').innerText();
      assert.match(text, /empty\.txt：文件是空的/);
      assert.match(text, /picture\.txt：这不是文本文件/);
      assert.match(text, /huge\.txt：文件太大（20\.0 MB）/);
      // Not a report: read, but nothing to compare, so it cannot be added.
      const weather = page.locator('.check', { hasText: '天气.txt' });
      assert.match(await weather.innerText(), /看起来不是科技工作报告/);
      // Figures but no year: it would show nowhere, so it waits for a year to be filled in.
      const noYear = page.locator('.check', { hasText: '无年份.txt' });
      assert.match(await noYear.innerText(), /未能确定报告的年份/);
      // GB18030 is decoded (and said so), the report reads as the UTF-8 one does.
      const gb = page.locator('.check', { hasText: SUMMARY_NAME });
      assert.match(await gb.innerText(), /已按GB18030解码/);
      assert.match(await gb.locator('.facts').innerText(), /总结 2024/);
      // Adding the same plan again is refused.
      await page.locator('#add-file').setInputFiles(plan);
      await page.locator('.check', { hasText: '已在本页' }).waitFor({ timeout: WAIT_MS });
      assert.match(await page.locator('.add-go .btn.primary').innerText(), /添加 1 份报告/);
      // A full storage: the add fails with a message, the stored plan is untouched.
      // Filled to the last character: big pieces, then ever smaller ones.
      const filled = await page.evaluate(() => {
        let n = 0;
        for (const size of [256 * 1024, 16 * 1024, 1024, 64, 1]) {
          const chunk = 'x'.repeat(size);
          try {
            for (; n < 10000; n++) localStorage.setItem(`filler-${n}`, chunk);
          } catch (e) {
            if (e.name !== 'QuotaExceededError') throw e;
          }
        }
        return n;
      });
      assert.ok(filled > 0, 'the quota was reached');
      await page.locator('.add-go .btn.primary').click();
      await page.locator('.add-msg.bad', { hasText: '存储空间已满' }).waitFor({ timeout: WAIT_MS });
      assert.equal(await page.locator('.add-stored li').count(), 1, 'the plan is still stored');
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
      // A damaged stored entry: the page starts, says so, and keeps the rest.
      await page.evaluate(() => localStorage.setItem('duibiao:r:local-damaged', 'not an index'));
      await page.reload();
      await page.locator('.notes', { hasText: '已损坏' }).waitFor({ timeout: WAIT_MS });
      assert.match(await page.locator('.notes').innerText(), /local-damaged/);
      await unfoldPicker(page);
      await chipHere(page, '宁波市', 2024).waitFor({ timeout: WAIT_MS });
      await openDialog(page);
      const bad = page.locator('.add-stored li', { hasText: '已损坏' });
      await bad.locator('button').click();
      assert.equal(await page.locator('.add-stored li').count(), 1);
      await g.clean();
    } finally {
      await g.context.close();
    }
  });

  for (const care of [false, true]) {
    test(`axe finds nothing serious or critical on the add dialog${care ? ' (适老化)' : ''}`, async () => {
      const g = await open('http', { width: 1280, height: 800 }, care ? '?care=1' : '');
      const { page } = g;
      try {
        await openDialog(page);
        await page.locator('#add-file').setInputFiles(plan);
        await page.locator('.check').first().waitFor({ timeout: WAIT_MS });
        await page.locator('.check details summary').first().click();
        await page.locator('.check .claims li').first().waitFor({ timeout: WAIT_MS });
        assert.deepEqual(await axeViolations(page, 'dialog.add-dialog'), []);
        // Escape closes it (nothing was added: no reload) and gives the focus back to its button.
        await page.keyboard.press('Escape');
        await page.locator('dialog.add-dialog').waitFor({ state: 'detached', timeout: WAIT_MS });
        assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('add-report')), true);
        await g.clean();
      } finally {
        await g.context.close();
      }
    });
  }
});
