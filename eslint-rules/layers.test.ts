// The layer rule (layers.mjs) through ESLint's own API and the project's eslint.config.mjs, as `npm run lint` runs
// it: a deliberate violation of each rule fails, and the imports each layer is allowed pass. `npm run lint` (part of
// `npm test`) holds the whole tree to it.
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../core/paths';

const eslint = new ESLint({ cwd: PACKAGE_ROOT });

/** The layer rule's messages for `code` as if it were the file `file` of the project. */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(PACKAGE_ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'thumper/layers').map((m) => m.message);
}

const VIOLATIONS: [rule: string, file: string, code: string, message: RegExp][] = [
  [
    'core -> worker',
    'core/models/probe.ts',
    "import { inspectOnnx } from '../../worker/models/inspect';",
    /may not import worker\/models\/inspect: core is the ground/,
  ],
  [
    'core -> server',
    'core/services/probe.ts',
    "import { startServer } from '../../server/server';",
    /may not import server\/server/,
  ],
  ['core -> cli', 'core/probe.ts', "import { main } from '../cli/main';", /may not import cli\/main/],
  [
    'core/contract -> core/db',
    'core/contract/probe.ts',
    "import { openDb } from '../db/open';",
    /may not import core\/db\/open: the contract is shared with the renderer/,
  ],
  [
    'worker -> electron',
    'worker/probe.ts',
    "import '../electron/main';",
    /may not import electron\/main: the worker builds on core/,
  ],
  [
    'electron -> worker',
    'electron/probe.ts',
    "import { inProcessLauncher } from '../worker/inProcessLauncher';",
    /may not import worker\/inProcessLauncher: electron\/ is an adapter/,
  ],
  [
    'server -> cli',
    'server/probe.ts',
    "import { main } from '../cli/main';",
    /may not import cli\/main: server\/ is an adapter/,
  ],
  [
    'renderer -> core/db',
    'renderer/src/probe.ts',
    "import { openDb } from '../../core/db/open';",
    /may not import core\/db\/open: the renderer reaches the host only through core\/contract/,
  ],
  [
    'onnxruntime-node in electron/',
    'electron/probe.ts',
    "import * as ort from 'onnxruntime-node';",
    /may not load onnxruntime-node: a model can crash its process/,
  ],
  [
    'onnxruntime-node in core/',
    'core/models/probe.ts',
    "import * as ort from 'onnxruntime-node';",
    /may not load onnxruntime-node/,
  ],
  [
    'onnxruntime-node required in server/',
    'server/probe.ts',
    "const ort = require('onnxruntime-node');",
    /may not load onnxruntime-node/,
  ],
  [
    'better-sqlite3 outside core/db',
    'core/library/probe.ts',
    "import Database from 'better-sqlite3';",
    /may not load better-sqlite3: SQL lives in core\/db/,
  ],
  [
    'electron in core/',
    'core/services/probe.ts',
    "import { app } from 'electron';",
    /may not load electron: Electron runs only in electron\//,
  ],
];

const ALLOWED: [what: string, file: string, code: string][] = [
  [
    'worker -> core, onnxruntime in worker/',
    'worker/probe.ts',
    "import '../core/db/open';\nimport 'onnxruntime-node';",
  ],
  ['better-sqlite3 and sqlite-vec in core/db', 'core/db/probe.ts', "import 'better-sqlite3';\nimport 'sqlite-vec';"],
  ['electron -> core, electron in electron/', 'electron/probe.ts', "import '../core/services';\nimport 'electron';"],
  [
    'cli -> core and server, and its --in-process launcher',
    'cli/probe.ts',
    "import '../server/server';\nimport '../core/jobs/launcher';\nimport '../worker/inProcessLauncher';",
  ],
  ['server -> core', 'server/probe.ts', "import '../core/services';"],
  ['renderer -> core/contract', 'renderer/src/probe.ts', "import '../../core/contract';"],
  ['core/contract -> itself and zod', 'core/contract/probe.ts', "import './errors';\nimport 'zod';"],
  [
    'a test across layers',
    'core/models/probe.test.ts',
    "import '../../worker/models/inspect';\nimport 'onnxruntime-node';",
  ],
];

describe('the layer rule', () => {
  it.each(VIOLATIONS)('fails %s', async (_rule, file, code, message) => {
    const errors = await layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each(ALLOWED)('passes %s', async (_what, file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });

  it('the sandboxed preload loads nothing but electron at run time', () => {
    const text = fs.readFileSync(path.join(PACKAGE_ROOT, 'electron', 'preload.ts'), 'utf8');
    const runtime = [...text.matchAll(/(?:^|\n)import\s+(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
    expect(runtime).toEqual(['electron']);
  });
});
