// Placeholder: the benchmark suite is written by the performance work (BENCHMARKS.md).
fn main() {}
