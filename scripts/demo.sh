#!/usr/bin/env bash
# Installs what is needed and starts the whole seeded portal. Ctrl-C stops everything.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"

# Redis carries live updates between backend processes (the multi-process tests; the demo when present).
if ! command -v redis-server >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's redis-server…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null) \
      || die "Could not install redis-server with apt-get."
  else
    echo "redis-server not found: the demo runs one backend process with in-process live updates."
  fi
fi

exec node node_modules/tsx/dist/cli.mjs tools/stack/demo.ts
