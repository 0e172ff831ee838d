// The worker's side of the protocol (core/jobs/protocol.ts): runs the job or task the host sends on a channel and
// reports back. worker/main.ts serves it over the process channel of a forked worker; worker/inProcessLauncher.ts in
// the host's own process (thumper --in-process, for benchmarks and debugging: no crash isolation).
import { JobCancelledError, JobControl } from '../core/jobs/control';
import { ProgressTracker } from '../core/jobs/progress';
import type { HostMessage, ImportPassResult, WorkerMessage } from '../core/jobs/protocol';
import type { WorkerTask } from '../core/jobs/tasks';
import { openLibrary, photoAbsolutePath, type Library } from '../core/library/library';
import { runCardJob } from './jobs/cardJob';
import { runModelTask } from './models/modelTask';
import type { PendingImage } from './pipeline/pending';
import { crashesAt } from './testHooks';

export interface Channel {
  /** `sent` runs once the message has left this process (at once where the channel cannot tell). */
  send(message: WorkerMessage, sent?: () => void): void;
  listen(listener: (message: HostMessage) => void): void;
}

/** Answers the host on `port`: one job or one task, then `exit(0)` once the last message has left. */
export function serveHost(port: Channel, exit: (code: number) => void): void {
  const control = new JobControl();
  let tracker: ProgressTracker | null = null;
  let library: Library | null = null;

  function setPaused(paused: boolean): void {
    if (paused) control.pause();
    else control.resume();
    if (tracker) {
      tracker.paused = paused;
      tracker.flush();
    }
  }

  async function start(message: Extract<HostMessage, { type: 'start' }>): Promise<void> {
    tracker = new ProgressTracker(message.jobId, (snapshot) => port.send({ type: 'progress', snapshot }));
    setPaused(message.paused);
    try {
      library = openLibrary(message.spec.libraryRoot);
      const onFile = (file: string, phase: 'start' | 'end', isolated: boolean) => {
        const crash = phase === 'start' && crashesAt('file', file);
        port.send(
          { type: 'file', file, phase, isolated },
          crash ? () => process.kill(process.pid, 'SIGKILL') : undefined,
        );
      };
      const onPhoto = (image: PendingImage, phase: 'start' | 'end', isolated: boolean) => {
        const crash = phase === 'start' && crashesAt('photo', image.fileName);
        const file = photoAbsolutePath(library!, image) ?? image.fileName;
        port.send(
          { type: 'photo', imageId: image.id, file, phase, isolated },
          crash ? () => process.kill(process.pid, 'SIGKILL') : undefined,
        );
      };
      const onImported = (result: ImportPassResult) => port.send({ type: 'imported', result });
      const processOptions = message.spec.processing;
      const run = { library, recovery: message.recovery, progress: tracker, control, onFile, onPhoto, processOptions };
      const result = await runCardJob(run, message.spec, onImported);
      port.send({ type: 'done', result });
    } catch (err) {
      port.send({ type: 'error', message: (err as Error).message, cancelled: err instanceof JobCancelledError });
    } finally {
      library?.close();
      exitSoon();
    }
  }

  async function runTask(task: WorkerTask): Promise<void> {
    const outcome = await runModelTask(task);
    port.send(
      outcome.ok
        ? { type: 'taskDone', result: outcome.result }
        : { type: 'taskFailed', message: outcome.message, kind: outcome.kind },
      exitSoon,
    );
  }

  /** Lets the last messages leave before exiting. */
  function exitSoon(): void {
    setTimeout(() => exit(0), 50);
  }

  port.listen((message) => {
    switch (message.type) {
      case 'start':
        void start(message);
        break;
      case 'task':
        void runTask(message.task);
        break;
      case 'pause':
        setPaused(true);
        break;
      case 'resume':
        setPaused(false);
        break;
      case 'cancel':
        control.cancel();
        break;
    }
  });
}
