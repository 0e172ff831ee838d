// Messages between the host (Electron main, serve process) and a worker process. One job per worker process: the
// host starts a worker, sends `start`, and the worker answers with progress until `done` or `error`, then exits.
import type { ImportOptionsInput } from '../contract/entities';
import type { Failure, ProgressSnapshot } from './progress';

/** The import options as the contract defines them (`import.start`). */
export type ImportJobOptions = ImportOptionsInput;

/** 'import': import the sources, then process; 'process': process what is waiting (after a change of models). */
export type JobKind = 'import' | 'process';

export interface ImportJobSpec {
  kind: JobKind;
  libraryRoot: string;
  options: ImportJobOptions;
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
  | { type: 'error'; message: string; cancelled: boolean };
