#!/usr/bin/env bash
# The README's "test" command (CI runs it via .ci/run): installs what is missing, then runs every check
# in order and stops at the first failure. `bash scripts/test.sh e2e` runs only the named steps
# (setup fmt clippy clippy-wasm test test-add wasm-test build e2e) — handy when iterating on one of them.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ALL_STEPS=(setup fmt clippy clippy-wasm test test-add wasm-test build e2e)
if [ $# -gt 0 ]; then STEPS=("$@"); else STEPS=("${ALL_STEPS[@]}"); fi
for s in "${STEPS[@]}"; do
  [[ " ${ALL_STEPS[*]} " == *" $s "* ]] || { echo "test.sh: unknown step '$s' (steps: ${ALL_STEPS[*]})" >&2; exit 2; }
done
wants() { [[ " ${STEPS[*]} " == *" $1 "* ]]; }

t_start=$SECONDS
current=
timings=()
on_exit() {
  local rc=$?
  if [ "$rc" -ne 0 ] && [ -n "$current" ]; then
    printf '\ntest.sh: FAILED at step "%s" (exit %s) after %s s. Nothing after it ran.\n' "$current" "$rc" "$(( SECONDS - t_start ))" >&2
  fi
}
trap on_exit EXIT

step() {
  local name=$1; shift
  wants "$name" || return 0
  current=$name
  printf '\n==== test.sh: %s: %s\n' "$name" "$*"
  local s=$SECONDS
  "$@"
  timings+=("$(printf '%-12s %4d s' "$name" $(( SECONDS - s )))")
  current=
}

step setup bash scripts/setup.sh
source scripts/env.sh
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

step fmt cargo fmt --all -- --check
# --all-features also lints the host-only prerender binary (feature ssr).
step clippy cargo clippy --workspace --all-targets --all-features --locked -- -D warnings
# --features add also lints the add-report module (src/add, bin parser).
step clippy-wasm cargo clippy -p duibiao --target wasm32-unknown-unknown --all-targets --features add --locked -- -D warnings
step test cargo test --workspace --locked
# The add-report module's host tests (feature add: the parser inside the app crate).
step test-add cargo test -p duibiao --lib --features add --locked add::
# tests/web.rs in headless Chromium (runner and driver: .cargo/config.toml, scripts/env.sh).
# embedded-data: these tests run without app.js, which normally provides the corpus.
step wasm-test cargo test -p duibiao --target wasm32-unknown-unknown --features embedded-data --test web --test components --locked
# The one release build of the run; the e2e tests and the benchmarks use its dist/.
step build trunk build --release --locked
# A per-test limit, so a wedged browser fails the run instead of eating the CI budget.
step e2e node --test --test-timeout=180000 tests/e2e/

printf '\ntest.sh: all steps passed in %s s\n' "$(( SECONDS - t_start ))"
printf '  %s\n' "${timings[@]}"
