// Main user flows through the URL API, at desktop and phone sizes, plus the accessibility checks of
// every view in normal and 适老化 (care) modes: axe, 200 % zoom / 320 px reflow, keyboard-only provenance.
// Run after `trunk build --release` (scripts/test.sh does both).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { serve, STRICT_CSP } from '../../scripts/static-server.mjs';
import { DIST, PLACES, WAIT_MS, axeViolations, downloadFrom, guardedPage, launch, requireDist, screenshot } from './helpers.mjs';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 640 };
const VIEWS = ['indicators', 'scorecard', 'topics', 'chart', 'report'];
const ISSUE_URL = '?places=衢州市,温州市&years=2021,2022,2024';

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

/** Opens `query` and waits until the app (not the pre-rendered copy) has mounted and rendered `ready`. */
async function open(viewport, query, ready = 'main') {
  const g = await guardedPage(browser, { allow: [server.url, 'data:', 'blob:'], viewport });
  await g.page.goto(`${server.url}/${query}`);
  await g.page.waitForFunction(
    (sel) => !document.querySelector('.static-note') && document.querySelector(sel),
    ready,
    { timeout: WAIT_MS, polling: 50 },
  );
  return g;
}

/** The text of the table row whose header names the indicator. */
async function rowText(page, indicatorName) {
  return page.evaluate((name) => {
    const th = [...document.querySelectorAll('table th[scope=row]')].find((h) => h.textContent.includes(name));
    return th ? th.closest('tr').innerText : null;
  }, indicatorName);
}

/** Sideways overflow of the page, and table cells whose text is cut off. */
async function layoutProblems(page) {
  return page.evaluate(() => {
    const out = [];
    const over = document.documentElement.scrollWidth - window.innerWidth;
    if (over > 0) out.push(`the page scrolls sideways by ${over}px`);
    for (const el of document.querySelectorAll('table th, table td, table button, table span')) {
      const s = getComputedStyle(el);
      // Visually hidden text for screen readers is clipped on purpose.
      if (el.clientWidth <= 1 || el.clientHeight <= 1 || (s.clip && s.clip !== 'auto') || s.clipPath !== 'none') continue;
      const clips = ['hidden', 'clip'].includes(s.overflowX) || s.textOverflow === 'ellipsis';
      if (clips && el.scrollWidth > el.clientWidth + 1) out.push(`clipped: ${el.tagName} "${el.textContent.slice(0, 30)}"`);
    }
    return out;
  });
}

describe('comparison through the URL API', () => {
  for (const viewport of [DESKTOP, PHONE]) {
    const size = `${viewport.width}x${viewport.height}`;
    test(`衢州 2021/2022 and 温州 2024: 113, the goal 100 and 716 in the high-tech row at ${size}`, async () => {
      const { page, context, clean } = await open(viewport, ISSUE_URL, 'table');
      try {
        const headers = await page.$$eval('table thead th[scope=col]', (ths) => ths.map((t) => t.innerText.replace(/\s+/g, ' ')));
        assert.equal(headers.length, 4, `an indicator column and three place-years: ${headers}`);
        assert.match(headers.join('|'), /衢州市 2021.*衢州市 2022.*温州市 2024/);
        const row = await rowText(page, '高新技术企业');
        assert.ok(row, 'a high-tech enterprises row');
        for (const n of ['113', '100', '716']) assert.ok(row.includes(n), `the row shows ${n}: ${row}`);
        // Goals and results are told apart by words, not colour alone.
        assert.ok(row.includes('目标') && row.includes('实绩'), row);
        // The 2022 goal is measured against the 2021 result.
        assert.match(row, /目标较上年/);
        await screenshot(page, `flow-table-${size}`);
        assert.deepEqual(await layoutProblems(page), []);
        await clean();
      } finally {
        await context.close();
      }
    });
  }

  test('English: every label follows, and <html lang> too', async () => {
    const { page, context, clean } = await open(DESKTOP, `${ISSUE_URL}&lang=en`, 'table');
    try {
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      const row = await rowText(page, 'High-tech enterprises');
      assert.ok(row && row.includes('113') && row.includes('716'), `English row: ${row}`);
      const body = await page.evaluate(() => document.body.innerText);
      // (The offline link is deliberately bilingual, so 下载 is not among these.)
      for (const zh of ['指标', '目标较上年', '选择', '实绩', '图表']) assert.ok(!body.includes(zh), `untranslated label ${zh}`);
      // Places in pinyin (Quzhou, Xinchang County), not in Chinese.
      for (const zh of PLACES) assert.ok(!body.includes(zh), `a Chinese place name in English: ${zh}`);
      assert.match(body, /Quzhou 2021/);
      assert.match(body, /Xinchang County/);
      await clean();
    } finally {
      await context.close();
    }
  });

  test('a changed selection is in the address, and the link reproduces the view', async () => {
    const first = await open(DESKTOP, ISSUE_URL, 'table');
    let shared;
    try {
      await first.page.getByRole('checkbox', { name: '新昌县 2021' }).check();
      await first.page.waitForFunction(() => decodeURIComponent(location.search).includes('新昌县'), null, { timeout: WAIT_MS });
      shared = await first.page.evaluate(() => location.search);
      const headers = await first.page.$$eval('table thead th[scope=col]', (ths) => ths.map((t) => t.innerText));
      await first.clean();
      const second = await open(DESKTOP, shared, 'table');
      try {
        const again = await second.page.$$eval('table thead th[scope=col]', (ths) => ths.map((t) => t.innerText));
        assert.deepEqual(again, headers, `the shared link ${decodeURIComponent(shared)} shows the same columns`);
        await second.clean();
      } finally {
        await second.context.close();
      }
    } finally {
      await first.context.close();
    }
  });

  test('unknown URL values are ignored with a visible note, never a crash', async () => {
    const { page, context, clean } = await open(DESKTOP, '?places=北京市,衢州市&years=1999,2021&view=pie&indicator=gdp', 'table');
    try {
      const note = await page.locator('[role=status]').first().innerText();
      for (const bad of ['北京市', '1999', 'pie', 'gdp']) assert.ok(note.includes(bad), `the note names ${bad}: ${note}`);
      assert.ok((await rowText(page, '高新技术企业')).includes('113'));
      await clean();
    } finally {
      await context.close();
    }
  });

  test('the topic filter highlights matches', async () => {
    const { page, context, clean } = await open(DESKTOP, `${ISSUE_URL}&view=topics&q=平台`, 'mark');
    try {
      const marks = await page.$$eval('mark', (ms) => ms.map((m) => m.textContent));
      assert.ok(marks.length > 0 && marks.every((m) => m === '平台'), `marks: ${marks.slice(0, 5)}`);
      await clean();
    } finally {
      await context.close();
    }
  });

  test('the comparison downloads as CSV (with a BOM, holding the numbers)', async () => {
    const { page, context, clean } = await open(DESKTOP, ISSUE_URL, 'table');
    try {
      const download = await downloadFrom(page, page.getByRole('button', { name: /CSV/ }).first());
      const text = fs.readFileSync(await download.path(), 'utf8');
      assert.ok(text.startsWith('\uFEFF'), 'UTF-8 BOM for spreadsheet programs');
      for (const n of ['113', '716', '衢州市', '温州市']) assert.ok(text.includes(n), `CSV holds ${n}`);
      await clean();
    } finally {
      await context.close();
    }
  });
});

describe('report texts load on demand', () => {
  test('the table needs no report text; a source loads only its own report', async () => {
    const { page, context, clean } = await open(DESKTOP, ISSUE_URL, 'table');
    const asked = [];
    page.on('request', (r) => /\/t\/[^/]+\.js$/.test(r.url()) && asked.push(r.url()));
    try {
      assert.equal(await page.locator('script[src*="t/"]').count(), 0, 'no text loaded for the table');
      await page.locator('table button').first().click();
      const dialog = page.locator('dialog[open]');
      await dialog.locator('blockquote mark').first().waitFor({ timeout: WAIT_MS });
      assert.equal(asked.length, 1, `one report text fetched: ${asked}`);
      assert.ok((await dialog.locator('blockquote').innerText()).length > 10, 'the source sentence shows');
      await clean();
    } finally {
      await context.close();
    }
  });

  test('the JSON download waits for every text and holds the DOMAIN §6 shape', async () => {
    const { page, context, clean } = await open(DESKTOP, ISSUE_URL, 'table');
    try {
      const download = await downloadFrom(page, page.getByRole('button', { name: /JSON/ }).first());
      const corpus = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
      assert.equal(corpus.schema, 1);
      assert.equal(corpus.documents.length, 5);
      for (const d of corpus.documents) {
        assert.ok(d.text.length > 1000, `${d.id} has its text`);
        assert.ok(d.claims.every((c) => c.text.length > 0), `${d.id}: every claim has its sentence`);
      }
      const q = corpus.documents.find((d) => d.region.name === '衢州市');
      const c = q.claims.find((x) => x.indicator === 'high_tech_enterprises' && x.value === 113);
      assert.ok(c && c.text.includes('新增国家高新技术企业113家'), 'the 113 claim with its sentence');
      assert.equal([...q.text].slice(c.start, c.end).join(''), c.text, 'offsets count characters into the text');
      await clean();
    } finally {
      await context.close();
    }
  });

  test('a missing text file is named on the page, not waited for forever', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duibiao-missing-'));
    fs.cpSync(DIST, dir, { recursive: true });
    const gone = fs.readdirSync(path.join(dir, 't')).find((f) => f.startsWith('000_'));
    fs.rmSync(path.join(dir, 't', gone));
    const g = await guardedPage(browser, { allow: ['file:', 'data:', 'blob:'], viewport: PHONE });
    try {
      await g.page.goto(`${pathToFileURL(path.join(dir, 'index.html')).href}?view=report&doc=000_0f0a2c8e28231438`);
      const msg = g.page.locator('.text-status.failed');
      await msg.waitFor({ timeout: WAIT_MS });
      assert.match(await msg.innerText(), /原文文件缺失/);
      // The only problem is the missing file itself: no crash, no script error.
      const other = g.problems.filter((p) => !/ERR_FILE_NOT_FOUND|Failed to load resource/.test(p));
      assert.deepEqual(other, []);
    } finally {
      await g.context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('keyboard only', () => {
  test('Tab reaches a number, Enter opens its source, Escape closes it and focus returns', async () => {
    const { page, context, clean } = await open(DESKTOP, ISSUE_URL, 'table');
    try {
      let reached = false;
      for (let i = 0; i < 80 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => !!document.activeElement?.closest('table') && document.activeElement.matches('button'));
      }
      assert.ok(reached, 'a number in the table is reachable with Tab');
      const opener = await page.evaluate(() => document.activeElement.getAttribute('aria-label') || document.activeElement.textContent);
      // Focus is visible: the focused button draws an outline or a box shadow.
      const ring = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement);
        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      });
      assert.ok(ring, 'the focused number shows a focus ring');
      await page.keyboard.press('Enter');
      const dialog = page.locator('dialog[open], [role=dialog]').first();
      await dialog.waitFor({ state: 'visible', timeout: WAIT_MS });
      // The sentence comes with the report's text, which loads on demand: wait for it, as a reader would.
      await dialog.locator('mark').first().waitFor({ timeout: WAIT_MS }).catch(() => {});
      assert.ok((await dialog.locator('mark').count()) > 0, 'the number is highlighted in its source sentence');
      assert.ok(await page.evaluate(() => !!document.activeElement?.closest('dialog, [role=dialog]')), 'focus moved into the dialog');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden', timeout: WAIT_MS });
      const back = await page.evaluate(() => document.activeElement.getAttribute('aria-label') || document.activeElement.textContent);
      assert.equal(back, opener, 'focus returns to the number that opened the dialog');
      await clean();
    } finally {
      await context.close();
    }
  });
});

describe('accessibility of every view', () => {
  for (const care of [false, true]) {
    for (const viewport of [DESKTOP, PHONE]) {
      for (const view of VIEWS) {
        const name = `${view}${care ? ' (适老化)' : ''} at ${viewport.width}x${viewport.height}`;
        test(`axe: no serious or critical violation, no sideways scroll: ${name}`, async () => {
          const q = `${ISSUE_URL}&view=${view}${care ? '&care=1' : ''}`;
          const { page, context, clean } = await open(viewport, q, '#content, main');
          try {
            assert.deepEqual(await axeViolations(page), []);
            assert.deepEqual(await layoutProblems(page), []);
            await screenshot(page, `view-${view}${care ? '-care' : ''}-${viewport.width}`);
            await clean();
          } finally {
            await context.close();
          }
        });
      }
    }
  }

  test('适老化 mode: text at least 1.5x, line spacing at least 1.3, targets at least 44px', async () => {
    const sizes = {};
    for (const care of [false, true]) {
      const { page, context, clean } = await open(PHONE, `${ISSUE_URL}${care ? '&care=1' : ''}`, 'table');
      try {
        sizes[care] = await page.evaluate(() => {
          const td = document.querySelector('table td') || document.body;
          const s = getComputedStyle(td);
          const buttons = [...document.querySelectorAll('button')].filter((b) => b.offsetParent);
          const small = buttons.filter((b) => { const r = b.getBoundingClientRect(); return r.height < 44 || r.width < 44; }).length;
          return { font: parseFloat(s.fontSize), line: parseFloat(s.lineHeight) / parseFloat(s.fontSize), small };
        });
        await clean();
      } finally {
        await context.close();
      }
    }
    assert.ok(sizes.true.font >= 1.5 * sizes.false.font - 0.01, `care text ${sizes.true.font}px vs ${sizes.false.font}px`);
    assert.ok(sizes.true.line >= 1.3, `care line spacing ${sizes.true.line}`);
    assert.equal(sizes.true.small, 0, 'every visible button is at least 44x44 px in care mode');
  });

  for (const [label, viewport] of [['200 % zoom of a 1280 px window', { width: 640, height: 400 }], ['320 px reflow', { width: 320, height: 568 }]]) {
    test(`${label}: nothing scrolls sideways and no table text is cut off`, async () => {
      const { page, context, clean } = await open(viewport, `${ISSUE_URL}&care=1`, 'table');
      try {
        assert.deepEqual(await layoutProblems(page), []);
        await screenshot(page, `zoom-${viewport.width}`);
        await clean();
      } finally {
        await context.close();
      }
    });
  }

  test('theme=dark and prefers-color-scheme: dark give a dark page', async () => {
    const bg = async (query, scheme) => {
      const g = await guardedPage(browser, { allow: [server.url, 'data:', 'blob:'], viewport: DESKTOP });
      try {
        await g.page.emulateMedia({ colorScheme: scheme });
        await g.page.goto(`${server.url}/${query}`);
        await g.page.waitForFunction(() => !document.querySelector('.static-note') && document.querySelector('table'), null, { timeout: WAIT_MS });
        const lum = await g.page.evaluate(() => {
          // The first painted background from the app's root up (querySelector on a list would
          // return <body> first, in document order).
          let el = document.querySelector('.app') || document.body;
          let rgb = null;
          for (; el && !rgb; el = el.parentElement) {
            const m = getComputedStyle(el).backgroundColor.match(/[\d.]+/g).map(Number);
            if (m.length < 4 || m[3] > 0) rgb = m;
          }
          const [r, gg, b] = rgb || [255, 255, 255];
          return (0.2126 * r + 0.7152 * gg + 0.0722 * b) / 255;
        });
        // The page behind the app (seen around an embed and when overscrolling) follows too.
        const page = await g.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
        await g.clean();
        return [lum, page];
      } finally {
        await g.context.close();
      }
    };
    const DARK_PAGE = 'rgb(18, 20, 23)';
    let [lum, page] = await bg(`${ISSUE_URL}&theme=dark`, 'light');
    assert.ok(lum < 0.3 && page === DARK_PAGE, `theme=dark wins over a light system setting (${lum}, ${page})`);
    [lum, page] = await bg(ISSUE_URL, 'dark');
    assert.ok(lum < 0.3 && page === DARK_PAGE, `the system dark setting is followed (${lum}, ${page})`);
    [lum, page] = await bg(`${ISSUE_URL}&theme=light`, 'dark');
    assert.ok(lum > 0.7 && page !== DARK_PAGE, `theme=light wins over a dark system setting (${lum}, ${page})`);
  });
});
