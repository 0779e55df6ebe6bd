//! Links libcandid from a meson build directory or an install prefix
//! (LIBCANDID_DIR), else from pkg-config. No external crates.
use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The directory holding libcandid.a: DIR itself (a build directory) or
/// DIR/lib, DIR/lib64, DIR/lib/<multiarch> (a prefix).
fn archive_dir(dir: &Path) -> Option<PathBuf> {
    let mut cands = vec![dir.to_path_buf(), dir.join("lib"), dir.join("lib64")];
    if let Ok(rd) = std::fs::read_dir(dir.join("lib")) {
        cands.extend(rd.flatten().map(|e| e.path()));
    }
    cands.into_iter().find(|d| d.join("libcandid.a").is_file())
}

fn from_pkg_config() -> bool {
    let out = match Command::new("pkg-config").args(["--static", "--libs", "libcandid"]).output() {
        Ok(o) if o.status.success() => o,
        _ => return false,
    };
    for flag in String::from_utf8_lossy(&out.stdout).split_whitespace() {
        if let Some(p) = flag.strip_prefix("-L") {
            println!("cargo:rustc-link-search=native={p}");
        } else if let Some(l) = flag.strip_prefix("-l") {
            let kind = if l == "candid" { "static" } else { "dylib" };
            println!("cargo:rustc-link-lib={kind}={l}");
        }
    }
    true
}

fn main() {
    println!("cargo:rustc-check-cfg=cfg(libcandid_no_offset_of)");
    println!("cargo:rerun-if-env-changed=LIBCANDID_DIR");
    println!("cargo:rerun-if-env-changed=PKG_CONFIG_PATH");
    if let Ok(dir) = env::var("LIBCANDID_DIR") {
        let dir = PathBuf::from(dir);
        let Some(lib) = archive_dir(&dir) else {
            panic!("LIBCANDID_DIR={}: no libcandid.a there or in its lib/", dir.display());
        };
        println!("cargo:rerun-if-changed={}", lib.join("libcandid.a").display());
        println!("cargo:rustc-link-search=native={}", lib.display());
        println!("cargo:rustc-link-lib=static=candid");
        println!("cargo:rustc-link-lib=dylib=tommath");
        // For crates that compile generated C stubs against our headers.
        let inc = [dir.join("include"), dir.join("../include"), dir.join("../../include")]
            .into_iter()
            .find(|d| d.join("candid/candid.h").is_file());
        if let Some(inc) = inc {
            println!("cargo:include={}", inc.canonicalize().unwrap_or(inc).display());
        }
        println!("cargo:root={}", dir.display());
        return;
    }
    if !from_pkg_config() {
        panic!(
            "libcandid not found: set LIBCANDID_DIR to a meson build directory \
             (e.g. LIBCANDID_DIR=$PWD/build) or an install prefix, or install it \
             where pkg-config finds libcandid"
        );
    }
}
