#!/usr/bin/env bash
# The whole suite, as `npm test` runs it: static checks, unit and server tests on the
# embedded PostgreSQL, the server tests again on the PostgreSQL at 127.0.0.1:5432, and
# browser journeys in Debian's Chromium. Prints one closing "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
results=test-results/vitest
rm -rf "$results" && mkdir -p "$results"
failed=0
broken=()
step() { echo; echo "▶ $*"; "$@" || { failed=1; broken+=("$*"); }; }

step npm run --silent typecheck
step npm run --silent lint
step npm run --silent deps
step npm run --silent db:check

step npx vitest run --project domain --project web --project server \
  --reporter=default --reporter=json --outputFile.json="$results/embedded.json"

external="${TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/test}"
if node scripts/pg-reachable.mjs "$external"; then
  TEST_DATABASE_URL="$external" step npx vitest run --project server \
    --reporter=default --reporter=json --outputFile.json="$results/external.json"
else
  echo "NOTICE: no PostgreSQL reachable at $external — skipping the external-database leg"
fi

step npm run --silent build -w @warmline/web
step npx vitest run --project e2e --reporter=default --reporter=json --outputFile.json="$results/e2e.json"

node scripts/summarise-tests.mjs "$results" || failed=1
# A failed static check has no test count of its own: name it last, where CI logs are cut.
for b in "${broken[@]}"; do echo "FAILED STEP: $b"; done
exit $failed
