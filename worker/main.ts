// Entry of the worker process: child_process.fork (serve mode, CLI, tests) or Electron's utilityProcess (app).
// It runs one job per process (see core/jobs/protocol.ts), or one short model task (core/jobs/tasks.ts), and exits
// when it ends.
import { JobCancelledError, JobControl } from '../core/jobs/control';
import { ProgressTracker } from '../core/jobs/progress';
import type { HostMessage, ImportPassResult, WorkerMessage } from '../core/jobs/protocol';
import type { WorkerTask } from '../core/jobs/tasks';
import { openLibrary, photoAbsolutePath, type Library } from '../core/library/library';
import { runCardJob } from './jobs/cardJob';
import { runModelTask } from './models/modelTask';
import type { PendingImage } from './pipeline/pending';
import { crashesAt } from './testHooks';

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

interface Channel {
  /** `sent` runs once the message has left this process (at once where the channel cannot tell). */
  send(message: WorkerMessage, sent?: () => void): void;
  listen(listener: (message: HostMessage) => void): void;
}

function channel(): Channel {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (m, sent) => {
        parentPort.postMessage(m);
        sent?.();
      },
      listen: (l) => parentPort.on('message', (e) => l(e.data as HostMessage)),
    };
  }
  if (!process.send) throw new Error('worker/main must be started by a Thumper host (fork or utilityProcess)');
  return {
    send: (m, sent) => process.send!(m, undefined, {}, () => sent?.()),
    listen: (l) => process.on('message', (m) => l(m as HostMessage)),
  };
}

const port = channel();
// The host died (killed, crashed): stop at once, so no orphan goes on writing the library without its host.
process.once('disconnect', () => process.exit(1));
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
    const run = { library, recovery: message.recovery, progress: tracker, control, onFile, onPhoto };
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
  setTimeout(() => process.exit(0), 50);
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
