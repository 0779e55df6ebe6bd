//! Generates Rust and C bindings for the .did files below with the `candid`
//! tool of the meson build in LIBCANDID_DIR, compiles the C stubs and the
//! layout assertions of every one (cc -Werror) into one archive, and lists
//! the Rust modules for src/lib.rs. The corpus (../shared/did-corpus, or
//! CANDID_CORPUS) is included when present, with nat and int both as u64/i64
//! and as bignums.
use std::env;
use std::fs;
use std::path::PathBuf;
use std::process::Command;

fn run(cmd: &mut Command) {
    let st = cmd.status().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(st.success(), "{cmd:?} failed");
}

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("../..").canonicalize().unwrap();
    let build = PathBuf::from(env::var("LIBCANDID_DIR").expect("LIBCANDID_DIR: the meson build directory"));
    let candid = build.join("tools/candid/candid");
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    println!("cargo:rerun-if-env-changed=CANDID_CORPUS");
    println!("cargo:rerun-if-changed={}", candid.display());

    // (module name, .did, extra bind options)
    let mut dids: Vec<(String, PathBuf, Vec<&str>)> = vec![
        ("icrc1".into(), root.join("examples/icrc1/icrc1.did"), vec![]),
        ("ledger".into(), root.join("examples/ledger/ledger.did"), vec!["--server"]),
        ("sibling".into(), root.join("examples/ledger/sibling.did"), vec![]),
        ("interop".into(), root.join("tests/rust/interop/interop.did"), vec!["--nat", "big"]),
        ("keywords".into(), root.join("tests/rust/keywords.did"), vec![]),
    ];
    for g in ["recursion", "names", "prims", "refs", "tuples", "variants", "oneway", "types_only"] {
        dids.push((format!("golden_{g}"), root.join(format!("tests/bind/golden/{g}.did")), vec![]));
    }
    let corpus = env::var("CANDID_CORPUS").map(PathBuf::from).unwrap_or_else(|_| root.join("../shared/did-corpus"));
    let mut ncorpus = 0;
    if let Ok(rd) = fs::read_dir(&corpus) {
        let mut files: Vec<PathBuf> = rd.flatten().map(|e| e.path()).filter(|p| p.extension().map_or(false, |e| e == "did")).collect();
        files.sort();
        for f in files {
            let stem: String = f.file_stem().unwrap().to_string_lossy().chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
            dids.push((format!("corpus_{stem}"), f.clone(), vec![]));
            dids.push((format!("corpus_big_{stem}"), f, vec!["--nat", "big"]));
            ncorpus += 1;
        }
    }
    println!("cargo:rustc-env=CORPUS_FILES={ncorpus}");

    let mut mods = String::new();
    let mut objs = Vec::new();
    for (name, did, opts) in &dids {
        println!("cargo:rerun-if-changed={}", did.display());
        for target in ["c", "rust"] {
            run(Command::new(&candid).args(["bind", "--target", target, "-o"]).arg(&out)
                .args(["--name", name]).args(opts).arg(did));
        }
        for src in [format!("{name}.c"), format!("{name}_layout.c")] {
            let obj = out.join(format!("{src}.o"));
            run(Command::new(env::var("CC").unwrap_or_else(|_| "cc".into()))
                .args(["-std=c11", "-O1", "-Wall", "-Wextra", "-Werror", "-fPIC", "-c", "-I"])
                .arg(root.join("include")).arg("-I").arg(&out).arg(out.join(&src)).arg("-o").arg(&obj));
            objs.push(obj);
        }
        mods += &format!("#[macro_use]\n#[path = {:?}]\npub mod {name};\n", out.join(format!("{name}.rs")));
    }
    // The host harness of tests/canister.rs (the Rust ledger, a C sibling).
    let obj = out.join("host.o");
    run(Command::new(env::var("CC").unwrap_or_else(|_| "cc".into()))
        .args(["-std=c11", "-O1", "-Wall", "-Wextra", "-Werror", "-fPIC", "-c", "-I"])
        .arg(root.join("include")).arg("-I").arg(&out).arg(root.join("tests/rust/host.c")).arg("-o").arg(&obj));
    objs.push(obj);
    println!("cargo:rerun-if-changed={}", root.join("tests/rust/host.c").display());
    let lib = out.join("libbindings.a");
    let _ = fs::remove_file(&lib);
    run(Command::new("ar").arg("crs").arg(&lib).args(&objs));
    fs::write(out.join("modules.rs"), mods).unwrap();
    println!("cargo:rustc-link-search=native={}", out.display());
    println!("cargo:rustc-link-lib=static=bindings");
}
