#!/usr/bin/env node
'use strict';
// `npm start` runs this first. better-sqlite3 in node_modules stays built for Node (tests, CLI, serve); the app needs
// a build for Electron's ABI, made here once per Electron version into build/native/ and used through the
// THUMPER_SQLITE_BINDING path (electron/nativeBinding.ts). npm passes its `nodedir` setting to scripts, which would make
// node-gyp build for Node again: it is removed from the environment, and the result is checked to NOT load in Node.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const electronVersion = require('electron/package.json').version;
const target = path.join(
  root,
  'build',
  'native',
  `electron-${electronVersion}-${process.platform}-${process.arch}`,
  'better_sqlite3.node',
);

function loadsInNode(file) {
  try {
    require(file);
    return true;
  } catch (err) {
    if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(String(err.message))) return false;
    throw err;
  }
}

if (fs.existsSync(target)) process.exit(0);

const source = path.dirname(require.resolve('better-sqlite3/package.json'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-native-'));
fs.cpSync(source, work, { recursive: true, filter: (p) => !p.startsWith(path.join(source, 'build')) });
const env = { ...process.env };
for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];
process.stderr.write(`Building better-sqlite3 for Electron ${electronVersion} (once)...\n`);
const result = spawnSync(
  process.execPath,
  [
    require.resolve('node-gyp/bin/node-gyp.js'),
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    '--runtime=electron',
    '--dist-url=https://electronjs.org/headers',
    `--arch=${process.arch}`,
  ],
  { cwd: work, stdio: 'inherit', env },
);
if (result.status !== 0) {
  fs.rmSync(work, { recursive: true, force: true });
  process.stderr.write(
    'Building better-sqlite3 for Electron failed (see above). It needs a C++ toolchain and the Electron headers (downloaded from electronjs.org).\n',
  );
  process.exit(1);
}
const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
if (loadsInNode(built)) {
  fs.rmSync(work, { recursive: true, force: true });
  process.stderr.write(
    'node-gyp produced a build for Node, not Electron (is npm_config_nodedir or a .npmrc nodedir forcing Node headers?).\n',
  );
  process.exit(1);
}
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(built, target);
fs.rmSync(work, { recursive: true, force: true });
process.stderr.write(`Electron build of better-sqlite3: ${path.relative(root, target)}\n`);
