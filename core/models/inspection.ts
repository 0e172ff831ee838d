// What an ONNX file is, as far as Thumper cares, as the worker reports it (worker/models/inspect.ts opens the file in
// onnxruntime there: a user's model can crash the process that loads it, and the host must keep answering).
import { WorkerTaskError, type RunTask } from '../jobs/tasks';
export interface TensorInfo {
  name: string;
  type: string;
  /** Numbers for fixed dimensions, strings for symbolic ones (batch, height ...). */
  shape: (number | string)[];
}

export interface OnnxInspection {
  inputs: TensorInfo[];
  outputs: TensorInfo[];
  metadata: Record<string, string>;
  /** Class names from Ultralytics `names` metadata, by index; null when absent. */
  names: string[] | null;
  /** Output shapes when run once on a zero image of `probeSize`. */
  probe: { size: { width: number; height: number }; outputs: Record<string, number[]> };
}

/** The file is not a model Thumper can use; the message says why. */
export class InvalidModelError extends Error {}

/** Opens a model file and reports what it is. */
export type ModelInspector = (file: string) => Promise<OnnxInspection>;

/**
 * The inspector that runs in a worker task: a file that onnxruntime refuses, or that crashes or hangs the worker,
 * is an InvalidModelError naming the reason; the host process is never at risk.
 */
export function inspectInWorker(runTask: RunTask): ModelInspector {
  return async (file) => {
    try {
      return await runTask({ kind: 'inspectModel', file });
    } catch (err) {
      if (err instanceof WorkerTaskError && err.kind !== 'failed') throw new InvalidModelError(err.message);
      throw err;
    }
  };
}
