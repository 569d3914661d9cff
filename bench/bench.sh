#!/usr/bin/env bash
# Benchmarks Duibiao: clean release build time, rebuild time after touching one seed, page weight
# (raw/gzip/brotli) and start-up in headless Chromium; writes a markdown report to bench/out/results.md.
# Uses its own target dir (bench/out/target) so it never disturbs the shared one.
# Options: RUNS=5 (start-up runs per case), --no-build (measure the existing dist/ only),
# SCALE="100 1000" (also build and measure generated corpora of that many reports).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh >/dev/null
source scripts/env.sh

RUNS="${RUNS:-5}"
OUT=bench/out
mkdir -p "$OUT"
report="$OUT/results.md"
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

{
  echo "# Duibiao benchmarks"
  echo
  echo "$(git rev-parse --short HEAD) on $(date -u +%Y-%m-%d), $(nproc) cores, $(chromium --version 2>/dev/null | head -1), rustc $(rustc --version | cut -d' ' -f2)"
  echo
} > "$report"

if [[ " $* " == *" --no-build "* ]]; then
  dist=dist
  [ -f "$dist/index.html" ] || { echo "bench: dist/ is missing; build first or drop --no-build" >&2; exit 1; }
else
  dist="$OUT/dist"
  export CARGO_TARGET_DIR="$PWD/$OUT/target"
  echo "bench: clean release build (own target dir: $CARGO_TARGET_DIR)"
  rm -rf "$CARGO_TARGET_DIR" "$dist"
  t0=$(now); trunk build --release --locked --dist "$dist" >"$OUT/build-clean.log" 2>&1 \
    || { tail -30 "$OUT/build-clean.log"; exit 1; }; t1=$(now)
  # Touching a seed reruns build.rs (it embeds the parsed seeds), so the app crate, wasm-bindgen
  # and wasm-opt all run again: the edit-a-report loop.
  seed="$(find seeds -maxdepth 1 -type f | sort | head -1)"
  echo "bench: rebuild after touching $seed"
  touch "$seed"
  t2=$(now); trunk build --release --locked --dist "$dist" >"$OUT/build-touch.log" 2>&1 \
    || { tail -30 "$OUT/build-touch.log"; exit 1; }; t3=$(now)
  {
    echo "Build times (\`trunk build --release\`, $(nproc) cores):"
    echo
    echo "| build | seconds |"
    echo "|---|---:|"
    echo "| clean (empty target dir, crates already fetched) | $(secs "$t0" "$t1") |"
    echo "| rebuild after touching one seed | $(secs "$t2" "$t3") |"
    echo
  } >> "$report"
fi

echo "bench: page weight and start-up ($RUNS runs per case)"
node bench/bench.mjs "$dist" "$RUNS" >> "$report"

# Scale: corpora generated from the seeds (bench/gen_corpus.py), built into their own dist.
for n in ${SCALE:-}; do
  corpus="$PWD/$OUT/corpus-$n"
  python3 bench/gen_corpus.py "$n" "$corpus"
  sdist="$OUT/dist-$n"
  export CARGO_TARGET_DIR="$PWD/$OUT/target"
  echo "bench: build with $n generated reports"
  t0=$(now)
  DUIBIAO_SEEDS="$corpus" trunk build --release --locked --dist "$sdist" >"$OUT/build-$n.log" 2>&1 \
    || { tail -30 "$OUT/build-$n.log"; exit 1; }
  t1=$(now)
  {
    echo "### $n generated reports"
    echo
    echo "Raw text: $(du -sk "$corpus" | cut -f1) KiB; release build after the corpus change: $(secs "$t0" "$t1") s."
    echo
  } >> "$report"
  BENCH_SEEDS_DIST="$dist" node bench/bench.mjs "$sdist" "$RUNS" >> "$report"
done
cat "$report"
