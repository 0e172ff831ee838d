// The running job as the dashboard and the sidebar show it: the latest progress snapshot, per-stage smoothed
// rates/ETAs, and the last finished job's summary. Fed by job.* events (wired once in app/events.ts).
import { create } from 'zustand';
import type { EventPayload } from '../../../core/contract/events';
import type { ProgressSnapshotData } from '../../../core/contract/entities';
import { initialRate, updateRate, type RateState } from '../lib/eta';

export type Stage = ProgressSnapshotData['stages'][number]['stage'];
export type Finished = EventPayload<'job.finished'>;

export interface JobsState {
  progress: ProgressSnapshotData | null;
  rates: Partial<Record<Stage, RateState>>;
  lastFinished: Finished | null;
  workerRestarts: EventPayload<'job.workerRestarted'>[];
  onProgress: (snapshot: ProgressSnapshotData, now?: number) => void;
  onFinished: (finished: Finished) => void;
  onWorkerRestarted: (e: EventPayload<'job.workerRestarted'>) => void;
}

/** Folds a snapshot into the per-stage smoothing; a new job id starts afresh. */
export function nextRates(
  previous: Partial<Record<Stage, RateState>>,
  prevJobId: number | null,
  snapshot: ProgressSnapshotData,
  now: number,
): Partial<Record<Stage, RateState>> {
  const base = prevJobId === snapshot.jobId ? previous : {};
  const out: Partial<Record<Stage, RateState>> = {};
  for (const s of snapshot.stages) {
    const prev = base[s.stage];
    out[s.stage] = prev ? updateRate(prev, s.done, s.total, now) : initialRate(s.done, now, s.rate);
  }
  return out;
}

export const useJobs = create<JobsState>((set, get) => ({
  progress: null,
  rates: {},
  lastFinished: null,
  workerRestarts: [],
  onProgress: (snapshot, now = Date.now()) => {
    const { progress, rates } = get();
    set({ progress: snapshot, rates: nextRates(rates, progress?.jobId ?? null, snapshot, now) });
  },
  onFinished: (finished) => set({ progress: null, rates: {}, lastFinished: finished, workerRestarts: [] }),
  onWorkerRestarted: (e) => set({ workerRestarts: [...get().workerRestarts, e].slice(-20) }),
}));

/**
 * The stage to show in one line: the furthest one that has started (stages overlap, and the last started is where
 * the job really is; the scan stage has no total).
 */
export function activeStage(snapshot: ProgressSnapshotData): ProgressSnapshotData['stages'][number] | null {
  return [...snapshot.stages].reverse().find((s) => s.done > 0 || s.total > 0) ?? snapshot.stages.at(-1) ?? null;
}
