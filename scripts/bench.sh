#!/usr/bin/env bash
# Runs the benchmarks in Release: installs what the named benchmark compares with (Kuzu for storage, graphql-js for
# graphql; npm ci), then runs it. Works from a fresh clone.
# Usage: scripts/bench.sh [storage|graphql|api|extraction|ingestion|explorer] [benchmark options...]
#   scripts/bench.sh storage --relationships 100000
# With no arguments it runs the storage benchmark at its default size (1,000,000 relationships).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [[ $# -eq 0 ]]; then
  set -- storage
fi

if [[ "$1" == "storage" ]]; then
  if ! command -v node >/dev/null 2>&1; then
    echo "bench.sh: node is not installed; the storage benchmark needs Node.js 18+ for the Kuzu comparison (or pass --skip-kuzu)." >&2
    exit 2
  fi
  echo "Installing the Kuzu benchmark tool (npm ci in tools/kuzu-bench)..." >&2
  (cd tools/kuzu-bench && npm ci --no-audit --no-fund --loglevel=error)
fi

# The graphql benchmark compares with graphql-js, the api benchmark drives nothing else: install what the named one needs.
if [[ "$1" == "graphql" ]]; then
  if ! command -v node >/dev/null 2>&1; then
    echo "bench.sh: node is not installed; the graphql benchmark needs Node.js 20+ to run graphql-js beside the engine." >&2
    exit 2
  fi
  if [[ ! -f tools/graphql-js/node_modules/.package-lock.json || tools/graphql-js/package-lock.json -nt tools/graphql-js/node_modules/.package-lock.json ]]; then
    echo "Installing graphql-js (npm ci in tools/graphql-js)..." >&2
    (cd tools/graphql-js && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi

# The explorer's benchmark is a browser one: a Node script driving Debian's chromium (tools/explorer/bench/run.mjs).
if [[ "$1" == "explorer" ]]; then
  if ! command -v node >/dev/null 2>&1; then
    echo "bench.sh: node is not installed; the explorer benchmark needs Node.js 20+ and /usr/bin/chromium." >&2
    exit 2
  fi
  if [[ ! -f tools/explorer/node_modules/.package-lock.json || tools/explorer/package-lock.json -nt tools/explorer/node_modules/.package-lock.json ]]; then
    echo "Installing the explorer's packages (npm ci in tools/explorer)..." >&2
    (cd tools/explorer && npm ci --no-audit --no-fund --loglevel=error)
  fi
  shift
  exec node tools/explorer/bench/run.mjs "$@"
fi

# The storage benchmark's own process runs the bulk load: give it the GC the product's command line runs with (Server,
# concurrent), as `graph import` into a new file does. Its query phases set their own GC per run.
if [[ "$1" == "storage" ]]; then
  export DOTNET_gcServer="${DOTNET_gcServer:-1}" DOTNET_gcConcurrent="${DOTNET_gcConcurrent:-1}"
fi

dotnet build -c Release bench/Graph.Benchmarks/Graph.Benchmarks.csproj --nologo -v quiet
exec dotnet run -c Release --no-build --project bench/Graph.Benchmarks -- "$@"
