#!/usr/bin/env bash
# The C and C++ suite, from the repo root on a fresh clone:
#   - builds libcookieprefs (release: .a and .so) and runs the C ABI crate's
#     Rust tests, which include the header freshness check;
#   - compiles the C99 and C++17 consumers of include/cookieprefs.h (and the
#     C snippet of README.md, extracted verbatim) with
#     -Wall -Wextra -Wpedantic -Werror (tests/c/Makefile);
#   - runs them linked statically, dynamically, under ASan+UBSan and under
#     valgrind; pushes every shared vector through the C ABI in each of those
#     configurations; builds examples/c with the exact command of
#     docs/C_API.md and through an installed pkg-config file; runs the edge
#     example (examples/c/edge_filter.c) under ASan+UBSan and valgrind on
#     visitors who refused, granted and withdrew statistics.
# Every step runs even when an earlier one fails; the last line is
# "N passed, M failed" and the exit status is non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

for tool in cargo cc c++ make valgrind python3 pkg-config; do
  command -v "$tool" >/dev/null || { echo "test-c: $tool is required" >&2; exit 1; }
done

passed=0
failed=0
failures=()
step() { # step NAME COMMAND...
  local name=$1
  shift
  echo "== c: $name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$name")
    echo "FAILED: $name" >&2
  fi
}

build=tests/c/build
valgrind=(valgrind --quiet --leak-check=full --error-exitcode=1)
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT

# Prints the example's answer and checks it contains $2.
example() { # example EXPECTED COMMAND...
  local expected=$1 out
  shift
  out=$("$@") || return 1
  printf '%s\n' "$out"
  grep -qF -- "$expected" <<<"$out"
}

# examples/c/edge_filter.c on one exchange (request headers, empty line,
# response headers) under the portal policy on 2026-11-24: prints the
# headers it sends and checks those it must and must not send (one per line).
edge_filter() { # edge_filter EXCHANGE MUST MUST_NOT COMMAND...
  local exchange=$1 must=$2 must_not=$3 out line
  shift 3
  out=$(printf '%s' "$exchange" | "$@" examples/policies/opendatasoft-portal.json 2026-11-24) || return 1
  printf '%s\n' "$out"
  while IFS= read -r line; do
    [[ -z $line ]] || grep -qF -- "$line" <<<"$out" || { echo "missing: $line" >&2; return 1; }
  done <<<"$must"
  while IFS= read -r line; do
    [[ -z $line ]] || ! grep -qF -- "$line" <<<"$out" || { echo "sent anyway: $line" >&2; return 1; }
  done <<<"$must_not"
}

# Visitors of the portal policy (revision 1), values from
# `cookieprefs encode --revision 1 --today 2026-11-24 --first-party denied --third-party denied`:
refused=BAABCdcJ1w1Q # --statistics denied
granted=BAABCdcJ1w5Q # --statistics granted
# A statistics cookie whose deletion header needs more than the example's first buffer.
long_name="_pk_id.1.$(printf '%0600d' 0)"
response=$'Content-Type: text/html\r\nSet-Cookie: _pk_id.1.abcd=GA1.1.42; Max-Age=34214400; Path=/\r\nSet-Cookie: sessionid=abc; HttpOnly; Path=/\r\n'
refused_exchange="Cookie: sessionid=x; cookies_preferences=$refused; _pk_id.1.abcd=1; embed_visitor=2; $long_name=3"$'\r\n\r\n'"$response"
refused_must="Set-Cookie: sessionid=abc
Set-Cookie: _pk_id.1.abcd=; Max-Age=0
Set-Cookie: embed_visitor=; Max-Age=0
Set-Cookie: $long_name=; Max-Age=0"
granted_exchange="Cookie: sessionid=x; cookies_preferences=$granted; _pk_id.1.abcd=1"$'\r\n\r\n'"$response"
granted_must=$'Set-Cookie: _pk_id.1.abcd=GA1.1.42\nSet-Cookie: sessionid=abc'
# The visitor had granted statistics and withdraws: the response records
# the refusal, and clears the statistics cookies on that same response.
withdrawal_exchange="Cookie: sessionid=x; cookies_preferences=$granted; _pk_id.1.abcd=1; _pk_ses.1.abcd=1"$'\n\n'"Set-Cookie: cookies_preferences=$refused; Max-Age=15811200; Path=/"$'\n'
withdrawal_must="Set-Cookie: cookies_preferences=$refused
Set-Cookie: _pk_id.1.abcd=; Max-Age=0
Set-Cookie: _pk_ses.1.abcd=; Max-Age=0"

installed_example() (
  ./scripts/install-c.sh "$prefix" &&
    export PKG_CONFIG_PATH="$prefix/lib/pkgconfig" &&
    # shellcheck disable=SC2046
    cc -std=c99 -Wall -Wextra -Wpedantic -Werror examples/c/banner.c \
      $(pkg-config --cflags --libs cookieprefs) -o "$prefix/banner" &&
    example 'banner: hide' "$prefix/banner" 'cookies_preferences=BAADCdcJ1w5Q' 2026-11-24
)

step "cargo build --release -p cookieprefs-ffi" cargo build --release --locked -p cookieprefs-ffi
step "cargo test -p cookieprefs-ffi (unit tests, header freshness)" cargo test --locked -q -p cookieprefs-ffi
make -C tests/c clean >/dev/null
step "compile C99, C++17, runner and example (-Werror)" make -s -C tests/c all

for p in test_api test_api_cpp readme_snippet; do
  for cfg in static shared asan; do
    step "$p ($cfg)" "$build/${p}_$cfg"
  done
  for cfg in static shared; do
    step "$p ($cfg, valgrind)" "${valgrind[@]}" "$build/${p}_$cfg"
  done
done

for cfg in static shared asan; do
  step "shared vectors through the C ABI ($cfg)" python3 tests/c/run_vectors.py "$build/vector_runner_$cfg"
done
step "shared vectors through the C ABI (shared, valgrind)" \
  python3 tests/c/run_vectors.py "${valgrind[@]}" "$build/vector_runner_shared"

step "examples/c/banner.c (built as docs/C_API.md says)" \
  example 'statistics: allowed' "$build/banner_example" 'sessionid=x; cookies_preferences=BAADCdcJ1w5Q' 2026-11-24
step "examples/c/banner.c (invalid cookie, valgrind)" \
  example 'banner: show (invalid_value)' "${valgrind[@]}" "$build/banner_example" 'a=1; cookies_preferences=junk' 2026-11-24
for run in asan valgrind; do
  if [[ $run == asan ]]; then cmd=("$build/edge_filter_asan"); else cmd=("${valgrind[@]}" "$build/edge_filter_example"); fi
  step "examples/c/edge_filter.c ($run): statistics refused, the _pk_id Set-Cookie dropped, refused cookies deleted" \
    edge_filter "$refused_exchange" "$refused_must" "Set-Cookie: _pk_id.1.abcd=GA1" "${cmd[@]}"
  step "examples/c/edge_filter.c ($run): statistics granted, the _pk_id Set-Cookie kept" \
    edge_filter "$granted_exchange" "$granted_must" "_pk_id.1.abcd=; Max-Age=0" "${cmd[@]}"
  step "examples/c/edge_filter.c ($run): a withdrawal clears on the response that records it" \
    edge_filter "$withdrawal_exchange" "$withdrawal_must" "" "${cmd[@]}"
done
step "install-c.sh + pkg-config build of examples/c/banner.c" installed_example

if ((failed)); then
  printf 'failed: %s\n' "${failures[@]}" >&2
fi
echo "$passed passed, $failed failed"
((failed == 0))
