//! Gives libcookieprefs.so its SONAME: `libcookieprefs.so.<ABI major>`, where
//! the ABI major is the semver-compatibility part of the version (`0.<minor>`
//! before 1.0, then `<major>`), the same name `cargo cinstall` gives it.
//! docs/C_API.md ("ABI versions") states the rule; scripts/install-c.sh
//! installs the library under that name and checks it.

use std::env;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    // ELF targets whose linkers take -soname; Mach-O (install_name) and PE
    // have no SONAME.
    let elf = matches!(
        os.as_str(),
        "linux" | "android" | "freebsd" | "netbsd" | "openbsd" | "dragonfly"
    );
    if !elf {
        return;
    }
    let major = env::var("CARGO_PKG_VERSION_MAJOR").expect("set by cargo");
    let minor = env::var("CARGO_PKG_VERSION_MINOR").expect("set by cargo");
    let abi_major = if major == "0" { format!("0.{minor}") } else { major };
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libcookieprefs.so.{abi_major}");
}
