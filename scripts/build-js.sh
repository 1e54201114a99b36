#!/usr/bin/env bash
# Builds the browser module (bindings/js) into bindings/js/dist/ and copies
# what a page loads into the Django app's static files
# (bindings/python/python/cookieprefs/django/static/cookieprefs/client/).
# Neither folder is committed: this script makes them.
#
# Installs what it needs: the wasm32-unknown-unknown target (rustup),
# wasm-bindgen-cli at the exact version of the crate's wasm-bindgen
# (cargo install --locked), the npm packages of bindings/js (npm ci: esbuild,
# pinned in package.json and package-lock.json). No wasm-opt: binaryen's
# -Oz/-Os/-O2 make the module smaller but its gzip larger
# (docs/PERFORMANCE.md, "WebAssembly").
#
# The JavaScript and CSS a page loads are minified by esbuild (each file on
# its own, still ES modules importing each other); the readable sources stay
# in bindings/js/js/.
#
# The size figure is the total gzip of what a page downloads. Issue 14's
# budget is 40 KiB = 40,960 bytes, and it is NOT met yet (73,055 bytes on
# 2026-11-24; docs/PERFORMANCE.md, "WebAssembly", says why and what would
# reach it): the figure is printed against it every time. --check-budget
# (scripts/test-js.sh passes it) fails over the ratchet, 75,000 bytes, so
# that the module can only shrink until the budget is met
# (COOKIEPREFS_JS_BUDGET=bytes sets the ratchet: 40960 checks the budget).
#
#   ./scripts/build-js.sh                  # build, then print the size figure
#   ./scripts/build-js.sh --check-budget   # ... and fail over the ratchet
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
js=$root/bindings/js
dist=$js/dist
static=$root/bindings/python/python/cookieprefs/django/static/cookieprefs/client
check_budget=0
[ "${1:-}" = --check-budget ] && check_budget=1

# The wasm-bindgen version pinned in bindings/js/Cargo.toml (=X.Y.Z).
wb_version=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' "$js/Cargo.toml")
[ -n "$wb_version" ] || { echo "build-js: no exact wasm-bindgen version in bindings/js/Cargo.toml" >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "== js: rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb_version" ]; then
  echo "== js: cargo install wasm-bindgen-cli $wb_version"
  cargo install --locked --version "$wb_version" wasm-bindgen-cli
fi

echo "== js: cargo build (wasm32-unknown-unknown, profile wasm)"
cargo build --locked -p cookieprefs-wasm --target wasm32-unknown-unknown --profile wasm
rm -rf "$dist"
mkdir -p "$dist"
echo "== js: wasm-bindgen --target web"
wasm-bindgen --target web --no-typescript --out-dir "$dist" \
  "$root/target/wasm32-unknown-unknown/wasm/cookieprefs_wasm.wasm"
cp "$js"/js/*.d.ts "$dist/"

echo "== js: npm ci"
(cd "$js" && npm ci --no-audit --no-fund --loglevel=error)
echo "== js: esbuild --minify"
esbuild=$js/node_modules/.bin/esbuild
"$esbuild" "$dist/cookieprefs_wasm.js" --minify --format=esm --log-level=warning \
  --outfile="$dist/cookieprefs_wasm.js" --allow-overwrite
for f in cookieprefs.js page.js; do
  "$esbuild" "$js/js/$f" --minify --format=esm --log-level=warning --outfile="$dist/$f"
done
"$esbuild" "$js/js/page.css" --minify --log-level=warning --outfile="$dist/page.css"

rm -rf "$static"
mkdir -p "$static"
cp "$dist"/cookieprefs.js "$dist"/page.js "$dist"/page.css "$dist"/cookieprefs_wasm.js \
  "$dist"/cookieprefs_wasm_bg.wasm "$static/"

# The size figure: what a page downloads.
size() { wc -c <"$1" | tr -d ' '; }
gz() { gzip -9c "$1" | wc -c | tr -d ' '; }
total_raw=0
total_gz=0
echo "== js: size (bytes; gzip -9)"
printf '%-28s %8s %8s\n' file raw gzip
for f in cookieprefs_wasm_bg.wasm cookieprefs_wasm.js cookieprefs.js page.js page.css; do
  r=$(size "$dist/$f")
  g=$(gz "$dist/$f")
  total_raw=$((total_raw + r))
  total_gz=$((total_gz + g))
  printf '%-28s %8d %8d\n' "$f" "$r" "$g"
done
printf '%-28s %8d %8d\n' total "$total_raw" "$total_gz"
target=40960
ratchet=${COOKIEPREFS_JS_BUDGET:-75000}
echo "size: WebAssembly + JS + CSS, gzip: $total_gz bytes ($(( (total_gz + 1023) / 1024 )) KiB; issue 14's budget $target bytes, ratchet $ratchet bytes)"
if [ "$total_gz" -gt "$target" ]; then
  echo "size: NOT within issue 14's budget of $target bytes gzip: $((total_gz - target)) bytes over (docs/PERFORMANCE.md, \"WebAssembly\")"
fi
if [ "$total_gz" -gt "$ratchet" ]; then
  echo "build-js: the browser module is $total_gz bytes gzip, over the ratchet of $ratchet: it grew (docs/PERFORMANCE.md, \"WebAssembly\")" >&2
  [ "$check_budget" = 0 ] || exit 1
fi
