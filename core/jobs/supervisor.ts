// Runs jobs in a worker process and keeps them going: if the worker dies, the supervisor says so, starts a new one
// and the job continues where it stopped (import is idempotent: photos already recorded are recognised by hash).
// Crashes are pinned on files: the files in flight when a worker died are read again one at a time, and a file that
// kills the worker twice when read alone is recorded as failed instead of being retried forever. Once is not enough:
// the worker may have been killed from outside (a user, the OOM killer) while a healthy file was being read. Processing
// is pinned the same way on photos (processImages' onPhoto): a photo that crashes the worker twice when processed
// alone is marked failed with the reason, and the job goes on with the others.
// Short model tasks (tasks.ts) run beside the job, each in a worker of its own: a model that crashes onnxruntime
// fails its task with the reason, and the host keeps answering.
import { removeDeadTemp } from '../library/deadTemp';
import type { Library } from '../library/library';
import { trackWriterWorker } from '../library/writerLock';
import { importedSince, nextImportId, processedAmong, type ImportedCounts } from '../queries/jobSummary';
import type { Launcher, WorkerExit, WorkerHandle } from './launcher';
import type { TaskKind, TaskResult, WorkerTask } from './tasks';
import { runWorkerTask } from './workerTask';
import type { Failure, ProgressSnapshot } from './progress';
import type {
  ImportJobOptions,
  ImportPassResult,
  JobKind,
  PhotoFailure,
  ProcessingOptions,
  WorkerJobResult,
  WorkerMessage,
} from './protocol';

export interface JobSummary {
  importIds: number[];
  imported: number;
  processed: number;
  duplicates: number;
  failed: number;
  videos: number;
  elapsedMs: number;
  failures: Failure[];
}

export interface JobFinished {
  jobId: number;
  status: 'done' | 'cancelled' | 'failed';
  summary: JobSummary;
  error: string | null;
}

export interface JobInfo {
  jobId: number;
  kind: JobKind;
  state: 'running' | 'paused';
  options: ImportJobOptions;
  restarts: number;
  progress: ProgressSnapshot | null;
}

export interface SupervisorEvents {
  progress: ProgressSnapshot;
  finished: JobFinished;
  workerRestarted: { jobId: number; restarts: number; reason: string };
}

export interface SupervisorOptions {
  launcher: Launcher;
  /** The host's own connection to the library the jobs write into (summaries are counted there). */
  library: Library;
  /** Consecutive crashes with no file finished in between before the job is given up. */
  maxCrashesWithoutProgress?: number;
  /** Restarts in all before the job is given up, whatever the progress (a bound on any crash loop). */
  maxRestarts?: number;
  /** How long a cancelled worker may take to stop before it is killed. */
  cancelGraceMs?: number;
  /** Longest a model task may run before its worker is killed. */
  taskTimeoutMs?: number;
}

export class JobConflictError extends Error {}

/** Crashes of the worker while a file or photo was read alone before it is blamed (see the header). */
const CRASHES_ALONE_TO_BLAME = 2;

interface Job {
  info: JobInfo;
  processing: ProcessingOptions;
  firstImportId: number;
  startedAt: number;
  worker: WorkerHandle | null;
  /** File -> whether it was being read alone. */
  inFlight: Map<string, boolean>;
  isolate: Set<string>;
  poisoned: Failure[];
  /** The same per photo during processing: id -> file and whether it was processed alone. */
  photosInFlight: Map<number, { file: string; isolated: boolean }>;
  isolatePhotos: Set<number>;
  poisonedPhotos: PhotoFailure[];
  /** Crashes while each file or photo was read or processed alone. */
  crashedAlone: Map<string, number>;
  photoCrashedAlone: Map<number, number>;
  /** Every photo a worker of this job started processing: what a 'process' job's summary counts. */
  photosStarted: Set<number>;
  progressed: boolean;
  /** Photos of this job past detection at the last crash: processing that gets no further is not progress. */
  processedAtCrash: number;
  imported: ImportPassResult | null;
  crashesWithoutProgress: number;
  cancelRequested: boolean;
  ended: boolean;
}

type Listener<K extends keyof SupervisorEvents> = (payload: SupervisorEvents[K]) => void;

export class Supervisor {
  private job: Job | null = null;
  private nextJobId = 1;
  private readonly listeners: { [K in keyof SupervisorEvents]: Set<Listener<K>> } = {
    progress: new Set(),
    finished: new Set(),
    workerRestarted: new Set(),
  };

  /** Aborted by dispose(): kills the workers of running tasks. */
  private readonly tasks = new AbortController();

  constructor(private readonly options: SupervisorOptions) {}

  /** Runs a short model task in a worker of its own, beside any job (a test run while an import runs is fine). */
  runTask<K extends TaskKind>(task: WorkerTask<K>): Promise<TaskResult<K>> {
    return runWorkerTask(this.options.launcher, task, {
      timeoutMs: this.options.taskTimeoutMs,
      signal: this.tasks.signal,
    });
  }

  on<K extends keyof SupervisorEvents>(event: K, listener: Listener<K>): () => void {
    const set = this.listeners[event] as Set<Listener<K>>;
    set.add(listener);
    return () => set.delete(listener);
  }

  private emit<K extends keyof SupervisorEvents>(event: K, payload: SupervisorEvents[K]): void {
    for (const listener of this.listeners[event] as Set<Listener<K>>) listener(payload);
  }

  current(): JobInfo | null {
    return this.job ? { ...this.job.info } : null;
  }

  /** `processing`: the CLI's models folder, provider and threads; the defaults otherwise. */
  startImport(options: ImportJobOptions, processing: ProcessingOptions = {}): number {
    return this.start('import', options, processing);
  }

  /** Processes what is waiting (photos of another detector or embedder than the settings, after `models use`). */
  startProcessing(processing: ProcessingOptions = {}): number {
    return this.start('process', { sources: [] }, processing);
  }

  private start(kind: JobKind, options: ImportJobOptions, processing: ProcessingOptions): number {
    if (this.job) throw new JobConflictError(`job ${this.job.info.jobId} is still running: pause or cancel it first`);
    const jobId = this.nextJobId++;
    this.job = {
      info: { jobId, kind, state: 'running', options, restarts: 0, progress: null },
      processing,
      firstImportId: nextImportId(this.options.library.db),
      startedAt: Date.now(),
      worker: null,
      inFlight: new Map(),
      isolate: new Set(),
      poisoned: [],
      photosInFlight: new Map(),
      isolatePhotos: new Set(),
      poisonedPhotos: [],
      crashedAlone: new Map(),
      photoCrashedAlone: new Map(),
      photosStarted: new Set(),
      progressed: false,
      processedAtCrash: 0,
      imported: null,
      crashesWithoutProgress: 0,
      cancelRequested: false,
      ended: false,
    };
    this.launch(this.job);
    return jobId;
  }

  pause(jobId: number): void {
    const job = this.require(jobId);
    job.info.state = 'paused';
    job.worker?.send({ type: 'pause' });
  }

  resume(jobId: number): void {
    const job = this.require(jobId);
    job.info.state = 'running';
    job.worker?.send({ type: 'resume' });
  }

  cancel(jobId: number): void {
    const job = this.require(jobId);
    job.cancelRequested = true;
    const worker = job.worker;
    if (!worker) return;
    worker.send({ type: 'cancel' });
    setTimeout(() => {
      if (job.worker === worker) worker.kill();
    }, this.options.cancelGraceMs ?? 3000).unref();
  }

  /** The host is closing: stop the worker now. What was recorded stays; the import is marked interrupted next time. */
  dispose(): void {
    this.tasks.abort();
    const job = this.job;
    if (!job) return;
    job.ended = true;
    job.worker?.kill();
    this.job = null;
  }

  private require(jobId: number): Job {
    if (!this.job || this.job.info.jobId !== jobId) throw new JobNotFoundError(`no running job ${jobId}`);
    return this.job;
  }

  private launch(job: Job): void {
    const worker = this.options.launcher();
    job.worker = worker;
    trackWriterWorker(this.options.library.root, worker.pid);
    job.inFlight.clear();
    job.photosInFlight.clear();
    job.progressed = false;
    worker.onMessage((message) => {
      if (job.worker === worker) this.onMessage(job, message);
    });
    worker.onExit((exit) => {
      if (job.worker === worker) this.onExit(job, exit);
    });
    worker.send({
      type: 'start',
      jobId: job.info.jobId,
      spec: {
        kind: job.info.kind,
        libraryRoot: this.options.library.root,
        options: job.info.options,
        // Failed photos are retried by the first worker only: after a crash, a photo blamed for it stays failed.
        processing: { ...job.processing, retryFailed: job.processing.retryFailed && job.info.restarts === 0 },
      },
      recovery: {
        poisoned: job.poisoned,
        isolate: [...job.isolate],
        imported: job.imported,
        photos: { poisoned: job.poisonedPhotos, isolate: [...job.isolatePhotos] },
      },
      paused: job.info.state === 'paused',
    });
  }

  private onMessage(job: Job, message: WorkerMessage): void {
    switch (message.type) {
      case 'progress': {
        const snapshot = { ...message.snapshot, jobId: job.info.jobId, paused: job.info.state === 'paused' };
        job.info.progress = snapshot;
        this.emit('progress', snapshot);
        break;
      }
      case 'file':
        if (message.phase === 'start') job.inFlight.set(message.file, message.isolated);
        else {
          job.inFlight.delete(message.file);
          job.isolate.delete(message.file);
          job.progressed = true;
        }
        break;
      case 'photo':
        if (message.phase === 'start') {
          job.photosInFlight.set(message.imageId, { file: message.file, isolated: message.isolated });
          job.photosStarted.add(message.imageId);
        } else {
          job.photosInFlight.delete(message.imageId);
          job.isolatePhotos.delete(message.imageId);
          job.progressed = true;
        }
        break;
      case 'imported':
        job.imported = message.result;
        job.progressed = true;
        break;
      case 'done':
        this.finish(job, 'done', null, message.result);
        break;
      case 'error':
        this.finish(job, message.cancelled ? 'cancelled' : 'failed', message.cancelled ? null : message.message, null);
        break;
    }
  }

  private onExit(job: Job, exit: WorkerExit): void {
    job.worker = null;
    if (job.ended) return;
    if (job.cancelRequested) return this.finish(job, 'cancelled', null, null);
    const reason = exit.signal
      ? `the worker process was killed (${exit.signal})`
      : `the worker process exited with code ${exit.code}`;
    for (const [file, isolated] of job.inFlight) {
      job.isolate.add(file);
      if (isolated && blame(job.crashedAlone, file)) {
        job.isolate.delete(file);
        job.poisoned.push({
          file,
          reason: `reading this file crashed the worker twice, also when read alone (${reason})`,
        });
        job.progressed = true;
      }
    }
    for (const [imageId, { file, isolated }] of job.photosInFlight) {
      job.isolatePhotos.add(imageId);
      if (isolated && blame(job.photoCrashedAlone, imageId)) {
        job.isolatePhotos.delete(imageId);
        job.poisonedPhotos.push({
          imageId,
          file,
          reason: `processing this photo crashed the worker twice, also when processed alone (${reason})`,
        });
        job.progressed = true;
      }
    }
    const { processed } = this.counts(job);
    if (processed > job.processedAtCrash) job.progressed = true;
    job.processedAtCrash = processed;
    job.crashesWithoutProgress = job.progressed ? 1 : job.crashesWithoutProgress + 1;
    if (job.crashesWithoutProgress > (this.options.maxCrashesWithoutProgress ?? 3)) {
      return this.finish(
        job,
        'failed',
        `${reason}, ${job.crashesWithoutProgress} times in a row without progress`,
        null,
      );
    }
    if (job.info.restarts >= (this.options.maxRestarts ?? 25)) {
      return this.finish(job, 'failed', `${reason}; the worker was restarted ${job.info.restarts} times already`, null);
    }
    job.info.restarts++;
    this.emit('workerRestarted', { jobId: job.info.jobId, restarts: job.info.restarts, reason });
    // The dead worker's temp files (its tmp/<pid>-<run>/ folder, cache *.<pid>.tmp) go before the next one starts.
    void removeDeadTemp(this.options.library.root)
      .catch(() => 0)
      .then(() => {
        if (job.ended) return;
        if (job.cancelRequested) return this.finish(job, 'cancelled', null, null);
        this.launch(job);
      });
  }

  private finish(job: Job, status: JobFinished['status'], error: string | null, result: WorkerJobResult | null): void {
    if (job.ended) return;
    job.ended = true;
    if (this.job === job) this.job = null;
    // A worker that reported its end exits by itself; one that does not is not left behind.
    const worker = job.worker;
    if (worker) setTimeout(() => worker.kill(), 5000).unref();
    const counts = this.counts(job);
    const failed = counts.failed + job.poisoned.length;
    const pass = result ?? job.imported;
    // Poisoned photos are counted by `counts` (the worker marked them failed); their reasons join the failures.
    const photoFailures = job.poisonedPhotos.map(({ file, reason }) => ({ file, reason }));
    const summary: JobSummary = {
      importIds: counts.importIds,
      imported: counts.imported,
      processed: counts.processed,
      failed,
      duplicates: pass ? Math.max(0, pass.scanned + job.poisoned.length - counts.imported - failed) : 0,
      videos: counts.videos,
      elapsedMs: Date.now() - job.startedAt,
      failures: result
        ? [...result.failures, ...job.poisoned, ...photoFailures, ...result.processingFailures]
        : [...(job.info.progress?.failures ?? []), ...job.poisoned, ...photoFailures],
    };
    this.emit('finished', { jobId: job.info.jobId, status, summary, error });
  }

  /**
   * What the job did so far, from the database (the workers' own tallies restart with each worker): imports by the
   * import rows the job created; processing by the photos its workers started, which includes photos an earlier,
   * interrupted import left waiting (a job that processed 76 of those processed 76, not 0).
   */
  private counts(job: Job): ImportedCounts {
    const { db } = this.options.library;
    const imported = importedSince(db, job.firstImportId);
    const handled = processedAmong(db, [...job.photosStarted, ...job.poisonedPhotos.map((p) => p.imageId)]);
    return job.info.kind === 'import' ? { ...imported, processed: handled.processed } : { ...imported, ...handled };
  }
}

/** Counts one more crash of the worker while `key` was alone in flight; true when that is enough to blame it. */
function blame<K>(crashes: Map<K, number>, key: K): boolean {
  const n = (crashes.get(key) ?? 0) + 1;
  crashes.set(key, n);
  return n >= CRASHES_ALONE_TO_BLAME;
}

export class JobNotFoundError extends Error {}
