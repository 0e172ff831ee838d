// better-sqlite3 is a native module and Electron's ABI differs from Node's. node_modules keeps the Node build (tests,
// CLI, serve); `npm start` first runs scripts/electron-native.js, which builds a copy for this Electron into
// build/native/, and the app points better-sqlite3 at it through THUMPER_SQLITE_BINDING (core/db/open.ts reads it, in
// the main process and in the worker). A packaged app needs none of this: electron-builder rebuilds node_modules.
import path from 'node:path';
import { PACKAGE_ROOT } from '../core/paths';

export function electronBindingPath(
  electronVersion: string,
  platform: string = process.platform,
  arch: string = process.arch,
): string {
  return path.join(
    PACKAGE_ROOT,
    'build',
    'native',
    `electron-${electronVersion}-${platform}-${arch}`,
    'better_sqlite3.node',
  );
}
