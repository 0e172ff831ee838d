// Where the package's own files are, whether this code runs from the TypeScript sources (tests) or from dist/.
import fs from 'node:fs';
import path from 'node:path';

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'core'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`Thumper's package root was not found above ${start}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(__dirname);
export const MIGRATIONS_DIR = path.join(PACKAGE_ROOT, 'core', 'db', 'migrations');
export const RENDERER_DIST_DIR = path.join(PACKAGE_ROOT, 'dist', 'renderer');
