// Host tasks: work the API starts and answers at once with a task id (a model download, an export), reported through
// `task.progress` events (throttled) and one `task.finished`. They run in the host process: downloads wait on the
// network and exports read the library, neither needs the worker that runs the pipeline.
import type { EventPayload } from '../contract';
import type { EventHub } from './hub';

type TaskKind = EventPayload<'task.progress'>['kind'];

export type ReportProgress = (step: string, done: number, total: number | null) => void;

/** Progress events of a task at most this often (the last one before the end always goes). */
const PROGRESS_INTERVAL_MS = 250;

export class TaskRunner {
  private nextId = 1;
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly events: EventHub) {}

  /** `run` resolves with a one-line summary for a person; throwing makes the task 'failed' with the message. */
  start(kind: TaskKind, run: (report: ReportProgress) => Promise<string>): number {
    const taskId = this.nextId++;
    let last = 0;
    let pending: EventPayload<'task.progress'> | null = null;
    const flush = () => {
      if (pending) this.events.emit('task.progress', pending);
      pending = null;
      last = Date.now();
    };
    const report: ReportProgress = (step, done, total) => {
      pending = { taskId, kind, step, done, total };
      if (Date.now() - last >= PROGRESS_INTERVAL_MS) flush();
    };
    const task = (async () => {
      try {
        const summary = await run(report);
        flush();
        this.events.emit('task.finished', { taskId, kind, status: 'done', summary, error: null });
      } catch (err) {
        flush();
        this.events.emit('task.finished', {
          taskId,
          kind,
          status: 'failed',
          summary: null,
          error: (err as Error).message,
        });
      }
    })();
    this.running.add(task);
    void task.finally(() => this.running.delete(task));
    return taskId;
  }

  /** Resolves when every task started so far has ended (tests, and a host closing). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}
