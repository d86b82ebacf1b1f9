#!/usr/bin/env bash
# Every check CI runs, in the same order: changeset and breaking-change gates, drift check, lint, build, typecheck, unit/type tests, contract tests,
# pack-and-consume tests (with a real Chromium). .ci/run calls exactly this.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"

# The browser consumer test needs Debian's Chromium (Playwright's own browser download cannot work here).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "› installing Chromium (Debian package) for the browser test"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
  elif command -v sudo >/dev/null; then
    sudo sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium' >/dev/null
  else
    echo "The browser test needs Chromium at /usr/bin/chromium: install Debian's 'chromium' package." >&2
    exit 1
  fi
fi

rm -rf packages/*/reports specs/reports
# Release gates first (cheap): a published package changed without a changeset, or a spec broke compatibility
# without a major changeset. On a fresh clone of main they compare against the merge base / last release.
pnpm run check:changeset
pnpm run check:breaking
status=0
pnpm run check || status=$?
node scripts/summarize-junit.mjs || true
exit "$status"
