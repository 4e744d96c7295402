#!/usr/bin/env bash
# `make test-wasm`: tests/web.rs (with tests/ts_types.rs) inside WebAssembly,
# once in Node and once in headless Chromium. Same as `wasm-pack test --node`
# / `--headless --chrome`, but through cargo's runner so that only the `web`
# test target is built for wasm32 (wasm-pack adds `--tests`, which would also
# build and run the library's unit tests in wasm).
#
# Fails when a run passes no test or fewer tests than the files declare, and
# when the Chrome run does not say it ran in Chrome: without
# WASM_BINDGEN_USE_BROWSER=1 the runner silently uses Node or skips
# (toolchain.md F8).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
unset WASM_BINDGEN_USE_BROWSER WASM_BINDGEN_USE_DENO NO_HEADLESS

want=$(( $(grep -c '^#\[wasm_bindgen_test\]' tests/web.rs) + $(grep -c 'wasm_bindgen_test::wasm_bindgen_test)\]' tests/ts_types.rs) ))
log=$(mktemp)
trap 'rm -f "$log"' EXIT

check() { # $1 = where, $2 = a line the output must contain (or "")
  local passed
  passed=$(sed -n 's/^test result: ok\. \([0-9]*\) passed.*/\1/p' "$log" | tail -1)
  if [ -z "$passed" ] || [ "$passed" -eq 0 ]; then
    echo "test-wasm ($1): FAILED: no passing test result in the output" >&2; exit 1
  fi
  if [ "$passed" -lt "$want" ]; then
    echo "test-wasm ($1): FAILED: $passed tests passed, tests/web.rs declares $want" >&2; exit 1
  fi
  if [ -n "$2" ] && ! grep -q "$2" "$log"; then
    echo "test-wasm ($1): FAILED: output lacks \"$2\" (false green, toolchain.md F8)" >&2; exit 1
  fi
  echo "test-wasm ($1): $passed passed"
}

run() { # $1 = where; the rest = environment for the run
  local where=$1 rc=0; shift
  echo "== wasm tests in $where"
  env "$@" cargo test --target wasm32-unknown-unknown --no-default-features --test web >"$log" 2>&1 || rc=$?
  grep -E '^(test |running|Running headless|test result)' "$log" || true
  if [ "$rc" -ne 0 ]; then
    tail -60 "$log" >&2; echo "test-wasm ($where): FAILED (exit status $rc)" >&2; exit 1
  fi
}

# The browser run allows 20 s by default; the debug build of the 10 MiB
# test needs more on a busy 2-core machine.
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-180}
run node
check node ""
run chrome WASM_BINDGEN_USE_BROWSER=1
check chrome "Running headless tests in Chrome"
