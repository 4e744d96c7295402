#!/usr/bin/env bash
# `make test-js`: the npm package in pkg/ as users get it.
#   1. node --test js/test/*.test.mjs  API, same answers as the CLI on
#      ../shared/corpus, esbuild bundles run in Node and Chromium
#   2. tsc --noEmit on js/types-check/usage.ts  the .d.ts, typed use
# `import "jikenbo"` resolves through js/node_modules/jikenbo, a symlink to
# ../pkg made here (node_modules is git-ignored; npm ci removes it, so it is
# made on every run). Fails when a suite ran no test.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
[ -f pkg/package.json ] || { echo "test-js: pkg/ is missing: run make pkg" >&2; exit 1; }
mkdir -p js/node_modules
ln -sfn ../../pkg js/node_modules/jikenbo

log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== node --test js/test"
rc=0
node --test --test-reporter=tap js/test/*.test.mjs >"$log" 2>&1 || rc=$?
grep -E '^(not ok|# )' "$log" | grep -v -E '^# (Subtest|duration_ms|todo|cancelled)' || true
pass=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$log" | tail -1)
fail=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$log" | tail -1)
if [ "$rc" -ne 0 ] || [ "${fail:-1}" -ne 0 ]; then
  grep -B2 -A30 '^not ok' "$log" >&2 || tail -60 "$log" >&2
  echo "test-js: node --test FAILED" >&2; exit 1
fi
[ "${pass:-0}" -gt 0 ] || { echo "test-js: node --test ran no test" >&2; exit 1; }
echo "test-js (node --test): $pass passed"

echo "== tsc --noEmit -p js/types-check"
js/node_modules/.bin/tsc --noEmit -p js/types-check --listFiles >"$log" 2>&1 || { cat "$log" >&2; echo "test-js: tsc FAILED" >&2; exit 1; }
for f in js/types-check/usage.ts pkg/jikenbo.d.ts pkg/index.d.ts; do
  grep -q "$(realpath "$f")" "$log" || { echo "test-js: tsc did not check $f" >&2; exit 1; }
done
echo "test-js (tsc): js/types-check/usage.ts checked against pkg/index.d.ts"
