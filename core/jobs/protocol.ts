// Messages between the host (Electron main, serve process, CLI) and a worker process. One job per worker process:
// the host starts a worker, sends `start`, and the worker answers with progress until `done` or `error`, then exits.
// A short task (tasks.ts: a model's inspection or test run) is sent as `task` instead and answered the same way.
import type { ImportOptionsInput } from '../contract/entities';
import type { Failure, ProgressSnapshot } from './progress';
import type { TaskErrorKind, WorkerTask } from './tasks';

/** The import options as the contract defines them (`import.start`). */
export type ImportJobOptions = ImportOptionsInput;

/** 'import': import the sources, then process; 'process': process what is waiting (after a change of models). */
export type JobKind = 'import' | 'process';

/** How processing runs: the CLI's --models, --provider, --threads and --retry-failed; the defaults otherwise. */
export interface ProcessingOptions {
  /** Models folder; THUMPER_MODELS_DIR or the user's data folder otherwise. */
  models?: string | null;
  provider?: 'auto' | 'cuda' | 'cpu';
  threads?: number;
  retryFailed?: boolean;
}

export interface ImportJobSpec {
  kind: JobKind;
  libraryRoot: string;
  options: ImportJobOptions;
  processing?: ProcessingOptions;
}

/** A photo of the library that crashed the worker when processed alone. */
export interface PhotoFailure {
  imageId: number;
  file: string;
  reason: string;
}

/** What the supervisor learned from earlier crashes of the same job. */
export interface Recovery {
  /** Files that crashed the worker when read alone: recorded as failed, never read again. */
  poisoned: Failure[];
  /** Files in flight during a crash: read one at a time first, so a crash can be pinned on one of them. */
  isolate: string[];
  /** The import pass finished in an earlier worker: only processing is left. */
  imported: ImportPassResult | null;
  /** The same for processing, per photo: poisoned ones are marked failed, suspects are processed one at a time. */
  photos: { poisoned: PhotoFailure[]; isolate: number[] };
}

export type HostMessage =
  | { type: 'start'; jobId: number; spec: ImportJobSpec; recovery: Recovery; paused: boolean }
  | { type: 'task'; task: WorkerTask }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'cancel' };

export interface ImportPassResult {
  /** Photos the final pass found (poisoned files excluded). */
  scanned: number;
  videos: number;
  failures: Failure[];
}

export interface WorkerJobResult extends ImportPassResult {
  /** Failures of the processing pass (photos that could not be decoded or detected). */
  processingFailures: Failure[];
}

export type WorkerMessage =
  | { type: 'progress'; snapshot: ProgressSnapshot }
  | { type: 'file'; file: string; phase: 'start' | 'end'; isolated: boolean }
  | { type: 'photo'; imageId: number; file: string; phase: 'start' | 'end'; isolated: boolean }
  | { type: 'imported'; result: ImportPassResult }
  | { type: 'done'; result: WorkerJobResult }
  | { type: 'error'; message: string; cancelled: boolean }
  | { type: 'taskDone'; result: unknown }
  | { type: 'taskFailed'; message: string; kind: TaskErrorKind };
