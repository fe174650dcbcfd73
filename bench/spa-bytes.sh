#!/usr/bin/env bash
# Builds the SPA and prints the bytes each route loads on a first visit (see spa-bytes.mjs).
set -euo pipefail
cd "$(dirname "$0")/../src/Web"
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
npm run build --silent >/dev/null
node ../../bench/spa-bytes.mjs
