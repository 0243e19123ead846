#!/usr/bin/env bash
# Installs what the test suites need on a fresh Debian machine; CI runs it as root. Safe to run again:
# every step checks first and does nothing when its part is already there.
#   - Debian chromium (/usr/bin/chromium) for the Playwright browser tests,
#   - Debian docker-compose (/usr/bin/docker-compose) for the `docker-compose config` check,
#   - `npm ci` in each tools/*/ that has a package-lock.json and no node_modules.
# Quiet by default (one line per step; a failing step prints its output). -v / --verbose shows everything.
set -euo pipefail

verbose=0
case "${1:-}" in
  -v|--verbose) verbose=1 ;;
  "") ;;
  *) echo "usage: $0 [-v|--verbose]" >&2; exit 2 ;;
esac

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { printf 'install-test-deps: %s\n' "$*"; }

# Runs a command; quiet unless verbose, but a failure always shows what the command printed.
run() {
  if [ "$verbose" = 1 ]; then
    "$@"
    return
  fi
  local out
  if ! out="$("$@" 2>&1)"; then
    printf '%s\n' "$out" >&2
    say "FAILED: $*"
    return 1
  fi
}

as_root() {
  if [ "$(id -u)" = 0 ]; then
    run "$@"
  elif command -v sudo >/dev/null 2>&1; then
    run sudo "$@"
  else
    say "FAILED: '$*' needs root; run this script as root (or install sudo)"
    return 1
  fi
}

# Debian packages, each named with the file that shows it is installed.
missing=()
for spec in chromium:/usr/bin/chromium docker-compose:/usr/bin/docker-compose; do
  pkg="${spec%%:*}"
  file="${spec#*:}"
  if [ -x "$file" ]; then
    say "$pkg: present ($file)"
  else
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "apt: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  for pkg in "${missing[@]}"; do
    say "$pkg: installed"
  done
fi

# npm packages of the tools the tests drive (graphql-js, the GraphQL-over-HTTP audit, the Cypher linter, the
# playground bundle). Kuzu is for the benchmarks only: scripts/bench.sh installs it.
shopt -s nullglob
for lock in "$repo_root"/tools/*/package-lock.json; do
  dir="$(dirname "$lock")"
  name="tools/$(basename "$dir")"
  if [ "$name" = "tools/kuzu-bench" ]; then
    continue
  fi
  if [ -d "$dir/node_modules" ]; then
    say "$name: node_modules present"
    continue
  fi
  if ! command -v npm >/dev/null 2>&1; then
    say "FAILED: $name needs npm (Node.js 20 or newer with npm), which is not on PATH"
    exit 1
  fi
  say "$name: npm ci"
  (cd "$dir" && run npm ci --no-audit --no-fund --loglevel=error)
done
say "done"
