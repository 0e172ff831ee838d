// One short task in a fresh worker process (see tasks.ts): the answer, or a WorkerTaskError that says why there is
// none. The process is killed when the task takes too long or the host gives up, so nothing is left behind.
import type { Launcher } from './launcher';
import { WorkerTaskError, type TaskKind, type TaskResult, type WorkerTask } from './tasks';

export interface WorkerTaskOptions {
  /** Longest a task may run (loading a large model on a slow machine takes seconds, not minutes). */
  timeoutMs?: number;
  /** Aborted when the host closes: the worker is killed and the task rejected. */
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 5 * 60_000;

/** What the task was doing, for messages: "inspecting model.onnx". */
export function describeTask(task: WorkerTask): string {
  return task.kind === 'inspectModel' ? `inspecting ${task.file}` : `test-running ${task.modelId} on ${task.photo}`;
}

export function runWorkerTask<K extends TaskKind>(
  launcher: Launcher,
  task: WorkerTask<K>,
  options: WorkerTaskOptions = {},
): Promise<TaskResult<K>> {
  // TypeScript cannot see that a WorkerTask<K> is one of the WorkerTask union.
  const sent = task as WorkerTask;
  return new Promise((resolve, reject) => {
    const what = describeTask(sent);
    if (options.signal?.aborted) return reject(new WorkerTaskError(`${what}: the host is closing`, 'failed'));
    const worker = launcher();
    let settled = false;
    const settle = (end: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      end();
    };
    const stop = (message: string, kind: 'timeout' | 'failed') => {
      settle(() => reject(new WorkerTaskError(message, kind)));
      worker.kill();
    };
    const onAbort = () => stop(`${what}: the host is closing`, 'failed');
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timer = setTimeout(
      () => stop(`${what} took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`, 'timeout'),
      timeoutMs,
    );
    options.signal?.addEventListener('abort', onAbort);
    worker.onMessage((message) => {
      if (message.type === 'taskDone') settle(() => resolve(message.result as TaskResult<K>));
      else if (message.type === 'taskFailed') settle(() => reject(new WorkerTaskError(message.message, message.kind)));
    });
    worker.onExit((exit) => {
      const how = exit.signal ? `was killed (${exit.signal})` : `exited with code ${exit.code}`;
      settle(() => reject(new WorkerTaskError(`${what} crashed the worker process: it ${how}`, 'crashed')));
    });
    worker.send({ type: 'task', task: sent });
  });
}
