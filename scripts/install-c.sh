#!/usr/bin/env bash
# Installs libcookieprefs for C/C++ users under PREFIX (default /usr/local),
# with the names and files `cargo cinstall` would give it:
#   LIBDIR/libcookieprefs.so.X.Y.Z          the shared library, SONAME libcookieprefs.so.ABI
#   LIBDIR/libcookieprefs.so.ABI -> …X.Y.Z  (what programs load at run time)
#   LIBDIR/libcookieprefs.so     -> …ABI    (what -lcookieprefs finds at link time)
#   LIBDIR/libcookieprefs.a                 the static library
#   LIBDIR/pkgconfig/cookieprefs.pc
#   PREFIX/include/cookieprefs.h
# ABI is the ABI major: 0.Y while the version is 0.Y.Z, X from 1.0.0 on
# (docs/C_API.md, "ABI versions"). LIBDIR defaults to PREFIX/lib; DESTDIR
# stages the install (the .pc file still names PREFIX), as for make install.
# Then:
#   cc app.c $(pkg-config --cflags --libs cookieprefs)            # shared
#   cc app.c $(pkg-config --cflags cookieprefs) \
#      "$(pkg-config --variable=libdir cookieprefs)/libcookieprefs.a" \
#      $(pkg-config --variable=staticlibs cookieprefs)                # static
# (with PKG_CONFIG_PATH=LIBDIR/pkgconfig for a non-standard prefix).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-/usr/local}
libdir=${LIBDIR:-$prefix/lib}
pc_libdir=${LIBDIR:-\$\{prefix\}/lib}
dest=${DESTDIR:-}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
IFS=. read -r major minor _ <<<"$version"
if [ "$major" = 0 ]; then abi="0.$minor"; else abi="$major"; fi
soname="libcookieprefs.so.$abi"

cargo build --release --locked -q -p cookieprefs-ffi
built=$(readelf -d target/release/libcookieprefs.so | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
if [ "$built" != "$soname" ]; then
  echo "install-c: target/release/libcookieprefs.so has SONAME '$built', expected '$soname'" >&2
  exit 1
fi

install -d "$dest$libdir/pkgconfig" "$dest$prefix/include"
install -m 644 target/release/libcookieprefs.a "$dest$libdir/"
install -m 755 target/release/libcookieprefs.so "$dest$libdir/libcookieprefs.so.$version"
ln -sfn "libcookieprefs.so.$version" "$dest$libdir/$soname"
ln -sfn "$soname" "$dest$libdir/libcookieprefs.so"
install -m 644 include/cookieprefs.h "$dest$prefix/include/"

# Outside the system's library directories, programs find the library
# through an rpath (distributions want none for /usr).
rpath=""
case "$libdir" in
  /usr/lib | /usr/lib64 | /usr/lib/* | /lib | /lib64 | /lib/*) ;;
  *) rpath=" -Wl,-rpath,\${libdir}" ;;
esac
# The system libraries the static library needs (rustc's
# --print native-static-libs, less those every C compiler links anyway).
staticlibs="-lgcc_s -lutil -lrt -lpthread -lm -ldl"
cat >"$dest$libdir/pkgconfig/cookieprefs.pc" <<PC
prefix=$prefix
libdir=$pc_libdir
includedir=\${prefix}/include
staticlibs=$staticlibs

Name: cookieprefs
Description: Read and write cookies_preferences consent cookies
Version: $version
Cflags: -I\${includedir}
Libs: -L\${libdir}$rpath -lcookieprefs
Libs.private: $staticlibs
PC
echo "installed cookieprefs $version ($soname) under $dest$prefix"
