# Shared by demo.sh and test.sh: installs what the project needs on a fresh machine, then returns.
# Needs Node 20.19+ with npm, Go 1.24+ and git; everything else is installed here.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PNPM_VERSION=10.34.9

die() { echo "✖ $*" >&2; exit 1; }

command -v node >/dev/null || die "Node.js 20.19 or newer is needed (https://nodejs.org)."
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || die "Node.js 20.19 or newer is needed; this is $(node --version)."
command -v go >/dev/null || die "Go 1.24 or newer is needed to build the embedded FerretDB database."

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "Installing pnpm $PNPM_VERSION…"
  npm install -g "pnpm@$PNPM_VERSION" --silent >/dev/null || die "Could not install pnpm $PNPM_VERSION with npm."
fi

echo "Installing dependencies (pnpm install)…"
pnpm install --frozen-lockfile --reporter=silent || die "pnpm install failed."
