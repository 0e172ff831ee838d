// `thumper serve` for the browser tests: started on a free port, resolving with the tokenised URL it prints. The
// caller keeps the child processes to kill them after its tests. `--create`: many tests start on a new, empty library.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const THUMPER = path.join(ROOT, 'bin', 'thumper.js');

export function startServe(library: string, env: NodeJS.ProcessEnv, servers: ChildProcess[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [THUMPER, 'serve', '--library', library, '--create', '--port', '0'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    servers.push(child);
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve printed no URL in 30 s:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /https?:\/\/[^\s]+token=[^\s]+/.exec(out);
      if (url) {
        clearTimeout(timer);
        resolve(url[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${out}`));
    });
  });
}
