#!/usr/bin/env bash
# Instructions per operation of the Rust core, counted by callgrind: repeatable
# whatever else the machine is doing. Each figure is the difference between
# runs of N and 2N iterations, divided by N, so start-up cost cancels out.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${N:-100000}
cargo build -q --release --locked -p cookieprefs --example instructions
for op in decode encode_into encode evaluate; do
  count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/instructions "$op" "$1" 2>&1 |
      sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
  }
  a=$(count "$n")
  b=$(count $((2 * n)))
  echo "$op: $(((b - a) / n)) instructions per call"
done
