# Rumbo's two commands:
#   make run    install what is missing, build, migrate, load the demo workshop and serve (SQLite)
#   make test   every test: unit, in-process HTTP on SQLite and PostgreSQL, headless browser
# and a few more: make bench, make release, make lint, make fmt, make clean.

SHELL := /bin/bash
.DEFAULT_GOAL := help

# Build artifacts can live outside the clone (CI sets this) so repeated runs reuse them.
export CARGO_TARGET_DIR ?= $(CURDIR)/target
# cargo-leptos sets this when it builds the server; setting it for every cargo command keeps
# plain `cargo test` from rebuilding the leptos crates after each `cargo leptos build`.
export LEPTOS_OUTPUT_NAME := rumbo
export LEPTOS_SITE_ROOT ?= $(CURDIR)/target/site
# wasm-opt from npm's binaryen (Debian's breaks hydration), ahead of the system's.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

DATABASE_URL ?= sqlite:data/rumbo.db
LEPTOS_SITE_ADDR ?= 127.0.0.1:3000
export DATABASE_URL LEPTOS_SITE_ADDR

DEBUG_BIN := $(CARGO_TARGET_DIR)/debug/rumbo
RELEASE_BIN := $(CARGO_TARGET_DIR)/release/rumbo

.PHONY: help tools browser-tools postgres build release run test unit-tests bench lint fmt clean

help:
	@echo "make run      build and serve Rumbo with the demo workshop on http://$(LEPTOS_SITE_ADDR)"
	@echo "make test     run every test (unit, HTTP on SQLite and PostgreSQL, headless browser)"
	@echo "make release  optimised build; prints the WebAssembly size"
	@echo "make bench    load benchmark of a release build on SQLite and PostgreSQL (see BENCHMARKS.md)"
	@echo "make lint     cargo fmt --check and clippy on the ssr and hydrate builds"

tools:
	@scripts/ensure-tools.sh

browser-tools:
	@scripts/ensure-tools.sh browser

postgres:
	@scripts/ensure-postgres.sh

build: tools
	cargo leptos build

release: tools
	cargo leptos build --release
	@wasm=$(LEPTOS_SITE_ROOT)/pkg/rumbo.wasm; \
	  printf 'rumbo.wasm: %s bytes raw, %s bytes gzip -9\n' "$$(stat -c %s $$wasm)" "$$(gzip -9 -c $$wasm | wc -c)"

run: release
	@$(RELEASE_BIN) migrate
	@$(RELEASE_BIN) demo
	@echo
	@echo "  Rumbo is starting on http://$(LEPTOS_SITE_ADDR)"
	@echo "  Demo workshop join code: DEMO-2026"
	@echo "  Demo facilitator (demo only): demo@rumbo.example / demo-rumbo-2026  → /login"
	@echo "  Data: $(DATABASE_URL)   (stop with Ctrl-C)"
	@echo
	@$(RELEASE_BIN) serve

# The browser tests run a copy of the server cargo-leptos built, the one that matches the bundle.
E2E_BIN := $(CARGO_TARGET_DIR)/e2e/rumbo

test: tools browser-tools postgres build
	@mkdir -p $(dir $(E2E_BIN)) && cp $(DEBUG_BIN) $(E2E_BIN)
	RUMBO_BIN=$(E2E_BIN) cargo test --workspace --exclude frontend --no-fail-fast

# The load generator drives a release build over HTTP on 127.0.0.1, on SQLite and PostgreSQL,
# and prints Markdown tables (BENCHMARKS.md). More options: make bench BENCH_ARGS="--quick",
# or BENCH_ARGS="--help".
BENCH_ARGS ?=
bench: release postgres
	cargo run --release -p bench -- --server $(RELEASE_BIN) --site-root $(LEPTOS_SITE_ROOT) $(BENCH_ARGS)

lint: tools
	cargo fmt --all -- --check
	cargo clippy --workspace --exclude frontend --all-targets -- -D warnings
	cargo clippy -p frontend -p app --features app/hydrate --target wasm32-unknown-unknown -- -D warnings

fmt:
	cargo fmt --all

clean:
	cargo clean
	rm -rf target/site
