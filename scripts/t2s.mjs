// Regenerates crates/report/data/t2s.txt: a one-character → one-character traditional →
// simplified table, so the parser can read reports written in traditional characters without
// moving any character offset. Run from the repository root: `node scripts/t2s.mjs`.
//
// The data is OpenCC's (Apache-2.0), taken from the `opencc` npm package at a pinned version and
// checked against its registry integrity; nothing is added to the project's package.json.
// What goes in, mirroring OpenCC's own t2s/tw2s/hk2s character paths (its phrase tables are
// left out: they can change the number of characters):
//   1. TSCharacters.txt: single-character keys whose FIRST candidate is one different character.
//      Keys whose first candidate is the key itself (OpenCC's "@tofu-risk" lines, e.g. 覆 藉 瞭)
//      stay as they are, as OpenCC leaves them.
//   2. TWVariants.txt / HKVariants.txt read backwards: a Taiwan or Hong Kong variant form (衞 粧
//      敍 枱 簷 痺) maps to what its standard form simplifies to, when TSCharacters does not
//      name it at all (as key or candidate: 么, the simplified 什么, is Taiwan's variant of 幺).
//   3. CJK_Compatibility_Ideographs.txt, OpenCC's normalisation pre-pass: compatibility
//      ideographs (U+F900…, U+2F800…, as PDF extractors emit them) map to their unified
//      character, simplified.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PKG = 'opencc';
const VERSION = '1.4.2';
const INTEGRITY =
  'sha512-fAo8GJy0XhFyw9zIsEHmEVKL+qK8qbw0hcCjqKN5cn2UA7FPOU6b13xpqpSUf8mLNLhBMmIVZu6J+fEjJ2KcyQ==';
const DICT = 'package/data/dictionary';
const FILES = ['TSCharacters.txt', 'TWVariants.txt', 'HKVariants.txt', 'CJK_Compatibility_Ideographs.txt'];
const OUT = 'crates/report/data/t2s.txt';
const PER_LINE = 40;

// Variants NOT mapped although OpenCC's variant tables would: the character is also standard
// simplified with its own use, so mapping it would corrupt simplified reports.
//   著 (Taiwan's form of 着) — simplified 著作, 显著.
const KEEP_AS_IS = new Set(['著']);

const fail = (msg) => {
  console.error(`t2s.mjs: ${msg}`);
  process.exit(1);
};

if (!fs.existsSync('crates/report/Cargo.toml')) fail('run me from the repository root');

// Fetch and unpack the pinned package in a temporary directory (no install scripts run).
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 't2s-'));
let dicts;
try {
  const packed = JSON.parse(
    execFileSync(
      'npm',
      ['pack', `${PKG}@${VERSION}`, '--json', '--ignore-scripts', '--pack-destination', tmp],
      { cwd: tmp, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    ),
  )[0];
  if (packed.integrity !== INTEGRITY) fail(`${PKG}@${VERSION} integrity is ${packed.integrity}`);
  const tgz = path.join(tmp, packed.filename);
  execFileSync('tar', ['xzf', tgz, '-C', tmp, ...FILES.map((f) => `${DICT}/${f}`)]);
  dicts = Object.fromEntries(
    FILES.map((f) => [f, fs.readFileSync(path.join(tmp, DICT, f), 'utf8')]),
  );
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

// `key<TAB>value value…` lines; `#` comments and blank lines skipped.
const entries = (text) =>
  text
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [key, values = ''] = l.split('\t');
      return [key, values.trim().split(/ +/).filter(Boolean)];
    });
const single = (s) => [...s].length === 1;

// 1. TSCharacters.
const ts = new Map();
const listed = new Set(); // every key and candidate TSCharacters names: no variant rule overrides them
const alsoSimplified = []; // keys OpenCC lists among their own candidates (noted in the output)
for (const [key, values] of entries(dicts['TSCharacters.txt'])) {
  const first = values[0];
  listed.add(key);
  for (const v of values) listed.add(v);
  if (!single(key) || !first || !single(first) || first === key) continue;
  ts.set(key, first);
  if (values.includes(key)) alsoSimplified.push(key);
}
const simplify = (c) => ts.get(c) ?? c;

const table = new Map(ts);
const add = (key, value, origin) => {
  if (table.has(key) || listed.has(key) || key === value || KEEP_AS_IS.has(key)) return;
  table.set(key, value);
  origin.push(key);
};

// 2. Taiwan and Hong Kong variant forms, read backwards.
const variants = [];
for (const f of ['TWVariants.txt', 'HKVariants.txt']) {
  for (const [std, forms] of entries(dicts[f])) {
    if (!single(std)) continue;
    for (const v of forms) if (single(v)) add(v, simplify(std), variants);
  }
}

// 3. CJK compatibility ideographs.
const compat = [];
for (const [key, values] of entries(dicts['CJK_Compatibility_Ideographs.txt'])) {
  if (single(key) && values[0] && single(values[0])) add(key, simplify(values[0]), compat);
}

const pairs = [...table].sort((a, b) => a[0].codePointAt(0) - b[0].codePointAt(0));
for (const [k, v] of pairs) if (k === v || !single(k) || !single(v)) fail(`bad pair ${k}${v}`);

const lines = [];
for (let i = 0; i < pairs.length; i += PER_LINE) {
  lines.push(
    pairs
      .slice(i, i + PER_LINE)
      .map(([k, v]) => k + v)
      .join(''),
  );
}
const sorted = (keys) => [...keys].sort((a, b) => a.codePointAt(0) - b.codePointAt(0)).join(' ');
const header = [
  `# Traditional → simplified, one character to one character (${pairs.length} pairs).`,
  `# Generated by scripts/t2s.mjs from OpenCC's dictionaries in the npm package ${PKG}@${VERSION}`,
  '# (data/dictionary/TSCharacters.txt, TWVariants.txt and HKVariants.txt read backwards,',
  '# CJK_Compatibility_Ideographs.txt). OpenCC data: Apache-2.0, https://github.com/BYVoid/OpenCC',
  '# Regenerate: node scripts/t2s.mjs (from the repository root).',
  '# Format: after these comment lines, each line holds up to 40 pairs written traditional then',
  '# simplified, with no separators; keys sorted by code point.',
  `# Taiwan/Hong Kong variants added: ${sorted(variants)}; kept as they are: ${sorted(KEEP_AS_IS)}.`,
  `# Compatibility ideographs added: ${compat.length}.`,
  '# Also standard simplified with a meaning of their own (OpenCC lists the key among its',
  `# candidates), mapped all the same as OpenCC's t2s does: ${sorted(alsoSimplified)}.`,
];
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, `${header.join('\n')}\n${lines.join('\n')}\n`);
console.log(`${OUT}: ${pairs.length} pairs, ${fs.statSync(OUT).size} bytes`);
