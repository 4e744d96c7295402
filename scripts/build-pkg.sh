#!/usr/bin/env bash
# Builds the npm package `jikenbo` into pkg/ (build output, git-ignored).
# Called by `make pkg`, which skips it when no source changed. Says what it
# is doing at each step (the first build takes a minute or two).
#
#   1. wasm-pack (cargo build --target wasm32-unknown-unknown, wasm-bindgen
#      --target web): pkg/jikenbo.js, jikenbo_bg.wasm, jikenbo.d.ts
#      (the subpath "jikenbo/web", which needs init())
#   2. wasm-opt -Oz on the .wasm
#   3. scripts/pkg-wrap.mjs: the entries around it (index.js for browsers and
#      bundlers, node.js and node.cjs for Node, widget.js the single-file
#      <jikenbo-classifier>), the .d.ts files, README.md (js/pkg-readme.md),
#      package.json with the exports map
#
# The .wasm ships as a file (no base64). wasm-pack never downloads anything
# (--mode no-install), so its own wasm-opt step is off in Cargo.toml; this
# script runs npm binaryen's wasm-opt -Oz (js/node_modules, installed by
# scripts/setup.sh) on the output itself and fails if it is missing. Never
# Debian's /usr/bin/wasm-opt: binaryen 108 cannot read wasm-bindgen's output.
# The package is built in target/pkg.tmp and moved to pkg/ only when complete,
# so a failed build never leaves a pkg/package.json that would make `make`
# think it is up to date.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf '[build-pkg] %s\n' "$*" >&2; }

# One build at a time (several people and make targets share this tree).
mkdir -p target
exec 9>target/.build-pkg.lock
flock -n 9 || { say "waiting for another build of pkg/ to finish…"; flock 9; }
TMP=target/pkg.tmp
rm -rf "$TMP"
started=$(date +%s)
say "1/3 compiling Rust → wasm (cargo build --release --target wasm32-unknown-unknown, then wasm-bindgen; a minute or two the first time)…"
wasm-pack --quiet build --mode no-install --release --target web --out-dir "$TMP" --out-name jikenbo . -- --no-default-features 2>&1 |
  grep -v -e 'failed to get wasm-pack version' -e 'no LICENSE file' >&2 || true
[ -f "$TMP/jikenbo_bg.wasm" ] && [ -f "$TMP/jikenbo.js" ] || { say "wasm-pack build failed"; exit 1; }

# Size: wasm-opt -Oz (also drops the `name` section), without inlining
# functions into their only caller: that inlining saves ~5 KB raw but costs
# ~9 KB gzipped, with no measurable speed difference (BENCHMARKS.md, Size).
# binaryen 132 reads the target_features section, so no --enable-* flags.
sizes() { printf '%s bytes, %s bytes gzip -9' "$(stat -c %s "$1")" "$(gzip -9 -c < "$1" | wc -c)"; }  # stdin: no file name in the gzip header
WASM_OPT=js/node_modules/.bin/wasm-opt
if [ ! -x "$WASM_OPT" ]; then
  say "error: $WASM_OPT is missing (npm binaryen, from js/package.json): run scripts/setup.sh"
  exit 1
fi
say "wasm-bindgen output: $(sizes "$TMP/jikenbo_bg.wasm") ($(( $(date +%s) - started )) s)"
say "2/3 wasm-opt -Oz (binaryen, about 15 s)…"
"$WASM_OPT" -Oz --one-caller-inline-max-function-size=0 "$TMP/jikenbo_bg.wasm" -o "$TMP/jikenbo_bg.opt.wasm" || { say "error: wasm-opt -Oz failed"; exit 1; }
mv "$TMP/jikenbo_bg.opt.wasm" "$TMP/jikenbo_bg.wasm"
say "after $("$WASM_OPT" --version) -Oz -ocimfs 0: $(sizes "$TMP/jikenbo_bg.wasm")"

say "3/3 writing the package around it: Node (ESM, CommonJS), browser and bundler entries, the widget, types, README…"
node scripts/pkg-wrap.mjs "$TMP"

say "moving target/pkg.tmp → pkg/"
rm -rf pkg
mv "$TMP" pkg
say "pkg/ ready in $(( $(date +%s) - started )) s: jikenbo_bg.wasm $(sizes pkg/jikenbo_bg.wasm)"
