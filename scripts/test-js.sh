#!/usr/bin/env bash
# `make test-js`: the npm package in pkg/ as users get it.
#   1. node --test js/test/*.test.mjs  API (ESM, and CommonJS through
#      require), same answers as the CLI on ../shared/corpus, esbuild bundles
#      run in Node and Chromium, and the `npm pack` tarball installed in a
#      fresh project and built with Vite (build and dev server) and webpack,
#      each run in Chromium
#   2. tsc --noEmit on js/types-check  the .d.ts files, typed use, with and
#      without the DOM lib
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

# The types, twice, both without skipLibCheck: with lib es2022 + dom
# (tsconfig.json), and with lib es2022 + @types/node and no DOM lib
# (tsconfig.node.json, which also checks the CommonJS types).
tsc_check() { # $1 = tsconfig, $2 = files that must have been checked, $3 = a file that must not
  echo "== tsc --noEmit -p js/types-check/$1"
  js/node_modules/.bin/tsc --noEmit -p "js/types-check/$1" --listFiles >"$log" 2>&1 || { cat "$log" >&2; echo "test-js: tsc ($1) FAILED" >&2; exit 1; }
  for f in $2; do
    grep -q "$(realpath "$f")" "$log" || { echo "test-js: tsc ($1) did not check $f" >&2; exit 1; }
  done
  if [ -n "$3" ] && grep -q "$3" "$log"; then echo "test-js: tsc ($1) read $3, which it must not" >&2; exit 1; fi
  echo "test-js (tsc $1): $(grep -c . "$log") files checked, including $(echo $2 | wc -w) of ours"
}
tsc_check tsconfig.json "js/types-check/usage.ts js/types-check/widget.ts pkg/index.d.ts pkg/jikenbo.d.ts pkg/widget.d.ts" ""
tsc_check tsconfig.node.json "js/types-check/usage.ts js/types-check/usage-node.ts js/types-check/usage-require.cts pkg/index.d.ts pkg/index.d.cts pkg/jikenbo.d.ts js/node_modules/@types/node/index.d.ts" "lib.dom.d.ts"
