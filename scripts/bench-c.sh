#!/usr/bin/env bash
# C ABI benchmark (not part of the test suite): the C ABI's hot paths
# (tests/c/bench.c) and the Rust criterion benchmarks of the same operations
# (crates/cookieprefs/benches/codec.rs), in one run, printed side by side as
# medians. The figures in docs/PERFORMANCE.md ("C ABI") come from this script.
#
#   scripts/bench-c.sh            C and Rust
#   scripts/bench-c.sh --c-only   C only (no criterion build)
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --locked -q -p cookieprefs-ffi
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
cc -std=c99 -O2 -Wall -Wextra -Wpedantic -Werror -Iinclude tests/c/bench.c target/release/libcookieprefs.a \
  -lpthread -ldl -lm -o "$build/bench"
"$build/bench" | tee "$build/c.tsv"
[[ ${1:-} == --c-only ]] && exit 0

rust=(decode decode+state encode_into_buffer find_cookie evaluate evaluate_header)
filter=$(IFS='|'; echo "^(${rust[*]//+/\\+})\$")
cargo bench -q -p cookieprefs --bench codec -- --warm-up-time 1 --measurement-time 5 "$filter" >/dev/null 2>&1

python3 - "$build/c.tsv" "${rust[@]}" <<'PY'
import json, sys
c = {l.split("\t")[0]: float(l.split("\t")[1]) for l in open(sys.argv[1]).read().splitlines()[1:]}
def rust(name):
    with open(f"target/criterion/{name}/new/estimates.json") as f:
        return json.load(f)["median"]["point_estimate"]
pairs = [
    ("decode (handle + free)", "decode"),
    ("decode + state via handle", "decode+state"),
    ("value_category_state (fast path)", "decode+state"),
    ("header_category_state (160-byte header)", None),
    ("encode into caller buffer", "encode_into_buffer"),
    ("cookie_find (160-byte header)", "find_cookie"),
    ("policy_evaluate_value + needs_banner + free", "evaluate"),
    ("policy_evaluate_header + needs_banner + free", "evaluate_header"),
]
print()
print(f"| C ABI operation | C median | Rust operation | Rust median | C / Rust |")
print(f"|---|---|---|---|---|")
for cname, rname in pairs:
    if rname is None:
        print(f"| `{cname}` | {c[cname]:.1f} ns | | | |")
        continue
    r = rust(rname)
    print(f"| `{cname}` | {c[cname]:.1f} ns | `{rname}` | {r:.1f} ns | {c[cname] / r:.2f}× |")
PY
