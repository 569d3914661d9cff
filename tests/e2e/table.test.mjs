// The table's body is markup the app patches (src/components/table/body.rs): a change creates only
// the rows and cells whose markup changed and keeps the rest. These tests hold the patched table to
// the table drawn afresh for the same link, and check that kept cells are kept and new cells work.
// Run after `trunk build --release` (scripts/test.sh does both).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { serve, STRICT_CSP } from '../../scripts/static-server.mjs';
import { DIST, WAIT_MS, guardedPage, launch, requireDist } from './helpers.mjs';

const DESKTOP = { width: 1280, height: 800 };

let browser;
let server;

before(async () => {
  requireDist();
  browser = await launch();
  server = await serve(DIST, { csp: STRICT_CSP, maxLifetimeMs: 10 * 60_000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(query) {
  const g = await guardedPage(browser, { allow: [server.url, 'data:', 'blob:'], viewport: DESKTOP });
  await g.page.goto(`${server.url}/${query}`);
  await g.page.waitForFunction(() => !document.querySelector('.static-note') && document.querySelector('table.compare tbody tr'), null, {
    timeout: WAIT_MS,
    polling: 50,
  });
  // The first render draws a screenful of rows and the rest a frame later.
  await g.page.waitForTimeout(300);
  return g;
}

const columns = (page) => page.$$eval('table thead th[scope=col]', (ths) => ths.map((t) => t.innerText.replace(/\s+/g, ' ')));
const body = (page) => page.$eval('table.compare tbody', (b) => b.innerHTML);

/** Ticks or unticks a place-year in the picker and waits for the table's columns to follow. */
async function toggle(page, name) {
  const before = (await columns(page)).length;
  await page.getByRole('checkbox', { name }).click();
  await page.waitForFunction((n) => document.querySelectorAll('table thead th[scope=col]').length !== n, before, { timeout: WAIT_MS });
}

test('after columns are added and removed the table is the one a fresh page draws for the link, and cells that stay are kept', async () => {
  const { page, context, clean } = await open('?places=衢州市,温州市&years=2021,2022,2024');
  let fresh;
  try {
    assert.deepEqual((await columns(page)).slice(1).map((c) => c.split(' ').slice(0, 2).join(' ')), ['衢州市 2021年', '衢州市 2022年', '温州市 2024年']);
    // Mark every cell of the 衢州市 2022 column (the third cell of each row: heading, 2021, 2022).
    const marked = await page.$$eval('table.compare tbody tr', (trs) => {
      let n = 0;
      for (const tr of trs) if (tr.cells[2]) {
        tr.cells[2].dataset.kept = 'yes';
        n++;
      }
      return n;
    });
    assert.ok(marked > 5, `cells of 衢州市 2022 marked: ${marked}`);

    await toggle(page, '新昌县 2021');
    await toggle(page, '温州市 2024');
    await toggle(page, '衢州市 2021');
    const now = await columns(page);
    assert.equal(now.length, 3, `the heading column, 衢州市 2022 and 新昌县 2021: ${now}`);

    // The cells of the column that stayed are the same elements (their data-kept mark survived)
    // and sit in that column; rows that only the removed columns had are gone.
    const kept = await page.$$eval('table.compare tbody tr', (trs) => trs.map((tr) => [...tr.cells].findIndex((c) => c.dataset.kept === 'yes')));
    assert.ok(kept.filter((i) => i === 1).length > 3, `kept cells found in the 衢州市 2022 column: ${kept}`);
    assert.ok(kept.every((i) => i === 1 || i === -1), `a kept cell is only ever in its own column: ${kept}`);

    // The patched body holds exactly what a fresh page draws for the same link (marks aside).
    await page.$$eval('[data-kept]', (els) => els.forEach((e) => e.removeAttribute('data-kept')));
    const patched = await body(page);
    await page.waitForFunction(() => decodeURIComponent(location.search).includes('新昌县'), null, { timeout: WAIT_MS });
    const link = await page.evaluate(() => location.search);
    fresh = await open(link);
    assert.deepEqual(await columns(fresh.page), now);
    assert.equal(await body(fresh.page), patched);
    await fresh.clean();

    // A number in a cell made by the patch opens its source like any other.
    const number = page.locator('table.compare tbody tr td:nth-child(3) button.num').first();
    const label = await number.getAttribute('aria-label');
    await number.click();
    const dialog = page.locator('dialog[open], [role=dialog]').first();
    await dialog.waitFor({ state: 'visible', timeout: WAIT_MS });
    assert.ok(label, 'the number has a label');
    await page.keyboard.press('Escape');
    await clean();
  } finally {
    await context.close();
    await fresh?.context.close();
  }
});

test('switching the language redraws every row in the other language, as a fresh page does', async () => {
  const { page, context, clean } = await open('?places=宁波市&years=2023,2024');
  let fresh;
  try {
    const zh = await body(page);
    assert.match(zh, /目标/);
    await page.getByRole('button', { name: /English/ }).first().click();
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: WAIT_MS });
    await page.waitForTimeout(300);
    const en = await body(page);
    assert.doesNotMatch(en, /目标|实绩/);
    fresh = await open('?places=宁波市&years=2023,2024&lang=en');
    assert.equal(await body(fresh.page), en);
    await fresh.clean();
    await clean();
  } finally {
    await context.close();
    await fresh?.context.close();
  }
});

test('a new column and its cells are drawn in the same frame, on a slow phone too (4x CPU)', async () => {
  const { page, context, clean } = await open('?places=衢州市,温州市&years=2021,2022,2024');
  try {
    // Slow enough that Yew's render of a click takes more than a frame's 16 ms, after which it
    // yields to the browser before running effects.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    for (const name of ['新昌县 2021', '新昌县 2022', '新昌县 2021']) {
      const box = page.getByRole('checkbox', { name });
      await box.evaluate((el) => el.setAttribute('data-next', ''));
      // At the first frame after the header changed, every row has a cell per column.
      const seen = await page.evaluate(() => new Promise((resolve) => {
        const n = document.querySelectorAll('table thead th').length;
        const obs = new MutationObserver(() => {
          if (document.querySelectorAll('table thead th').length === n) return;
          obs.disconnect();
          requestAnimationFrame(() => {
            const cols = document.querySelectorAll('table thead th').length;
            resolve({ cols, rows: [...document.querySelectorAll('table.compare tbody tr')].map((tr) => tr.cells.length) });
          });
        });
        obs.observe(document.body, { childList: true, subtree: true });
        document.querySelector('[data-next]').click();
      }));
      await box.evaluate((el) => el.removeAttribute('data-next'));
      assert.ok(seen.rows.length > 5, `rows drawn: ${seen.rows}`);
      assert.ok(seen.rows.every((c) => c === seen.cols), `${name}: ${seen.cols} columns in the header, cells per row ${seen.rows}`);
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await clean();
  } finally {
    await context.close();
  }
});
