#!/usr/bin/env bash
# Builds the browser module (bindings/js) into bindings/js/dist/ and copies
# what a page loads into the Django app's static files
# (bindings/python/python/cookieprefs/django/static/cookieprefs/client/).
# Neither folder is committed: this script makes them.
#
# Two builds of the crate cookieprefs-wasm (docs/JS.md, "The two builds"):
#   - full (stable Rust): the whole API, policy checks included:
#     cookieprefs.js + cookieprefs_wasm.js (wasm-bindgen's glue) +
#     cookieprefs_wasm_bg.wasm; what Node and tools use.
#   - page (feature `page`, nightly Rust with `-Z build-std`, std optimised
#     for size and `panic=immediate-abort`): what a page that applies the
#     visitor's choice needs, its policy read from the compact form the
#     server wrote. page.js (page.js, the API and the glue bundled and
#     minified by esbuild) + cookieprefs_page_bg.wasm + page.css; also
#     cookieprefs-page.js, the API alone on the page build.
#
# Installs what it needs: the wasm32-unknown-unknown target (rustup), the
# nightly toolchain's rust-src component, wasm-bindgen-cli at the exact
# version of the crate's wasm-bindgen (cargo install --locked), the npm
# packages of bindings/js (npm ci: esbuild, pinned in package.json and
# package-lock.json). No wasm-opt: binaryen's -Oz/-Os/-O2 make the module
# smaller but its gzip larger (docs/PERFORMANCE.md, "WebAssembly").
#
# The size figure is the total gzip of what a page downloads in client
# mode (the page build: page.js, cookieprefs_page_bg.wasm, page.css);
# issue 14's budget is 40 KiB = 40,960 bytes. --check-budget
# (scripts/test-js.sh passes it) fails over it (COOKIEPREFS_JS_BUDGET=bytes
# sets another limit). The full build's figure is printed beside it.
#
#   ./scripts/build-js.sh                  # build, then print the size figures
#   ./scripts/build-js.sh --check-budget   # ... and fail over the budget
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

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "== js: rustup toolchain install nightly"
  rustup toolchain install nightly --profile minimal
fi
if ! rustup +nightly component list --installed | grep -q '^rust-src'; then
  echo "== js: rustup +nightly component add rust-src"
  rustup +nightly component add rust-src
fi

echo "== js: cargo build, full (wasm32-unknown-unknown, profile wasm)"
cargo build --locked -p cookieprefs-wasm --target wasm32-unknown-unknown --profile wasm
echo "== js: cargo +nightly build, page ($(rustc +nightly --version); -Z build-std)"
# Its own target directory: the flags below would otherwise invalidate the
# stable builds' cache.
RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" CARGO_TARGET_DIR=$root/target/wasm-page \
  cargo +nightly build --locked -p cookieprefs-wasm --features page \
  --target wasm32-unknown-unknown --profile wasm \
  -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size
rm -rf "$dist"
mkdir -p "$dist"
stage=$root/target/wasm-page/stage
rm -rf "$stage"
mkdir -p "$stage"
echo "== js: wasm-bindgen --target web (full, page)"
wasm-bindgen --target web --no-typescript --out-dir "$dist" \
  "$root/target/wasm32-unknown-unknown/wasm/cookieprefs_wasm.wasm"
wasm-bindgen --target web --no-typescript --out-dir "$stage" --out-name cookieprefs_page \
  "$root/target/wasm-page/wasm32-unknown-unknown/wasm/cookieprefs_wasm.wasm"
cp "$js"/js/*.d.ts "$dist/"

echo "== js: npm ci"
(cd "$js" && npm ci --no-audit --no-fund --loglevel=error)
echo "== js: esbuild --minify (full: each file on its own; page: bundled)"
esbuild=$js/node_modules/.bin/esbuild
"$esbuild" "$dist/cookieprefs_wasm.js" --minify --format=esm --log-level=warning \
  --outfile="$dist/cookieprefs_wasm.js" --allow-overwrite
"$esbuild" "$js/js/cookieprefs.js" --minify --format=esm --log-level=warning --outfile="$dist/cookieprefs.js"
# The page build: the same sources, their glue import given the page
# build's glue. The functions of the full build only are absent from it
# (cookieprefs.js says so when called): esbuild's warning about them is off.
cp "$js"/js/cookieprefs.js "$js"/js/page.js "$stage/"
mv "$stage/cookieprefs_page.js" "$stage/cookieprefs_wasm.js"
for entry in page.js:page.js cookieprefs.js:cookieprefs-page.js; do
  "$esbuild" "$stage/${entry%%:*}" --bundle --minify --format=esm --log-level=warning \
    --log-override:import-is-undefined=silent --outfile="$dist/${entry##*:}"
done
cp "$stage/cookieprefs_page_bg.wasm" "$dist/"
cp "$js/js/page.d.ts" "$dist/page.d.ts"
cp "$js/js/cookieprefs.d.ts" "$dist/cookieprefs-page.d.ts"
"$esbuild" "$js/js/page.css" --minify --log-level=warning --outfile="$dist/page.css"

rm -rf "$static"
mkdir -p "$static"
cp "$dist"/page.js "$dist"/cookieprefs_page_bg.wasm "$dist"/page.css "$static/"

# The size figures: what a page downloads (page build), and the full build.
size() { wc -c <"$1" | tr -d ' '; }
gz() { gzip -9c "$1" | wc -c | tr -d ' '; }
table() { # table LABEL FILE...: prints each file and the total; sets total_gz
  local f r g total_raw=0
  total_gz=0
  echo "== js: size, $1 (bytes; gzip -9)"
  printf '%-28s %8s %8s\n' file raw gzip
  shift
  for f in "$@"; do
    r=$(size "$dist/$f")
    g=$(gz "$dist/$f")
    total_raw=$((total_raw + r))
    total_gz=$((total_gz + g))
    printf '%-28s %8d %8d\n' "$f" "$r" "$g"
  done
  printf '%-28s %8d %8d\n' total "$total_raw" "$total_gz"
}
table "full build (Node, tools)" cookieprefs_wasm_bg.wasm cookieprefs_wasm.js cookieprefs.js
full_gz=$total_gz
table "page build (what a page downloads in client mode)" cookieprefs_page_bg.wasm page.js page.css
budget=${COOKIEPREFS_JS_BUDGET:-40960}
echo "size: full build $full_gz bytes gzip; page build (WebAssembly + JS + CSS) $total_gz bytes gzip ($(( (total_gz + 1023) / 1024 )) KiB; issue 14's budget 40960 bytes, limit checked $budget bytes)"
if [ "$total_gz" -gt "$budget" ]; then
  echo "build-js: what a page downloads is $total_gz bytes gzip, over the limit of $budget (docs/PERFORMANCE.md, \"WebAssembly\")" >&2
  [ "$check_budget" = 0 ] || exit 1
fi
