#!/usr/bin/env bash
# The project's test command (README): installs what the tests need, builds, runs every test project,
# and ends with one summary line "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -x scripts/install-test-deps.sh ] || [ -f scripts/install-test-deps.sh ]; then
  bash scripts/install-test-deps.sh
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

echo "== format"
dotnet format whitespace Graph.sln --verify-no-changes

echo "== build"
dotnet build Graph.sln -c Release -nologo -clp:ErrorsOnly -warnaserror

echo "== test"
log=$(mktemp)
set +e
dotnet test --solution Graph.sln -c Release --no-build -- --output Detailed 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# The closing line CI reads, from the runner's own summary (last "Test run summary" block).
summary=$(awk '/Test run summary/{f=1; p=0; fl=0; s=0} f&&/failed:/{fl=$2} f&&/succeeded:/{p=$2} f&&/skipped:/{s=$2} END{print p" passed, "fl" failed, "s" skipped"}' "$log")
# Each skipped test is printed above with its reason; here they are counted by reason.
awk '/^skipped /{getline reason; sub(/^ +/, "", reason); n[reason]++} END{for (r in n) printf "skipped %d test(s): %s\n", n[r], r}' "$log"
rm -f "$log"
echo "$summary"
exit "$status"
