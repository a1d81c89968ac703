// Confidence intervals by a participant-level bootstrap: participants are resampled with
// replacement (their attempts move with them, since one person's tasks are not independent),
// and the statistic is recomputed on each sample. Seeded, so a report is reproducible.
import { rng } from './random.js';

export interface Interval {
  low: number;
  high: number;
}

/**
 * 95% percentile interval of `stat` over `samples` resamples of `units`; null when there are
 * fewer than two units or the statistic is undefined on most samples.
 */
export function bootstrapInterval<T>(units: readonly T[], stat: (sample: readonly T[]) => number | null, samples: number, seed: number): Interval | null {
  if (units.length < 2) return null;
  const random = rng(seed);
  const values: number[] = [];
  const sample: T[] = new Array(units.length);
  for (let b = 0; b < samples; b++) {
    for (let i = 0; i < units.length; i++) sample[i] = units[Math.floor(random() * units.length)]!;
    const v = stat(sample);
    if (v !== null && Number.isFinite(v)) values.push(v);
  }
  if (values.length < samples / 2) return null;
  values.sort((a, b) => a - b);
  const at = (q: number) => values[Math.min(values.length - 1, Math.max(0, Math.round(q * (values.length - 1))))]!;
  return { low: at(0.025), high: at(0.975) };
}
