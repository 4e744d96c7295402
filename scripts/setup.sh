#!/usr/bin/env bash
# Installs what `make` needs and is missing, on a fresh Debian 12 machine with
# Rust (rustup) and Node. Idempotent: every step checks first, so a second run
# takes about a second. See ../shared/notes/toolchain.md for why each choice.
#
#   scripts/setup.sh            what building needs (make pkg, make www, make serve)
#   scripts/setup.sh --browser  that, and Chromium with its driver (the tests)
set -euo pipefail
BROWSER=0
for a in "$@"; do
  case "$a" in
    --browser) BROWSER=1 ;;
    *) echo "setup: unknown argument $a (only --browser)" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf '[setup] %s\n' "$*" >&2; }

# 1. Rust target for WebAssembly.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen-cli at exactly the version Cargo.lock pins (no --locked:
#    one of its locked dependencies is not served by the registry here).
WBG=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
if [ -z "$WBG" ]; then echo "setup: cannot read the wasm-bindgen version from Cargo.lock" >&2; exit 1; fi
if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$WBG" ]; then
  say "installing wasm-bindgen-cli $WBG (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$WBG"
fi

# 3. wasm-pack.
WP=0.15.1
if [ "$(wasm-pack --version 2>/dev/null | cut -d' ' -f2)" != "$WP" ]; then
  say "installing wasm-pack $WP (a few minutes, once)"
  cargo install wasm-pack --version "$WP" --locked
fi

# 4. Chromium and its driver from Debian, for the browser tests only.
if [ "$BROWSER" = 1 ] && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; }; then
  say "installing chromium and chromium-driver from apt"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi

# 5. JavaScript tooling: binaryen's wasm-opt and esbuild (the build), Playwright
#    core, TypeScript, @types/node, Vite and webpack (the tests). None of them
#    downloads a browser.
if [ ! -d js/node_modules ] || [ js/package-lock.json -nt js/node_modules/.package-lock.json ]; then
  say "installing npm packages in js/"
  (cd js && npm ci --prefer-offline --no-audit --no-fund --loglevel=error)
fi
