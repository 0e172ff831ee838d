// Entry of the worker process: child_process.fork (serve mode, CLI, tests) or Electron's utilityProcess (app).
// It runs one job per process (see core/jobs/protocol.ts), or one short model task (core/jobs/tasks.ts), and exits
// when it ends (worker/serveHost.ts).
import type { HostMessage } from '../core/jobs/protocol';
import { serveHost, type Channel } from './serveHost';

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
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
serveHost(port, (code) => process.exit(code));
