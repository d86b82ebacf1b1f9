#!/usr/bin/env bash
# Makes a fresh machine (Node >= 20.19 and npm only) ready: pnpm 10 (pinned; corepack does not work here, and
# pnpm 11 needs Node 22), then a frozen-lockfile install. Sourced by scripts/demo.sh and scripts/test.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PNPM_VERSION="$(node -p "require('$ROOT/package.json').packageManager.split('@')[1]")"
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error(`Node >= 20.19 is required (found ${process.version}).`); process.exit(1) }'

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  if [ ! -x "$ROOT/.tools/bin/pnpm" ] || [ "$("$ROOT/.tools/bin/pnpm" --version)" != "$PNPM_VERSION" ]; then
    echo "› installing pnpm $PNPM_VERSION into .tools/ (no global changes)"
    npm install --global --prefix "$ROOT/.tools" --no-audit --no-fund --loglevel=error "pnpm@$PNPM_VERSION" >/dev/null
  fi
  export PATH="$ROOT/.tools/bin:$PATH"
fi

echo "› pnpm install --frozen-lockfile"
(cd "$ROOT" && pnpm install --frozen-lockfile --reporter=silent)
