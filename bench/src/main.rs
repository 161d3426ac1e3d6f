//! `rumbo-bench`: measures a release build of Rumbo over HTTP on 127.0.0.1 (see BENCHMARKS.md).

fn main() {
    eprintln!("rumbo-bench: not built yet");
    std::process::exit(2);
}
