// One small interface over "a process that runs worker/main": child_process.fork under Node (serve mode, CLI, tests),
// Electron's utilityProcess in the app (electron/workerLauncher.ts). The supervisor only sees this.
import { fork } from 'node:child_process';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths';
import type { HostMessage, WorkerMessage } from './protocol';
import { workerEnv } from './workerEnv';

export interface WorkerExit {
  code: number | null;
  signal: string | null;
}

export interface WorkerHandle {
  readonly pid: number | undefined;
  send(message: HostMessage): void;
  onMessage(listener: (message: WorkerMessage) => void): void;
  /** Called once, however the process ended. */
  onExit(listener: (exit: WorkerExit) => void): void;
  kill(): void;
}

export type Launcher = () => WorkerHandle;

/** The compiled worker entry (npm run build); the same file Electron's utilityProcess runs. */
export const WORKER_ENTRY = path.join(PACKAGE_ROOT, 'dist', 'worker', 'main.js');

export function forkLauncher(entry: string = WORKER_ENTRY, env: NodeJS.ProcessEnv = process.env): Launcher {
  return () => {
    const child = fork(entry, [], {
      env: workerEnv(env),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'json',
    });
    return {
      pid: child.pid,
      send: (message) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', (m) => listener(m as WorkerMessage)),
      onExit: (listener) => {
        let told = false;
        const tell = (exit: WorkerExit) => {
          if (!told) listener(exit);
          told = true;
        };
        child.once('exit', (code, signal) => tell({ code, signal }));
        // A process that could not be started emits only 'error'.
        child.once('error', () => tell({ code: null, signal: null }));
      },
      kill: () => child.kill('SIGKILL'),
    };
  };
}
