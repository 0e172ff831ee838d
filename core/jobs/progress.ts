// Progress of a job, per stage, as the app and the CLI show it. Rates are measured since a stage started; the
// renderer smooths them for display.
export const STAGES = ['scan', 'copy', 'decode', 'detect', 'embed', 'match'] as const;
export type Stage = (typeof STAGES)[number];

export interface StageProgress {
  stage: Stage;
  done: number;
  total: number;
  failed: number;
  /** Units per second since the stage started. */
  rate: number;
  /** Seconds left at the current rate; null until there is a rate. */
  etaSeconds: number | null;
}

export interface Failure {
  file: string;
  reason: string;
}

/** The clip whose frames are being sampled: a long one takes minutes, so it shows its own progress. */
export interface ClipProgress {
  file: string;
  /** Frames sampled so far. */
  sampled: number;
  /** Frames the clip's length and the sampling rate promise (an estimate: ffmpeg picks frames by their times). */
  expected: number;
  /** Frames per second since the clip started. */
  rate: number;
  etaSeconds: number | null;
}

export interface ProgressSnapshot {
  jobId: number;
  stages: StageProgress[];
  currentFile: string | null;
  /** Execution provider of the models in use ("cuda", "cpu"), once models are loaded. */
  provider: string | null;
  /** The most recent failures (the full list is in the database). */
  failures: Failure[];
  paused: boolean;
  elapsedMs: number;
  /** The clip being sampled, if any. */
  clip?: ClipProgress | null;
}

const RECENT_FAILURES = 50;
const MIN_INTERVAL_MS = 250;

interface StageState {
  done: number;
  total: number;
  failed: number;
  startedAt: number | null;
}

/** Collects progress and emits snapshots at most a few times a second (and always on flush). */
export class ProgressTracker {
  private readonly stages = new Map<Stage, StageState>();
  private readonly startedAt = Date.now();
  private lastEmit = 0;
  private currentFile: string | null = null;
  private failures: Failure[] = [];
  private clip: { file: string; sampled: number; expected: number; startedAt: number } | null = null;
  provider: string | null = null;
  paused = false;

  constructor(
    readonly jobId: number,
    private readonly emit: (snapshot: ProgressSnapshot) => void,
  ) {}

  private state(stage: Stage): StageState {
    let s = this.stages.get(stage);
    if (!s) this.stages.set(stage, (s = { done: 0, total: 0, failed: 0, startedAt: null }));
    return s;
  }

  setTotal(stage: Stage, total: number): void {
    this.state(stage).total = total;
    this.maybeEmit();
  }

  addTotal(stage: Stage, more: number): void {
    this.state(stage).total += more;
  }

  advance(stage: Stage, count = 1, file: string | null = null): void {
    const s = this.state(stage);
    s.startedAt ??= Date.now();
    s.done += count;
    if (file) this.currentFile = file;
    this.maybeEmit();
  }

  fail(stage: Stage, failure: Failure): void {
    const s = this.state(stage);
    s.startedAt ??= Date.now();
    s.done++;
    s.failed++;
    this.failures.push(failure);
    if (this.failures.length > RECENT_FAILURES) this.failures = this.failures.slice(-RECENT_FAILURES);
    this.maybeEmit();
  }

  /** Starts (sampled 0) or advances the clip being sampled; `clipDone` ends it. */
  clipSampled(file: string, sampled: number, expected: number): void {
    if (this.clip?.file !== file || sampled === 0) this.clip = { file, sampled, expected, startedAt: Date.now() };
    else Object.assign(this.clip, { sampled, expected });
    this.currentFile = file;
    this.maybeEmit();
  }

  clipDone(): void {
    this.clip = null;
  }

  private clipSnapshot(now: number): ClipProgress | null {
    if (!this.clip) return null;
    const { file, sampled, startedAt } = this.clip;
    // The estimate may fall short by a frame or two; the count never shows more done than expected.
    const expected = Math.max(this.clip.expected, sampled);
    const seconds = (now - startedAt) / 1000;
    const rate = seconds > 0 ? sampled / seconds : 0;
    return { file, sampled, expected, rate, etaSeconds: rate > 0 ? (expected - sampled) / rate : null };
  }

  snapshot(): ProgressSnapshot {
    const now = Date.now();
    const stages = STAGES.filter((st) => this.stages.has(st)).map((stage) => {
      const s = this.stages.get(stage)!;
      const seconds = s.startedAt === null ? 0 : (now - s.startedAt) / 1000;
      const rate = seconds > 0 ? s.done / seconds : 0;
      const left = Math.max(0, s.total - s.done);
      return { stage, done: s.done, total: s.total, failed: s.failed, rate, etaSeconds: rate > 0 ? left / rate : null };
    });
    return {
      jobId: this.jobId,
      stages,
      currentFile: this.currentFile,
      provider: this.provider,
      failures: [...this.failures],
      paused: this.paused,
      elapsedMs: now - this.startedAt,
      clip: this.clipSnapshot(now),
    };
  }

  maybeEmit(): void {
    const now = Date.now();
    if (now - this.lastEmit < MIN_INTERVAL_MS) return;
    this.flush();
  }

  flush(): void {
    this.lastEmit = Date.now();
    this.emit(this.snapshot());
  }
}
