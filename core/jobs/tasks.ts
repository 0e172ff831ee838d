// Short jobs the host hands to a worker process of their own, because they run a user's model file in onnxruntime,
// which can crash its process: inspecting a model (`models add`) and a detector's test run ("Test on a photo").
// The worker answers `taskDone` or `taskFailed` and exits; a crash or a hang ends the task, never the host.
import type { MethodResult } from '../contract';
import type { ModelsFolder } from '../models/folder';
import type { OnnxInspection } from '../models/inspection';

/** A detector's test run as the worker measures it; the host adds which model and photo. */
export type DetectorTestRun = Omit<MethodResult<'models.testRun'>, 'modelId' | 'photoId'>;

export interface WorkerTasks {
  inspectModel: { args: { file: string }; result: OnnxInspection };
  testDetector: { args: { modelId: string; folder: ModelsFolder; photo: string }; result: DetectorTestRun };
}

export type TaskKind = keyof WorkerTasks;
export type WorkerTask<K extends TaskKind = TaskKind> = { [P in K]: { kind: P } & WorkerTasks[P]['args'] }[K];
export type TaskResult<K extends TaskKind> = WorkerTasks[K]['result'];

/**
 * Why a task failed: the model is not usable (`invalid_model`), a model or photo is missing (`not_found`), another
 * error (`failed`), the worker died (`crashed`) or took too long and was stopped (`timeout`).
 */
export type TaskErrorKind = 'invalid_model' | 'not_found' | 'failed' | 'crashed' | 'timeout';

export class WorkerTaskError extends Error {
  constructor(
    message: string,
    readonly kind: TaskErrorKind,
  ) {
    super(message);
  }
}

/** Runs one task in a worker (Supervisor.runTask in the app and serve, runWorkerTask with a fork in the CLI). */
export type RunTask = <K extends TaskKind>(task: WorkerTask<K>) => Promise<TaskResult<K>>;
