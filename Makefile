# jikenbo — every target installs what is missing (scripts/setup.sh, about a
# second when all is there) and does nothing more when nothing changed.
# Building (pkg, www, serve) never installs a browser; the tests install
# Chromium from Debian when it is missing (scripts/setup.sh --browser).
#   make serve   build and serve the page at http://127.0.0.1:$(PORT)/
#   make test    run every test suite (fails loudly if a suite ran no test)
#   make pkg     build the npm package into pkg/
#   make bench   run the benchmarks (see BENCHMARKS.md)
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080

RUST_SRC := Cargo.toml Cargo.lock build.rs $(shell find src rules -type f 2>/dev/null)

.PHONY: all setup setup-build pkg www serve test test-rust test-wasm test-js test-browser test-tools bench clean
all: pkg

# what building needs
setup-build:
	@scripts/setup.sh
# that, and Chromium with chromedriver (the tests)
setup:
	@scripts/setup.sh --browser

# ---- npm package (owner: package) -------------------------------------------
# The widget (pkg/widget.js) is bundled from www/lib/, so those files count too.
WIDGET_SRC := $(wildcard www/lib/*.js) js/pkg-readme.md
pkg: setup-build pkg/package.json
pkg/package.json: $(RUST_SRC) scripts/build-pkg.sh scripts/pkg-wrap.mjs $(WIDGET_SRC) js/package-lock.json
	scripts/build-pkg.sh

# ---- page and widget (owner: www) ---------------------------------------------
# www/sw-manifest.js: what the service worker keeps for offline use.
WWW_SRC := $(filter-out www/sw-manifest.js,$(shell find www -type f -not -path 'www/pkg/*' 2>/dev/null))
www: pkg www/pkg/package.json www/sw-manifest.js
www/pkg/package.json: pkg/package.json
	@echo "[www] copying pkg/ → www/pkg/"
	@rm -rf www/pkg && mkdir -p www/pkg && cp -R pkg/. www/pkg/
	@printf 'Copied from pkg/ by `make www`: do not edit (git-ignored).\n' > www/pkg/GENERATED.txt
	@touch www/pkg/package.json
www/sw-manifest.js: www/pkg/package.json $(WWW_SRC) scripts/sw-manifest.mjs
	@node scripts/sw-manifest.mjs
serve: www
	@echo "[serve] starting the server (Ctrl-C to stop)"
	node scripts/serve.mjs --root www --port $(PORT)

# ---- tests ----------------------------------------------------------------------
test: setup test-rust test-wasm test-js test-browser test-tools
	@echo "make test: all suites passed"

test-rust:
	cargo test --release --workspace

test-wasm: setup
	scripts/test-wasm.sh
test-js: setup pkg
	scripts/test-js.sh
test-browser: setup www
	node js/e2e.mjs
test-tools:
	scripts/test-tools.sh

# ---- benchmarks (owner: bench) ------------------------------------------------
# make bench        the full run (several minutes): native criterion + summary,
#                   the adversarial inputs of issue 12 (work per byte, time
#                   4 MB / 1 MB), wasm vs JS RegExp in Node (and the .wasm
#                   size), headless Chromium. BENCHMARKS.md.
# make bench-smoke  every harness once, briefly: that they work, not how fast
#                   (part of make test).
.PHONY: bench-smoke
BENCH_RULES_JS := js/bench/rules.generated.mjs
$(BENCH_RULES_JS): js/bench/gen-rules.mjs $(shell find rules -name '*.toml' 2>/dev/null)
	node js/bench/gen-rules.mjs

bench: setup pkg $(BENCH_RULES_JS)
	cargo bench --bench classify
	cargo bench --bench adversarial
	node js/bench/node.mjs
	node js/bench/browser.mjs

bench-smoke: setup pkg $(BENCH_RULES_JS)
	BENCH_QUICK=1 cargo bench -q --bench classify
	BENCH_QUICK=1 cargo bench -q --bench adversarial
	BENCH_QUICK=1 node js/bench/node.mjs
	BENCH_QUICK=1 node js/bench/browser.mjs

test: bench-smoke

# ---- exports (owner: export) --------------------------------------------------
# VERIS/STIX/MISP/CSV exports of every notice, validated by jsonschema and the
# OASIS stix2-validator in a venv (target/pyenv); see scripts/validate-exports.sh.
.PHONY: test-exports
test-exports:
	scripts/validate-exports.sh
test: test-exports

clean:
	rm -rf pkg www/pkg www/sw-manifest.js target/wasm32-unknown-unknown
