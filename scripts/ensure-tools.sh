#!/usr/bin/env bash
# Installs what building Rumbo needs, from the package registries only, and only what is
# missing: running it again is quick and prints nothing.
#   scripts/ensure-tools.sh          build tools (wasm target, cargo-leptos, wasm-bindgen, npm packages)
#   scripts/ensure-tools.sh browser  also Debian's chromium and chromium-driver, for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.10
# Must equal the `wasm-bindgen` pin in Cargo.toml, exactly.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)" }.*/\1/p' Cargo.toml)

say() { printf 'rumbo: %s\n' "$*"; }
quietly() {
    local log
    log=$(mktemp)
    if ! "$@" >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        return 1
    fi
    rm -f "$log"
}

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    quietly rustup target add wasm32-unknown-unknown
fi

if [[ "$(cargo leptos --version 2>/dev/null)" != *"$CARGO_LEPTOS_VERSION"* ]]; then
    say "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 10 minutes, once)"
    quietly cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
fi

if [[ "$(wasm-bindgen --version 2>/dev/null)" != *"$WASM_BINDGEN_VERSION"* ]]; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    # Not --locked: its lockfile wants a crate version the registry lacks (see shared/TOOLCHAIN.md).
    quietly cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# ECharts (served from our own assets), binaryen's wasm-opt (Debian's breaks hydration) and
# axe-core (the accessibility browser test injects it), all pinned by package-lock.json.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    say "installing npm packages (echarts, binaryen, axe-core)"
    quietly npm ci --no-audit --no-fund
fi
mkdir -p public/vendor
if ! cmp -s node_modules/echarts/dist/echarts.min.js public/vendor/echarts.min.js; then
    cp node_modules/echarts/dist/echarts.min.js public/vendor/echarts.min.js
fi

if [[ "${1:-}" == browser ]]; then
    if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
        say "installing chromium and chromium-driver from Debian"
        export DEBIAN_FRONTEND=noninteractive
        quietly apt-get update -qq
        quietly apt-get install -y -qq chromium chromium-driver
    fi
fi
