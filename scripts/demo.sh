#!/usr/bin/env bash
# Installs what is needed and starts the whole seeded portal. Ctrl-C stops everything.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
exec node node_modules/tsx/dist/cli.mjs tools/stack/demo.ts
