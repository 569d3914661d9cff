#!/usr/bin/env bash
# The README's "run" command: install what is missing, build dist/ (release), serve it on http://127.0.0.1:8080.
# dist/ stays offline-ready: open dist/index.html or the single file dist/duibiao.html straight from disk.
# PORT=9000 changes the port; --no-csp serves without the strict Content-Security-Policy header.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
source scripts/env.sh

echo "serve: trunk build --release"
trunk build --release
exec node scripts/static-server.mjs dist "${PORT:-8080}" "$@"
