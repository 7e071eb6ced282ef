//! Writes the facts file the app is compiled with: `public/data/facts.csv`
//! without its excerpts (see `src/core/data/excerpts.rs`), and the full
//! file's size and last bytes, with which the app tells whether the served
//! file is the one it was built from.

use std::path::Path;

#[allow(dead_code)]
#[path = "src/core/data/csv_text.rs"]
mod csv_text;
#[allow(dead_code)]
#[path = "src/core/data/excerpts.rs"]
mod excerpts;

const FACTS: &str = "public/data/facts.csv";

fn main() {
    for input in [
        FACTS,
        "src/core/data/csv_text.rs",
        "src/core/data/excerpts.rs",
    ] {
        println!("cargo:rerun-if-changed={input}");
    }
    let file = std::fs::read_to_string(FACTS).expect("public/data/facts.csv is readable");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(out.join(name), bytes).expect("OUT_DIR is writable");
    };
    write(
        "facts-without-excerpts.csv",
        excerpts::without_excerpts(&file).as_bytes(),
    );
    let tail = &file.as_bytes()[file.len().saturating_sub(excerpts::TAIL_BYTES)..];
    write("facts-tail.bin", tail);
    write("facts-len.rs", file.len().to_string().as_bytes());
}
