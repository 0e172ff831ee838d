// The worker process's environment. glibc's malloc gives busy threads arenas of their own and hands little of their
// freed memory back; the worker's many threads (sharp's on libuv, onnxruntime's) churn through decode buffers, so
// its RSS sat well above what it used. Two arenas, unless the user chose a value: a 600-photo card job peaked at 267
// MB instead of 342 (3 rounds interleaved, the same speed, growing 12 MB instead of 20 after photo 150). glibc reads
// the variable when a process starts, so it is set for the child here; elsewhere it is ignored.
export function workerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { MALLOC_ARENA_MAX: '2', ...env };
}
