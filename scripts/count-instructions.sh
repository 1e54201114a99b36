#!/usr/bin/env bash
# Instructions per operation of the Rust core, counted by callgrind: repeatable
# whatever else the machine is doing. Each figure is the difference between
# runs of N and 2N iterations, divided by N, so start-up cost cancels out.
# The peer_* operations are the hand-written peers of crates/cookieprefs-peers.
#
#   scripts/count-instructions.sh                 the core's operations
#   scripts/count-instructions.sh --peers         and the peers
#   scripts/count-instructions.sh decode find_cookie   only these
set -euo pipefail
cd "$(dirname "$0")/.."
n=${N:-100000}
ops=(decode encode_into encode evaluate find_cookie evaluate_header)
peers=(peer_base64_decode peer_lut_decode peer_base64_encode peer_lut_encode peer_split_find_cookie)
if [[ ${1:-} == --peers ]]; then
  ops+=("${peers[@]}")
elif [[ $# -gt 0 ]]; then
  ops=("$@")
fi
cargo build -q --release --locked -p cookieprefs --example instructions
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/instructions "$1" "$2" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
for op in "${ops[@]}"; do
  a=$(count "$op" "$n")
  b=$(count "$op" $((2 * n)))
  echo "$op: $(((b - a) / n)) instructions per call"
done
