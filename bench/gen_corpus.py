#!/usr/bin/env python3
# Generates N synthetic work reports from the seeds for the scale benchmarks: the seeds' own place
# names swapped for other Zhejiang places (from the parser's gazetteer data), years shifted, and the
# numbers in front of units perturbed. Generated at benchmark time, never committed.
import pathlib
import random
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
n = int(sys.argv[1])
out = pathlib.Path(sys.argv[2])
# --national: places from every province (about 3,200 cities, counties and districts), for the
# benchmark of a country's corpus; Zhejiang's otherwise.
national = "--national" in sys.argv[3:]
out.mkdir(parents=True, exist_ok=True)
for old in out.glob("*.txt"):
    old.unlink()

# Current cities and county-level units (Zhejiang's, or the country's), from the parser's gazetteer.
rows = [
    line.split("\t")
    for line in (ROOT / "crates/report/data/gazetteer.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]
names = {r[0]: r[1] for r in rows}
current = [r for r in rows if not (len(r) > 5 and r[5].startswith("former"))]
cities = [r[1] for r in current if r[2] == "city" and (national or r[3] == "330000")]
city_set = set(cities)
counties = [
    (r[1], names[r[3]])
    for r in current
    if r[2] in ("county", "district") and r[3] in names and names[r[3]] in city_set
]
targets = [(c, None) for c in cities] + counties
if national:
    assert len(cities) > 300 and len(counties) > 2500, (len(cities), len(counties))
else:
    assert len(cities) == 11 and len(counties) >= 89, (len(cities), len(counties))

# Seeds whose own place is named, with every spelling of it in the text (longest first).
BASES = {
    "000_0f0a2c8e28231438.txt": ["衢州市", "衢州"],
    "001_0f657752eae89443.txt": ["新昌县", "新昌"],
    "002_6a122f0915448c5d.txt": ["温州市", "温州"],
    "003_90fb374d0d35244d.txt": ["绍兴市", "绍兴", "绍市科"],
}
texts = {k: (ROOT / "seeds" / k).read_text(encoding="utf-8") for k in BASES}
UNIT = r"(?=(?:余|多)?(?:家|项|件|人|名|个|支|亿元|万元|%|％|万方|万人年))"
rng = random.Random(20261123)


def short(name):
    return name[:-1] if len(name) > 2 else name


for i in range(n):
    base = list(BASES)[i % len(BASES)]
    name, _parent = targets[(i * 7) % len(targets)]
    shift = (i // len(BASES)) % 5 - 2
    text = texts[base]
    for spelling in BASES[base]:
        repl = name if spelling.endswith(("市", "县")) else ("绍市科" if spelling == "绍市科" else short(name))
        text = text.replace(spelling, repl)
    text = re.sub(r"(20[12]\d)(?=年|-\d\d-\d\d)", lambda m: str(int(m.group(1)) + shift), text)

    def perturb(m):
        s = m.group(0)
        v = float(s) * rng.uniform(0.7, 1.3)
        if "." in s:
            return f"{v:.{len(s.split('.')[1])}f}"
        return str(max(1, round(v)))

    text = re.sub(r"\d+(?:\.\d+)?" + UNIT, perturb, text)
    (out / f"gen_{i:04d}.txt").write_text(text, encoding="utf-8")
print(f"{n} reports in {out}")
