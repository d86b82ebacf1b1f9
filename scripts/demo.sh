#!/usr/bin/env bash
# The main job: builds what the CLI needs, then lists collections from both providers through the facade
# against local sandboxes (each behind a Prism proxy that validates every exchange against our specs).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
echo "› building the CLI and its packages"
pnpm exec turbo run build --filter=@commerce-collections/cli... --output-logs=errors-only
echo "› commerce-collections list --mock --provider all --format table"
node packages/cli/bin/commerce-collections.js list --mock --provider all --format table "$@"
