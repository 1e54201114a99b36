#!/usr/bin/env bash
# The release artefacts, built and installed as a user would, from a clean
# clone (the `dist` suite of test-all.sh):
#   - Python: scripts/build-dist.sh builds the sdist and the manylinux2014
#     abi3 wheel and runs auditwheel show; the wheel is installed with
#     `pip install --only-binary :all: WHEEL[django]` into a brand-new venv
#     whose PATH has no cargo or rustc, and the whole Python suite (pytest,
#     mypy.stubtest) runs against the installed package, not the source tree;
#     the same wheel is imported by every other CPython >= 3.10 found; the
#     sdist is installed with pip (building with the Rust toolchain) into
#     another new venv and imported.
#   - C: scripts/install-c.sh into a fresh prefix; the SONAME and the links;
#     examples/c/banner.c built through pkg-config, shared and static, and run.
#   - Rust: cargo package of the three published crates (with verification);
#     their file lists; the core's public API against its snapshot
#     (scripts/public-api.sh); rustdoc as docs.rs runs it; every locked
#     dependency of the published crates within rust-version.
#   - One version: every artefact carries the workspace version.
# Every step runs even when an earlier one fails; the last line is
# "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

passed=0
failed=0
failures=()
step() { # step NAME COMMAND...
  local name=$1
  shift
  echo "== dist: $name"
  local start=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    echo "   ok ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    failures+=("$name")
    echo "FAILED: $name ($((SECONDS - start)) s)" >&2
  fi
}

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
IFS=. read -r major minor patch <<<"$version"
if [ "$major" = 0 ]; then abi="0.$minor"; else abi="$major"; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=$tmp/dist
PYTHON=${PYTHON:-python3}
# A PATH without the Rust toolchain: the wheel must need none.
norust_path=$(tr ':' '\n' <<<"$PATH" | grep -v -e '\.cargo/bin' -e '\.rustup' | paste -sd: -)
pip_quiet=(--quiet --disable-pip-version-check)

# ---------------------------------------------------------------- Python
build_dist() { ./scripts/build-dist.sh "$out"; }

wheel() { ls "$out"/cookieprefs-"$version"-cp310-abi3-manylinux2014_x86_64*.whl 2>/dev/null; }

wheel_name() {
  local w
  w=$(wheel) || { echo "no cp310-abi3 manylinux2014_x86_64 wheel for $version in $out" >&2; return 1; }
  echo "$(basename "$w")"
}

wheel_venv=$tmp/venv-wheel
install_wheel() {
  local w
  w=$(wheel) || return 1
  "$PYTHON" -m venv "$wheel_venv" &&
    PATH="$wheel_venv/bin:$norust_path" CARGO=/nonexistent RUSTC=/nonexistent \
      "$wheel_venv/bin/python" -m pip install "${pip_quiet[@]}" --only-binary :all: \
      -c bindings/python/requirements-test.txt \
      "$w[django]" pytest pytest-django hypothesis mypy &&
    ! PATH="$wheel_venv/bin:$norust_path" command -v cargo >/dev/null
}

installed_is_used() (
  cd bindings/python &&
    "$wheel_venv/bin/python" - "$wheel_venv" "$version" <<'PY'
import importlib.metadata, pathlib, sys
sys.path.insert(0, ".")  # what pytest's pythonpath adds
import cookieprefs, cookieprefs._native, cookieprefs.django
venv, version = pathlib.Path(sys.argv[1]).resolve(), sys.argv[2]
for m in (cookieprefs, cookieprefs._native, cookieprefs.django):
    where = pathlib.Path(m.__file__).resolve()
    assert venv in where.parents, f"{m.__name__} comes from {where}, not the installed wheel"
assert cookieprefs.__version__ == version, (cookieprefs.__version__, version)
assert importlib.metadata.version("cookieprefs") == version
# The app's files beside the code: templates, catalogues, CSS, the browser module.
app = pathlib.Path(cookieprefs.django.__file__).resolve().parent
for f in ("templates/cookieprefs/banner.html", "locale/fr/LC_MESSAGES/django.mo",
          "static/cookieprefs/cookieprefs.css", "static/cookieprefs/client/cookieprefs_page_bg.wasm",
          "static/cookieprefs/client/page.js",
          "records/migrations/0001_initial.py"):
    assert (app / f).is_file(), f"the wheel has no {f}"
print(f"cookieprefs {cookieprefs.__version__} from {pathlib.Path(cookieprefs._native.__file__).resolve()}")
PY
)

stubtest_installed() (
  cd "$tmp" && "$wheel_venv/bin/python" -m mypy.stubtest cookieprefs._native
)

pytest_installed() (
  cd bindings/python && PATH="$wheel_venv/bin:$norust_path" "$wheel_venv/bin/python" -m pytest -q
)

smoke() { # smoke PYTHON: imports the package and round-trips a value
  "$1" -c '
import cookieprefs, sys
p = cookieprefs.decode("BAADCdcJ1w5Q")
assert p.revision == 3 and p.encode() == "BAADCdcJ1w5Q"
print(f"cookieprefs {cookieprefs.__version__} on Python {sys.version.split()[0]}: ok")'
}

other_pythons() {
  local found=0 py v
  for py in "$(pyenv root 2>/dev/null)"/versions/3.1[0-9]*/bin/python3 /usr/bin/python3.1[0-9]; do
    [ -x "$py" ] || continue
    v=$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    [ "$v" != "$("$wheel_venv/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')" ] || continue
    "$py" -m venv "$tmp/venv-$v" &&
      "$tmp/venv-$v/bin/python" -m pip install "${pip_quiet[@]}" --only-binary :all: "$(wheel)" &&
      smoke "$tmp/venv-$v/bin/python" || return 1
    found=$((found + 1))
  done
  [ $found -gt 0 ] || echo "   (no other CPython >= 3.10 on this machine: SKIPPED)"
}

install_sdist() {
  local venv=$tmp/venv-sdist
  "$PYTHON" -m venv "$venv" &&
    PIP_CONSTRAINT=$root/bindings/python/requirements-dist.txt \
      "$venv/bin/python" -m pip install "${pip_quiet[@]}" "$out/cookieprefs-$version.tar.gz" &&
    smoke "$venv/bin/python"
}

# ---------------------------------------------------------------- C
prefix=$tmp/prefix
install_c() { ./scripts/install-c.sh "$prefix"; }

soname() {
  local lib=$prefix/lib line
  line=$(readelf -d "$lib/libcookieprefs.so.$version" | grep SONAME) || { echo "no SONAME" >&2; return 1; }
  echo "$line"
  grep -qF "[libcookieprefs.so.$abi]" <<<"$line" &&
    [ "$(readlink "$lib/libcookieprefs.so.$abi")" = "libcookieprefs.so.$version" ] &&
    [ "$(readlink "$lib/libcookieprefs.so")" = "libcookieprefs.so.$abi" ] &&
    [ -f "$lib/libcookieprefs.a" ] && [ -f "$prefix/include/cookieprefs.h" ] &&
    (cd "$lib" && ls -l libcookieprefs.*) | awk '{print "   " $9, $10, $11}'
}

run_banner() { # run_banner BINARY
  local got
  got=$("$1" 'sessionid=x; cookies_preferences=BAADCdcJ1w5Q' 2026-11-24) || return 1
  printf '%s\n' "$got"
  grep -qF 'statistics: allowed' <<<"$got"
}

pc_shared() (
  export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
  # shellcheck disable=SC2046
  cc -std=c99 -Wall -Wextra -Wpedantic -Werror examples/c/banner.c \
    $(pkg-config --cflags --libs cookieprefs) -o "$tmp/banner_shared" &&
    readelf -d "$tmp/banner_shared" | grep -F "NEEDED" | grep -F "[libcookieprefs.so.$abi]" &&
    run_banner "$tmp/banner_shared"
)

pc_static() (
  export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
  # shellcheck disable=SC2046
  cc -std=c99 -Wall -Wextra -Wpedantic -Werror examples/c/banner.c $(pkg-config --cflags cookieprefs) \
    "$(pkg-config --variable=libdir cookieprefs)/libcookieprefs.a" \
    $(pkg-config --variable=staticlibs cookieprefs) -o "$tmp/banner_static" &&
    ! readelf -d "$tmp/banner_static" | grep -F libcookieprefs &&
    # The library is gone: the static program must not care.
    mv "$prefix/lib" "$prefix/lib.away" && { run_banner "$tmp/banner_static"; r=$?; mv "$prefix/lib.away" "$prefix/lib"; exit $r; }
)

# ---------------------------------------------------------------- Rust
# The packages are built and verified in a target directory of their own,
# emptied first: verification builds cookieprefs-cli and cookieprefs-ffi
# against the packaged core through a temporary local registry, and cargo
# never rebuilds a registry crate of an unchanged version, nor extracts one
# again while its directory under $CARGO_HOME/registry/src/-<hash of the
# registry's path>/ is there. A checkout tested twice at the same path (as CI
# does, keeping CARGO_HOME) would otherwise verify against an earlier run's
# core. Only local registries' directories start with "-"; crates.io's do not.
package_target=target/dist-package
cargo_package() {
  rm -rf "$package_target" \
    "${CARGO_HOME:-$HOME/.cargo}"/registry/src/-*/cookieprefs-[0-9]* \
    "${CARGO_HOME:-$HOME/.cargo}"/registry/src/-*/cookieprefs-cli-[0-9]* \
    "${CARGO_HOME:-$HOME/.cargo}"/registry/src/-*/cookieprefs-ffi-[0-9]*
  CARGO_TARGET_DIR=$package_target \
    cargo package --locked -p cookieprefs -p cookieprefs-cli -p cookieprefs-ffi 2>&1 |
    grep -E '^ *(Packaged|Verifying|Finished|error|warning)' &&
    [ "${PIPESTATUS[0]}" = 0 ]
}

package_contents() {
  local c f list want
  for c in cookieprefs cookieprefs-cli cookieprefs-ffi; do
    f=$package_target/package/$c-$version.crate
    list=$(tar tzf "$f") || return 1
    for want in README.md LICENSE-MIT LICENSE-APACHE Cargo.lock; do
      grep -qx "$c-$version/$want" <<<"$list" || { echo "$f lacks $want" >&2; return 1; }
    done
    [ "$c" != cookieprefs-ffi ] || grep -qx "$c-$version/include/cookieprefs.h" <<<"$list" ||
      { echo "$f lacks include/cookieprefs.h" >&2; return 1; }
    echo "   $f: $(wc -l <<<"$list") files"
  done
  tar xzf "$package_target/package/cookieprefs-ffi-$version.crate" -O "cookieprefs-ffi-$version/include/cookieprefs.h" | cmp - include/cookieprefs.h
}

docs_rs() {
  RUSTDOCFLAGS="--cfg docsrs -D warnings" CARGO_TARGET_DIR=$root/target/api \
    cargo +nightly doc -q -p cookieprefs --all-features --no-deps --locked
}

msrv_deps() {
  cargo metadata --format-version 1 --locked | python3 scripts/check_msrv.py cookieprefs cookieprefs-cli cookieprefs-ffi
}

# ---------------------------------------------------------------- one version
one_version() {
  local errors=0 got
  check() { # check WHAT GOT
    if [ "$2" = "$version" ]; then echo "   $1: $2"; else echo "   $1: '$2', expected $version" >&2; errors=$((errors + 1)); fi
  }
  for m in crates/cookieprefs crates/cookieprefs-cli crates/cookieprefs-ffi bindings/python; do
    check "$m" "$(cargo metadata --format-version 1 --no-deps --locked | python3 -c "
import json, sys
m = json.load(sys.stdin)
print([p['version'] for p in m['packages'] if p['manifest_path'] == '$root/$m/Cargo.toml'][0])")"
  done
  check "workspace dependency on cookieprefs" "$(sed -n 's/^cookieprefs = {.*version = "\([^"]*\)".*/\1/p' Cargo.toml)"
  check "cookieprefs-ffi's dependency on the core" "$(sed -n 's/^cookieprefs_core = {.*version = "\([^"]*\)".*/\1/p' crates/cookieprefs-ffi/Cargo.toml)"
  check "CLI --version" "$(cargo run -q --locked -p cookieprefs-cli -- --version | sed 's/^cookieprefs //')"
  check "C header macros" "$(awk '/define COOKIEPREFS_VERSION_(MAJOR|MINOR|PATCH)/ {v = v sep $3; sep = "."} END {print v}' include/cookieprefs.h)"
  check "cookieprefs_version() (installed library)" "$(printf '#include <stdio.h>\n#include <cookieprefs.h>\nint main(void) { puts(cookieprefs_version()); return 0; }\n' |
    cc -x c - -I"$prefix/include" -L"$prefix/lib" -Wl,-rpath,"$prefix/lib" -lcookieprefs -o "$tmp/version" && "$tmp/version")"
  check "pkg-config --modversion" "$(PKG_CONFIG_PATH=$prefix/lib/pkgconfig pkg-config --modversion cookieprefs)"
  check "wheel file name" "$(wheel_name | cut -d- -f2)"
  check "sdist file name" "$(basename "$out"/cookieprefs-*.tar.gz .tar.gz | cut -d- -f2)"
  check "installed cookieprefs.__version__" "$("$wheel_venv/bin/python" -c 'import cookieprefs; print(cookieprefs.__version__)')"
  check "public-api.txt baseline" "$(sed -n '1s/^# cookieprefs \([^ ]*\) public API.*/\1/p' crates/cookieprefs/public-api.txt)"
  if grep -q "^## \[$version\] - [0-9]\{4\}-[0-9]\{2\}-[0-9]\{2\}$" CHANGELOG.md; then
    echo "   CHANGELOG.md: ## [$version] section"
  else
    echo "   CHANGELOG.md has no '## [$version] - YYYY-MM-DD' section" >&2
    errors=$((errors + 1))
  fi
  [ $errors -eq 0 ]
}

step "build-dist.sh: sdist, manylinux2014 abi3 wheel, auditwheel show" build_dist
step "the wheel is cp310-abi3 manylinux2014_x86_64" wheel_name
step "pip install WHEEL[django] into a new venv without Rust" install_wheel
step "the tests import the installed wheel, not the source tree" installed_is_used
step "mypy.stubtest against the installed wheel" stubtest_installed
step "pytest against the installed wheel" pytest_installed
step "the same wheel on the other CPythons >= 3.10 here" other_pythons
step "pip install SDIST (built with Rust) into a new venv" install_sdist
step "install-c.sh into a new prefix" install_c
step "SONAME libcookieprefs.so.$abi and links (readelf -d)" soname
step "examples/c/banner.c through pkg-config, shared" pc_shared
step "examples/c/banner.c through pkg-config, static" pc_static
step "cargo package: cookieprefs, cookieprefs-cli, cookieprefs-ffi (verified)" cargo_package
step "the .crate files carry README, licenses, Cargo.lock, the header" package_contents
step "public API of the core against crates/cookieprefs/public-api.txt" ./scripts/public-api.sh
step "rustdoc as docs.rs runs it (nightly, --cfg docsrs, -D warnings)" docs_rs
step "locked dependencies within rust-version" msrv_deps
step "one version ($version) in every artefact" one_version

if ((failed)); then
  printf 'failed: %s\n' "${failures[@]}" >&2
fi
echo "$passed passed, $failed failed"
((failed == 0))
