#!/usr/bin/env bash
# Installs whatever Duibiao's build and tests need and is missing; each step is skipped when present,
# so a second run takes seconds. Non-interactive (CI=true, no stdin). Needs rustup/cargo and root or sudo for apt.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh

TRUNK_VERSION=0.21.14 # 0.22 needs a newer rustc than this machine has
t0=$SECONDS
say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }
timed() { local s=$SECONDS; "$@"; say "  ($(( SECONDS - s )) s)"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo -n "$@"
  else die "need root (or sudo) to run: $*"; fi
}
apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then
    say "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  say "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" </dev/null
}

if ! command -v cargo >/dev/null || ! command -v rustup >/dev/null; then
  die "cargo and rustup are required (https://rustup.rs); this script installs everything else"
fi

# Rust: the wasm target and the lint/format components.
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "ok   rust target wasm32-unknown-unknown"
else
  timed rustup target add wasm32-unknown-unknown
fi
for comp in rustfmt clippy; do
  if rustup component list --installed | grep -q "^$comp"; then say "ok   rustup component $comp"
  else timed rustup component add "$comp"; fi
done

# trunk, pinned: it is the build tool, and Trunk.toml relies on its 0.21 behaviour.
if [ "$(trunk --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ]; then
  say "ok   trunk $TRUNK_VERSION"
else
  say "installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
  timed cargo install "trunk@$TRUNK_VERSION" --locked --quiet
fi

# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock exactly (its schema is version-locked).
WBG_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
[ -n "$WBG_VERSION" ] || die "could not read the wasm-bindgen version from Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $WBG_VERSION" ] \
  && command -v wasm-bindgen-test-runner >/dev/null; then
  say "ok   wasm-bindgen-cli $WBG_VERSION"
else
  say "installing wasm-bindgen-cli $WBG_VERSION (about 3 minutes on 2 cores)"
  # Not --locked: its own lockfile pins crates that no longer build with current rustc.
  timed cargo install "wasm-bindgen-cli@$WBG_VERSION" --quiet
fi

# Headless Chromium and its driver (from Debian: nothing may download a browser build).
if [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ]; then
  say "ok   chromium + chromedriver"
else
  timed apt_install chromium chromium-driver
fi

# A CJK font, or Chromium draws the Chinese text as boxes in screenshots (tests read text, people read pictures).
if dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'ok installed' \
  || { command -v fc-list >/dev/null && [ -n "$(fc-list :lang=zh 2>/dev/null | head -1)" ]; }; then
  say "ok   CJK font"
else
  timed apt_install fonts-noto-cjk
fi

# Node for the e2e tests, the post-build step and wasm-opt.
if command -v node >/dev/null && command -v npm >/dev/null; then
  say "ok   node $(node --version)"
else
  timed apt_install nodejs npm
fi
node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' \
  || die "node >= 20 is needed (playwright-core); found $(node --version)"

# npm packages (playwright-core, binaryen's wasm-opt, axe-core), exactly as in package-lock.json.
# npm ci wipes node_modules, so only run it when the lockfile changed since the last install.
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -f node_modules/.duibiao-lock ] && [ "$(cat node_modules/.duibiao-lock)" = "$lock_sum" ] \
  && [ -x node_modules/.bin/wasm-opt ]; then
  say "ok   npm packages"
else
  say "npm ci"
  timed npm ci --no-audit --no-fund --loglevel=error </dev/null
  echo "$lock_sum" > node_modules/.duibiao-lock
fi
# Trunk accepts a wasm-opt on PATH only if it prints "wasm-opt version 132 ..." (Trunk.toml pins version_132).
case "$(wasm-opt --version 2>/dev/null)" in
  "wasm-opt version 132"*) say "ok   wasm-opt 132 (node_modules/.bin)" ;;
  *) die "wasm-opt on PATH is not version 132: $(command -v wasm-opt || echo none)" ;;
esac

# Crates, so that builds and trunk (offline = true) never need the network.
say "cargo fetch"
cargo fetch --quiet

say "done in $(( SECONDS - t0 )) s"
