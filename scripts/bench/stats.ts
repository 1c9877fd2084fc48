/** Nearest-rank percentile (p in 0..100) of unsorted samples; NaN for none. */
function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export const median = (samples: number[]): number => percentile(samples, 50);

export interface Summary {
  count: number;
  median: number;
  p99: number;
  max: number;
}

export function summarize(samples: number[]): Summary {
  return { count: samples.length, median: median(samples), p99: percentile(samples, 99), max: percentile(samples, 100) };
}

export const ms = (value: number): string => (Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(2) : value.toFixed(1));
