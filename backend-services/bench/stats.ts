/** What one load round returned: every response time (ms), the failures and the round's length (s). */
export type Sample = { latencies: number[]; errors: number; seconds: number };
export type Summary = { rps: number; p50: number; p95: number; p99: number; requests: number; errors: number };

/** Throughput over all rounds together, percentiles over every request of every round. */
export function summarise(samples: Sample[]): Summary {
  const all = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((n, s) => n + s.seconds, 0);
  return {
    rps: seconds ? all.length / seconds : 0,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    p99: percentile(all, 99),
    requests: all.length,
    errors: samples.reduce((n, s) => n + s.errors, 0),
  };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
