# Environment for Duibiao's build and test tools; source it (scripts/setup.sh, serve.sh and test.sh do).
# Safe to source from an interactive shell: it only sets variables (so no `set -euo pipefail` here).
# shellcheck shell=bash

_duibiao_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# wasm-opt comes from the npm package binaryen (Debian's is too old for rustc's output); cargo
# installs trunk and wasm-bindgen into ~/.cargo/bin.
case ":$PATH:" in *":$_duibiao_root/node_modules/.bin:"*) ;; *) PATH="$_duibiao_root/node_modules/.bin:$PATH" ;; esac
case ":$PATH:" in *":${CARGO_HOME:-$HOME/.cargo}/bin:"*) ;; *) PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH" ;; esac
export PATH
# Trunk would otherwise ask the network for a newer version on every run.
export TRUNK_SKIP_VERSION_CHECK=true
# wasm-bindgen-test-runner drives headless Chromium through Debian's chromedriver.
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
unset _duibiao_root
