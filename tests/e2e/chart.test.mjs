// The chart as a reader uses it without a mouse and takes it away: every bar is a button reached
// with Tab that opens its source, and each chart downloads as SVG (styles written in, so it looks
// the same outside the page) and as PNG, over http under the strict CSP and from file://.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { serve, STRICT_CSP } from '../../scripts/static-server.mjs';
import { DIST, WAIT_MS, guardedPage, launch, requireDist, screenshot } from './helpers.mjs';

const QUERY = '?places=衢州市,温州市&years=2021,2022,2024&view=chart';
let browser;
let strict;

before(async () => {
  requireDist();
  browser = await launch();
  strict = await serve(DIST, { csp: STRICT_CSP, maxLifetimeMs: 5 * 60_000 });
});

after(async () => {
  await browser?.close();
  await strict?.close();
});

test('every bar is reached with Tab and opens its source with Enter', async () => {
  const g = await guardedPage(browser, { allow: [strict.url, 'data:', 'blob:'] });
  try {
    await g.page.goto(`${strict.url}/index.html${QUERY}`);
    await g.page.locator('svg.bars g.bar-row').first().waitFor({ timeout: WAIT_MS });
    const bars = await g.page.locator('svg.bars g.bar-row').count();
    let reached = 0;
    for (let i = 0; i < 200 && reached < bars; i++) {
      await g.page.keyboard.press('Tab');
      if (await g.page.evaluate(() => document.activeElement?.matches('svg.bars g.bar-row'))) reached++;
    }
    assert.equal(reached, bars, `Tab reaches all ${bars} bars`);
    const name = await g.page.evaluate(() => document.activeElement.getAttribute('aria-label'));
    assert.match(name, /查看出处/, 'a bar names what it does');
    await g.page.keyboard.press('Enter');
    await g.page.locator('dialog[open] blockquote').waitFor({ timeout: WAIT_MS });
    await g.clean();
  } finally {
    await g.context.close();
  }
});

for (const where of ['http', 'file']) {
  test(`each chart downloads as SVG and PNG (${where})`, async () => {
    const allow = where === 'http' ? [strict.url, 'data:', 'blob:'] : ['file:', 'data:', 'blob:'];
    const g = await guardedPage(browser, { allow });
    try {
      const base = where === 'http' ? `${strict.url}/index.html` : pathToFileURL(path.join(DIST, 'index.html')).href;
      await g.page.goto(`${base}${QUERY}`);
      const block = g.page.locator('.chart-block').first();
      await block.locator('svg.bars').waitFor({ timeout: WAIT_MS });
      const [svgFile] = await Promise.all([g.page.waitForEvent('download'), block.getByRole('button', { name: /SVG/ }).click()]);
      assert.match(svgFile.suggestedFilename(), /^duibiao-[a-z_]+-level\.svg$/);
      const svg = fs.readFileSync(await svgFile.path(), 'utf8');
      assert.match(svg, /^<svg[^>]* xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, 'a standalone SVG');
      assert.match(svg, /衢州市 2021年/, 'with its labels');
      assert.match(svg, /style="fill:\s*rgb/, 'colours written into the file');
      assert.doesNotMatch(svg, /tabindex|var\(--/, 'nothing that only means something in the page');
      const [pngFile] = await Promise.all([g.page.waitForEvent('download'), block.getByRole('button', { name: /PNG/ }).click()]);
      assert.match(pngFile.suggestedFilename(), /\.png$/);
      const png = fs.readFileSync(await pngFile.path());
      assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG file');
      assert.ok(png.length > 2000, `a real picture (${png.length} bytes)`);
      await screenshot(g.page, `chart-downloads-${where}`);
      await g.clean();
    } finally {
      await g.context.close();
    }
  });
}
