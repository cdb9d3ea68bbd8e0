/** Sample count and spread of a set of durations, in milliseconds. */
export interface DurationSummary {
  n: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/**
 * Summarises durations with nearest-rank percentiles: p99 of 400 samples is the 396th smallest
 * value, so with few samples it sits close to the maximum. Returns zeros for no samples.
 */
export function summarizeDurations(durationsMs: readonly number[]): DurationSummary {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  if (sorted.length === 0) {
    return { n: 0, p50: 0, p99: 0, max: 0, mean: 0 };
  }
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    n: sorted.length,
    p50: nearestRank(sorted, 50),
    p99: nearestRank(sorted, 99),
    max: sorted[sorted.length - 1] ?? 0,
    mean: total / sorted.length,
  };
}

function nearestRank(sorted: readonly number[], percentile: number): number {
  const rank = Math.ceil((percentile / 100) * sorted.length);
  return sorted[Math.max(rank, 1) - 1] ?? 0;
}
