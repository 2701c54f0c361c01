#!/usr/bin/env bash
# Installs what is needed and runs every test: unit, API (real FerretDB, Redis, Auth emulator) and
# Playwright end-to-end in Debian's Chromium. Ends with one "N passed, N failed" line.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the end-to-end tests…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || die "Could not install chromium with apt-get."
  else
    die "Chromium is needed at /usr/bin/chromium for the end-to-end tests (apt-get install chromium)."
  fi
fi

# Redis carries live updates between backend processes (the multi-process tests; the demo when present).
if ! command -v redis-server >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's redis-server…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null) \
      || die "Could not install redis-server with apt-get."
  else
    die "redis-server is needed for the multi-process tests (apt-get install redis-server)."
  fi
fi

# The production compose file is validated with `docker compose config` (no engine needed). Best effort:
# without a compose CLI that one test is skipped with a message.
if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's docker-compose (validates the production compose file)…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose) >/dev/null 2>&1 \
      || echo "  (could not install docker-compose: the compose validation test will be skipped)"
  fi
fi

exec node node_modules/tsx/dist/cli.mjs tools/stack/test-all.ts "$@"
