// Chart helpers: a "nice" axis maximum and day series binned so a chart never draws more bars than it has pixels for.

const NICE_STEPS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The smallest round number (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 x 10^n) at or above `max`, at least 1. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const exp = 10 ** Math.floor(Math.log10(max));
  for (const step of NICE_STEPS) if (step * exp >= max) return step * exp;
  return 10 * exp;
}

export interface DayCount {
  day: string;
  detections: number;
}

export interface Bin {
  /** First day of the bin. */
  start: string;
  end: string;
  value: number;
}

const DAY_MS = 86_400_000;
const dayIndex = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
const dayString = (index: number) => new Date(index * DAY_MS).toISOString().slice(0, 10);

/**
 * Spreads sparse per-day counts over a continuous range (missing days are zeros: a quiet week is information) and
 * groups days into equal bins so there are at most `maxBins`.
 */
export function binDays(days: DayCount[], maxBins: number): Bin[] {
  if (days.length === 0) return [];
  const indexes = days.map((d) => dayIndex(d.day));
  const first = Math.min(...indexes);
  const last = Math.max(...indexes);
  const span = last - first + 1;
  const width = Math.max(1, Math.ceil(span / Math.max(1, maxBins)));
  const bins: Bin[] = [];
  for (let start = first; start <= last; start += width) {
    bins.push({ start: dayString(start), end: dayString(Math.min(last, start + width - 1)), value: 0 });
  }
  days.forEach((d, i) => {
    bins[Math.floor((indexes[i]! - first) / width)]!.value += d.detections;
  });
  return bins;
}
