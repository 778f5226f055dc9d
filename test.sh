#!/usr/bin/env bash
# Sets up everything the tests need (idempotently) and runs the whole test suite.
# The tests start their own Azurite and maildev on free ports and stop them when they end; the Bicep
# infrastructure is compiled and linted first.
set -euo pipefail
QCW_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$QCW_ROOT"
QCW_SCRIPT_PID=$$
source tools/lib.sh

tools/ensure-tools.sh
tools/ensure-chromium.sh

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

# The infrastructure must compile and pass the Bicep linter: an error in either fails the run (warnings are shown).
tools/bicep.sh build infra/main.bicep --outdir "$results/bicep"
tools/bicep.sh lint infra/main.bicep

status=0
dotnet test QuyCheWorkflow.sln --configuration Release --disable-build-servers \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@" || status=$?

# One plain closing line over every test project: "N passed, N failed, N skipped".
passed=0 failed=0 skipped=0 total=0
for trx in "$results"/*.trx; do
  [[ -f $trx ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n1)
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed)))
  total=$((total + $(get total)))
  skipped=$((skipped + $(get notExecuted)))
done
echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [[ $total -eq 0 && $status -eq 0 ]]; then
  echo "no test ran" >&2
  status=1
fi
exit "$status"
