// The worker's side of the host's short model tasks (core/jobs/tasks.ts): run one, and say how it ended in words the
// host can act on (a model the user must fix, a file that is missing, anything else).
import { WorkerTaskError, type TaskErrorKind, type TaskResult, type WorkerTask } from '../../core/jobs/tasks';
import { findDetector, UnknownModelError } from '../../core/models/catalog';
import { ModelNotFoundError } from '../../core/models/folder';
import { InvalidModelError } from '../../core/models/inspection';
import { catalogFor } from '../../core/models/userModels';
import { crashesAt } from '../testHooks';
import { inspectOnnx } from './inspect';
import { testDetector } from './testDetector';

export type TaskOutcome =
  { ok: true; result: TaskResult<WorkerTask['kind']> } | { ok: false; message: string; kind: TaskErrorKind };

function errorKind(err: unknown): TaskErrorKind {
  if (err instanceof WorkerTaskError) return err.kind;
  if (err instanceof InvalidModelError) return 'invalid_model';
  if (err instanceof ModelNotFoundError || err instanceof UnknownModelError) return 'not_found';
  return 'failed';
}

function run(task: WorkerTask): Promise<TaskResult<WorkerTask['kind']>> {
  const file = task.kind === 'inspectModel' ? task.file : findDetector(task.modelId, catalogFor(task.folder)).file;
  // The test switch (worker/testHooks.ts): die as a native crash in onnxruntime would.
  if (crashesAt('model', file)) process.kill(process.pid, 'SIGKILL');
  return task.kind === 'inspectModel' ? inspectOnnx(task.file) : testDetector(task.modelId, task.folder, task.photo);
}

export async function runModelTask(task: WorkerTask): Promise<TaskOutcome> {
  try {
    return { ok: true, result: await run(task) };
  } catch (err) {
    return { ok: false, message: (err as Error).message, kind: errorKind(err) };
  }
}
