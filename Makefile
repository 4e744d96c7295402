# jikenbo — every target installs what is missing (scripts/setup.sh, about a
# second when all is there) and does nothing more when nothing changed.
#   make serve   build and serve the page at http://127.0.0.1:$(PORT)/
#   make test    run every test suite (fails loudly if a suite ran no test)
#   make pkg     build the npm package into pkg/
#   make bench   run the benchmarks (see BENCHMARKS.md)
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080

RUST_SRC := Cargo.toml Cargo.lock build.rs $(shell find src rules -type f 2>/dev/null)

.PHONY: all setup pkg www serve test test-rust test-wasm test-js test-browser test-tools bench clean
all: pkg

setup:
	@scripts/setup.sh

# ---- npm package (owner: package) -------------------------------------------
pkg: setup pkg/package.json
pkg/package.json: $(RUST_SRC) scripts/build-pkg.sh js/package-lock.json
	scripts/build-pkg.sh

# ---- page and widget (owner: www) ---------------------------------------------
www: pkg www/pkg/package.json
www/pkg/package.json: pkg/package.json
	rm -rf www/pkg && mkdir -p www/pkg && cp -R pkg/. www/pkg/
	printf 'Copied from pkg/ by `make www`: do not edit (git-ignored).\n' > www/pkg/GENERATED.txt
	touch www/pkg/package.json
serve: www
	node scripts/serve.mjs --root www --port $(PORT)

# ---- tests ----------------------------------------------------------------------
test: setup test-rust test-wasm test-js test-browser test-tools
	@echo "make test: all suites passed"

test-rust:
	cargo test --release

test-wasm: setup
	scripts/test-wasm.sh
test-js: pkg
	scripts/test-js.sh
test-browser: www
	node js/e2e.mjs
test-tools:
	scripts/test-tools.sh

# ---- benchmarks (owner: bench) ------------------------------------------------
# make bench        the full run (several minutes): native criterion + summary,
#                   wasm vs JS RegExp in Node, headless Chromium. BENCHMARKS.md.
# make bench-smoke  every harness once, briefly: that they work, not how fast
#                   (part of make test).
.PHONY: bench-smoke
BENCH_RULES_JS := js/bench/rules.generated.mjs
$(BENCH_RULES_JS): js/bench/gen-rules.mjs $(shell find rules -name '*.toml' 2>/dev/null)
	node js/bench/gen-rules.mjs

bench: pkg $(BENCH_RULES_JS)
	cargo bench --bench classify
	node js/bench/node.mjs
	node js/bench/browser.mjs

bench-smoke: pkg $(BENCH_RULES_JS)
	BENCH_QUICK=1 cargo bench -q --bench classify
	BENCH_QUICK=1 node js/bench/node.mjs
	BENCH_QUICK=1 node js/bench/browser.mjs

test: bench-smoke

clean:
	rm -rf pkg www/pkg target/wasm32-unknown-unknown
