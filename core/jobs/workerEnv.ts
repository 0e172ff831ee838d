// The worker process's environment, read when the process starts (so set for the child here; elsewhere ignored).
// - glibc's malloc gives busy threads arenas of their own and hands little of their freed memory back; the worker's
//   many threads (sharp's on libuv, onnxruntime's) churn through decode buffers, so its RSS sat well above what it
//   used. Two arenas: a 600-photo card job peaked at 267 MB instead of 342 (3 rounds interleaved, the same speed,
//   growing 12 MB instead of 20 after photo 150).
// - libuv's threads run sharp's decodes and resizes: one per core, never fewer than libuv's default of 4, so the
//   decodes the detect pass keeps in flight (one per core, worker/pipeline/budget.ts) all run at once.
// A value the user chose is kept.
import os from 'node:os';

export function workerEnv(env: NodeJS.ProcessEnv, cores: number = os.availableParallelism()): NodeJS.ProcessEnv {
  return { MALLOC_ARENA_MAX: '2', UV_THREADPOOL_SIZE: String(Math.max(4, cores)), ...env };
}
