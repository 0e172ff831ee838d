// Progress smoothing for the dashboard. The engine reports cumulative counts; rates measured between two snapshots
// jump around (batching, model warm-up, a slow card), so the displayed rate is an exponential moving average with a
// time constant, and the ETA shown never jumps up and down by seconds on every tick.

export interface RateState {
  /** Last sample seen. */
  done: number;
  at: number;
  /** Smoothed units per second; null until two samples exist. */
  rate: number | null;
  /** Smoothed seconds left; null until there is a rate. */
  eta: number | null;
}

/** Seconds over which older rate samples fade (to 1/e). */
export const RATE_TIME_CONSTANT_S = 10;

/**
 * The first state of a stage. `workerRate` is the worker's own count per second since the stage started: after a
 * reload the page joins a job midway, and that average is a far better start than the first few noisy samples.
 */
export function initialRate(done: number, at: number, workerRate: number | null = null): RateState {
  return { done, at, rate: workerRate !== null && workerRate > 0 ? workerRate : null, eta: null };
}

/** A stage's ETA is shown only after this much of its work, by the worker's counters (model loading, first batch). */
export const WARMUP_SECONDS = 5;
export const WARMUP_UNITS = 5;

/** Whether a stage has run long enough, by the worker's counters (done and rate since it started), for an ETA. */
export function warmedUp(done: number, workerRate: number): boolean {
  return workerRate > 0 && done >= WARMUP_UNITS && done / workerRate >= WARMUP_SECONDS;
}

/**
 * Folds a new cumulative sample (units done, total, time in ms) into the state. Samples closer than 50 ms apart are
 * merged into the next one; a count going backwards (a new job) restarts the estimate.
 */
export function updateRate(prev: RateState, done: number, total: number, at: number): RateState {
  if (done < prev.done) return initialRate(done, at);
  const dt = (at - prev.at) / 1000;
  if (dt < 0.05) return prev;
  const instant = (done - prev.done) / dt;
  const alpha = 1 - Math.exp(-dt / RATE_TIME_CONSTANT_S);
  const rate = prev.rate === null ? instant : prev.rate + alpha * (instant - prev.rate);
  const left = Math.max(0, total - done);
  const rawEta = rate > 0 ? left / rate : null;
  return { done, at, rate, eta: smoothEta(prev.eta, rawEta, dt, left) };
}

/**
 * The displayed ETA counts down with the clock and is pulled towards the fresh estimate, so it moves smoothly rather
 * than jittering; it snaps when the estimate is new, the work is finished, or the two disagree by more than half.
 */
export function smoothEta(previous: number | null, estimate: number | null, dt: number, left: number): number | null {
  if (left === 0) return 0;
  if (estimate === null) return null;
  if (previous === null) return estimate;
  const counted = Math.max(0, previous - dt);
  if (Math.abs(counted - estimate) > estimate * 0.5) return estimate;
  const alpha = 1 - Math.exp(-dt / RATE_TIME_CONSTANT_S);
  return counted + alpha * (estimate - counted);
}

/** "2 h 05 min", "4 min 10 s", "12 s", "< 1 s": the precision a person wants for each range. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  if (seconds > 0 && seconds < 0.5) return '< 1 s';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  const h = Math.floor(m / 60);
  return `${h} h ${String(m % 60).padStart(2, '0')} min`;
}

export function formatRate(rate: number | null, unit = 'photos'): string {
  if (rate === null) return '—';
  if (rate >= 10) return `${Math.round(rate)} ${unit}/s`;
  if (rate >= 1) return `${rate.toFixed(1)} ${unit}/s`;
  if (rate > 0) return `${Math.round(rate * 60)} ${unit}/min`;
  return `0 ${unit}/s`;
}
