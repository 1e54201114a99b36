#!/usr/bin/env bash
# Installs libcookieprefs for C/C++ users under PREFIX (default /usr/local):
#   PREFIX/lib/libcookieprefs.{a,so}, PREFIX/include/cookieprefs.h,
#   PREFIX/lib/pkgconfig/cookieprefs.pc
# then: cc app.c $(pkg-config --cflags --libs cookieprefs)
# (with PKG_CONFIG_PATH=PREFIX/lib/pkgconfig for a non-standard prefix).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-/usr/local}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)

cargo build --release --locked -q -p cookieprefs-ffi
install -d "$prefix/lib/pkgconfig" "$prefix/include"
install -m 644 target/release/libcookieprefs.a "$prefix/lib/"
install -m 755 target/release/libcookieprefs.so "$prefix/lib/"
install -m 644 include/cookieprefs.h "$prefix/include/"
cat >"$prefix/lib/pkgconfig/cookieprefs.pc" <<PC
prefix=$prefix
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: cookieprefs
Description: Read and write cookies_preferences consent cookies
Version: $version
Cflags: -I\${includedir}
Libs: -L\${libdir} -Wl,-rpath,\${libdir} -lcookieprefs
Libs.private: -lpthread -ldl -lm
PC
echo "installed cookieprefs $version under $prefix"
