/** Small statistics for the report. */

/**
 * The q-quantile (nearest rank) of `values` plus `missed` values that never arrived, counted as
 * infinitely late: a p99 over 200 calls with three missed is Infinity, not the p99 of the rest.
 */
export function quantile(values: readonly number[], q: number, missed = 0): number {
  const n = values.length + missed;
  if (n === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * n));
  return sorted[rank - 1] ?? Number.POSITIVE_INFINITY;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[half] ?? Number.NaN)
    : ((sorted[half - 1] ?? Number.NaN) + (sorted[half] ?? Number.NaN)) / 2;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Least-squares line through (x, y). */
export function linearFit(points: readonly { x: number; y: number }[]): {
  slope: number;
  intercept: number;
} {
  const mx = mean(points.map((p) => p.x));
  const my = mean(points.map((p) => p.y));
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  const slope = sxx === 0 ? Number.NaN : sxy / sxx;
  return { slope, intercept: my - slope * mx };
}
