// A "worker" in the host's own process, for `thumper import|process --in-process` (benchmarks, debugging with one
// process to attach to): the same job code and protocol as a forked worker (serveHost), without its crash isolation.
// A photo that crashes onnxruntime takes the whole command down here; never use it for the app or serve.
import type { Launcher, WorkerExit } from '../core/jobs/launcher';
import type { HostMessage, WorkerMessage } from '../core/jobs/protocol';
import { serveHost } from './serveHost';

export const inProcessLauncher: Launcher = () => {
  const hostListeners: ((message: WorkerMessage) => void)[] = [];
  const exitListeners: ((exit: WorkerExit) => void)[] = [];
  let workerListener: ((message: HostMessage) => void) | null = null;
  let exited = false;
  // Messages are copied and delivered on a later turn, as they would be between processes.
  serveHost(
    {
      send: (message, sent) =>
        setImmediate(() => {
          if (!exited) for (const listener of hostListeners) listener(structuredClone(message));
          sent?.();
        }),
      listen: (listener) => (workerListener = listener),
    },
    (code) => {
      if (exited) return;
      exited = true;
      setImmediate(() => exitListeners.forEach((listener) => listener({ code, signal: null })));
    },
  );
  const send = (message: HostMessage) => setImmediate(() => workerListener?.(structuredClone(message)));
  return {
    pid: process.pid,
    send,
    onMessage: (listener) => hostListeners.push(listener),
    onExit: (listener) => exitListeners.push(listener),
    // Code in this process cannot be killed: the job is cancelled and reports its exit when it has stopped.
    kill: () => send({ type: 'cancel' }),
  };
};
