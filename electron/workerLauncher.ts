// The launcher for the app: the worker runs in an Electron utilityProcess (a Node child Chromium manages), speaking
// the same protocol as under child_process.fork.
import type { UtilityProcess } from 'electron';
import type { Launcher, WorkerExit } from '../core/jobs/launcher';
import { WORKER_ENTRY } from '../core/jobs/launcher';
import type { WorkerMessage } from '../core/jobs/protocol';
import { workerEnv } from '../core/jobs/workerEnv';

type Fork = (
  modulePath: string,
  args: string[],
  options: { serviceName: string; env: NodeJS.ProcessEnv; stdio: 'inherit' },
) => UtilityProcess;

export function utilityProcessLauncher(
  fork: Fork,
  entry: string = WORKER_ENTRY,
  env: NodeJS.ProcessEnv = process.env,
): Launcher {
  return () => {
    const child = fork(entry, [], { serviceName: 'Thumper worker', env: workerEnv(env), stdio: 'inherit' });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', (m: unknown) => listener(m as WorkerMessage)),
      onExit: (listener) => child.once('exit', (code: number) => listener({ code, signal: null } satisfies WorkerExit)),
      kill: () => {
        child.kill();
      },
    };
  };
}
