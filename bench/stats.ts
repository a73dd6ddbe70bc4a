// Timing helpers the benches share: per-call latency percentiles after a warm-up, and rounding for print.

/** Timed calls per function: enough that one garbage-collection pause does not make the p99. */
const SAMPLES = 20_000;

/** The value below which `fraction` of the (ascending) samples lie; 0 for no samples. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

/** Times every call separately after a warm-up pass; returns p50 and p99 in ms. */
export function latency(inputs: readonly string[], call: (input: string) => unknown): { p50: number; p99: number } {
  const rounds = Math.max(5, Math.ceil(SAMPLES / inputs.length));
  // Warm up the JIT first: a bot answers for hours, so steady-state figures are the ones that count.
  for (let round = 0; round < rounds; round++) for (const input of inputs) call(input);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const input of inputs) {
      const start = performance.now();
      call(input);
      samples.push(performance.now() - start);
    }
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99) };
}

/** `n` rounded to `digits` decimal places, for printing. */
export function round(n: number, digits: number): number {
  return Math.round(n * 10 ** digits) / 10 ** digits;
}
