// The scorecard over a real pair: 宁波's 2024 plan (its opening, with the 主要目标 paragraph) and
// its 2024 summary, packed with the seeds into a copy of dist/ (as scale.test.mjs does). What the
// texts say, read by hand (tests/dev/texts/ningbo_2024_plan.txt, ningbo_2024.txt):
// - five goals for 2024: R&D intensity 3.3% (争取 3.4%), 有效高新技术企业 over 8,500 (争取 9,000),
//   high-tech industry's share of value added 61.5%, its investment +15%, technology trade over
//   90 billion yuan (争取 100 billion);
// - the summary's opening claims one of them for 2024: 高新技术企业预计突破8800家 (an estimate;
//   its 3.08% R&D ratio is 2023's). So: one exceeded (the floor; the stretch missed), four not
//   reported back.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { serve, STRICT_CSP } from '../../scripts/static-server.mjs';
import { ROOT, WAIT_MS, axeViolations, devText, distWith, guardedPage, launch, requireDist, screenshot } from './helpers.mjs';

const URL_QUERY = '?view=scorecard&places=宁波市&years=2024';
let browser;
let dir;
let dist;

before(async () => {
  requireDist();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duibiao-scorecard-'));
  const corpus = path.join(dir, 'corpus');
  fs.mkdirSync(corpus);
  const files = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => path.join(ROOT, 'seeds', f));
  for (const name of ['ningbo_2024_plan.txt', 'ningbo_2024.txt']) {
    const to = path.join(corpus, name);
    fs.writeFileSync(to, devText(name));
    files.push(to);
  }
  dist = distWith(dir, files);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function open(viewport, query = URL_QUERY) {
  const g = await guardedPage(browser, { allow: ['file:', 'data:', 'blob:'], viewport });
  await g.page.goto(pathToFileURL(path.join(dist, 'index.html')).href + query);
  await g.page.locator('.sc-card').first().waitFor({ timeout: WAIT_MS });
  return g;
}

describe('scorecard of 宁波 2024 (plan against summary)', () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
    test(`every goal with its verdict, the summary line counts them all, sources one click away at ${viewport.width}px`, async () => {
      const g = await open(viewport);
      const { page } = g;
      try {
        const card = page.locator('.sc-card').first();
        assert.match(await card.locator('h3').innerText(), /宁波市 2024/);
        // On a phone the picker folds to one line: the comparison starts in the first screen.
        const top = await card.locator('.sc-line').first().evaluate((e) => e.getBoundingClientRect().top);
        assert.ok(top < viewport.height, `the first goal starts at ${top}px, within the ${viewport.height}px screen`);
        assert.equal(await card.locator('.sc-line').count(), 5, 'five goals');
        assert.equal((await card.locator('.sc-tally').innerText()).trim(), '5项目标:超额1 · 未报告4');
        const hte = card.locator('.sc-line.exceeded');
        assert.equal(await hte.count(), 1);
        assert.match(await hte.locator('.sc-goal').innerText(), /8500/);
        assert.match(await hte.locator('.sc-goal').innerText(), /9000/, 'the stretch stands beside the floor');
        assert.match(await hte.locator('.sc-result').innerText(), /8800/);
        assert.match(await hte.locator('.sc-margin').innerText(), /\+300家/);
        assert.match(await hte.locator('.sc-notes').innerText(), /力争目标未达到/);
        assert.match(await hte.locator('.sc-notes').innerText(), /预计/);
        assert.equal(await card.locator('.sc-line.not_reported').count(), 4);
        // The result's sentence, from the summary, one click away.
        await hte.locator('.sc-result button.num').click();
        const dialog = page.locator('dialog[open]');
        await dialog.waitFor({ timeout: WAIT_MS });
        assert.match(await dialog.locator('blockquote').innerText(), /高新技术企业预计突破8800家/);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden', timeout: WAIT_MS });
        // The goal's sentence too.
        await hte.locator('.sc-goal button.num').first().click();
        await dialog.waitFor({ timeout: WAIT_MS });
        assert.match(await dialog.locator('blockquote').innerText(), /有效高新技术企业数量突破8500家/);
        await page.keyboard.press('Escape');
        const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(wide <= 1, `no sideways scroll (${wide}px)`);
        await screenshot(page, `scorecard-ningbo-${viewport.width}`);
        await g.clean();
      } finally {
        await g.context.close();
      }
    });
  }

  test('in English the tally and verdicts read in English', async () => {
    const g = await open({ width: 1280, height: 800 }, `${URL_QUERY}&lang=en`);
    try {
      const card = g.page.locator('.sc-card').first();
      assert.equal((await card.locator('.sc-tally').innerText()).trim(), '5 goals: 1 exceeded · 4 not reported');
      assert.match(await card.locator('.sc-line.exceeded .verdict').innerText(), /exceeded/);
      assert.match(await card.locator('h3').innerText(), /^Ningbo 2024/);
      // No Chinese place name outside the quoted sources (none is open here).
      const shown = await g.page.evaluate(() => document.body.innerText);
      for (const zh of ['宁波', '衢州', '新昌', '温州', '绍兴', '鄞州']) assert.ok(!shown.includes(zh), `${zh} in the English page`);
      await screenshot(g.page, 'scorecard-ningbo-en-1280');
      await g.clean();
    } finally {
      await g.context.close();
    }
  });

  test('the table marks the goals nobody reported back', async () => {
    const g = await guardedPage(browser, { allow: ['file:', 'data:', 'blob:'] });
    try {
      await g.page.goto(pathToFileURL(path.join(dist, 'index.html')).href + '?places=宁波市&years=2024');
      await g.page.locator('table.compare').waitFor({ timeout: WAIT_MS });
      // Each number on its own here: floors and stretches of the four unreported goals (3.3% and
      // 3.4%, 61.5%, 15%, 900 and 1000亿元), and 8500 exceeded while the 9000 stretch is missed.
      assert.equal(await g.page.locator('table.compare .badge.not_reported').count(), 6);
      assert.equal(await g.page.locator('table.compare .badge.exceeded').count(), 1);
      assert.equal(await g.page.locator('table.compare .badge.missed').count(), 1);
      await g.clean();
    } finally {
      await g.context.close();
    }
  });

  test('the embed code copies an iframe of this very view, with its height listener', async () => {
    const server = await serve(dist, { csp: STRICT_CSP, maxLifetimeMs: 5 * 60_000 });
    const g = await guardedPage(browser, { allow: [server.url, 'data:', 'blob:'] });
    try {
      await g.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      await g.page.goto(`${server.url}/index.html${URL_QUERY}`);
      await g.page.locator('.sc-card').first().waitFor({ timeout: WAIT_MS });
      await g.page.locator('.embed-code summary').click();
      const code = await g.page.locator('#embed-snippet').inputValue();
      assert.ok(code.startsWith(`<iframe id="duibiao" title="对标 Duibiao" src="${server.url}/index.html?`), code);
      assert.match(code, /view=scorecard&amp;embed=1/);
      assert.ok(code.includes(`e.origin !== '${server.url}'`), 'the listener trusts this site only');
      await g.page.locator('.embed-code button').click();
      await g.page.locator('.embed-code [role=status]', { hasText: '已复制' }).waitFor({ timeout: WAIT_MS });
      assert.equal(await g.page.evaluate(() => navigator.clipboard.readText()), code);
      // The copied address opens the same scorecard, embedded.
      const src = code.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
      await g.page.goto(src);
      await g.page.locator('.sc-card').first().waitFor({ timeout: WAIT_MS });
      assert.equal(await g.page.locator('.app.embed').count(), 1);
      await g.clean();
    } finally {
      await g.context.close();
      await server.close();
    }
  });

  // Over http under the strict CSP: axe reads the stylesheets, which file:// forbids.
  for (const care of [false, true]) {
    test(`axe finds nothing serious or critical on the scorecard${care ? ' (适老化)' : ''}, over http under the CSP`, async () => {
      const server = await serve(dist, { csp: STRICT_CSP, maxLifetimeMs: 5 * 60_000 });
      const g = await guardedPage(browser, { allow: [server.url, 'data:', 'blob:'], viewport: { width: 360, height: 740 } });
      try {
        await g.page.goto(`${server.url}/index.html${URL_QUERY}${care ? '&care=1' : ''}`);
        await g.page.locator('.sc-card').first().waitFor({ timeout: WAIT_MS });
        assert.deepEqual(await axeViolations(g.page), []);
        await screenshot(g.page, `scorecard-ningbo-http-360${care ? '-care' : ''}`);
        await g.clean();
      } finally {
        await g.context.close();
        await server.close();
      }
    });
  }
});
