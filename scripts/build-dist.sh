#!/usr/bin/env bash
# Builds the Python release artefacts into OUT (default dist/):
#   cookieprefs-X.Y.Z.tar.gz                                   the sdist (needs Rust to install)
#   cookieprefs-X.Y.Z-cp310-abi3-manylinux2014_x86_64…whl      one wheel for CPython >= 3.10
# The wheel is linked against glibc 2.17 symbols by zig (maturin --zig, the
# ziglang package), so it installs on every x86_64 Linux with glibc >= 2.17
# (RHEL/CentOS 7 on; Debian 11, Ubuntu 20.04, RHEL 8 and later), without
# containers. `auditwheel show` must report it manylinux_2_17 consistent, or
# the script fails. Tools come pinned from bindings/python/requirements-dist.txt
# into .venv-dist.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$(mkdir -p "${1:-dist}" && cd "${1:-dist}" && pwd)

PYTHON=${PYTHON:-python3}
venv=$root/.venv-dist
if [ ! -x "$venv/bin/python" ]; then
  echo "== dist: creating .venv-dist"
  "$PYTHON" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r bindings/python/requirements-dist.txt

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
rm -f "$out"/cookieprefs-"$version".tar.gz "$out"/cookieprefs-"$version"-*.whl

# The browser module of Django's client mode, shipped as static files of the
# wheel (git-ignored, so built here).
echo "== dist: the browser module (scripts/build-js.sh)"
bash scripts/build-js.sh

cd bindings/python
export PATH="$venv/bin:$PATH" VIRTUAL_ENV="$venv"
echo "== dist: sdist"
maturin sdist --out "$out"
echo "== dist: manylinux2014 abi3 wheel (zig)"
maturin build --release --locked --strip --zig --compatibility manylinux2014 \
  --target x86_64-unknown-linux-gnu --out "$out"

wheel=$(ls "$out"/cookieprefs-"$version"-cp310-abi3-*manylinux2014_x86_64*.whl)
echo "== dist: auditwheel show $(basename "$wheel")"
report=$(cd "$out" && auditwheel show "$(basename "$wheel")")
printf '%s\n' "$report"
# auditwheel wraps its lines: join them before looking.
if ! tr '\n' ' ' <<<"$report" | grep -q 'is consistent with the following platform tag: "manylinux_2_17_x86_64"'; then
  echo "build-dist: auditwheel does not report the wheel manylinux_2_17 (manylinux2014) consistent" >&2
  exit 1
fi
echo "== dist: built"
ls -1 "$out"/cookieprefs-"$version"*
