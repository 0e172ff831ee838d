// The deer fixture card imported and processed once per Playwright run (the CLI, real models), then copied for each
// spec that needs it: processing the card takes most of a minute on two cores, a copy a second.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deerImagesDir, modelsDir } from '../testing/fixtures';

export const ROOT = path.resolve(__dirname, '..');
export const THUMPER = path.join(ROOT, 'bin', 'thumper.js');
export const E2E_ENV = { ...process.env, THUMPER_MODELS_DIR: modelsDir() };

/** Where the processed card is kept for this run: named after the Playwright runner, the workers' parent. */
export const templateDir = (runnerPid = process.ppid) =>
  path.join(os.tmpdir(), `thumper-e2e-fixture-library-${runnerPid}`);

/** Runs the built CLI and returns what it printed. */
export function thumper(...args: string[]): string {
  return execFileSync(process.execPath, [THUMPER, ...args], {
    cwd: ROOT,
    env: E2E_ENV,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    timeout: 540_000,
  });
}

function template(): string {
  const TEMPLATE = templateDir();
  if (!fs.existsSync(path.join(TEMPLATE, 'ready'))) {
    fs.rmSync(TEMPLATE, { recursive: true, force: true });
    thumper('import', deerImagesDir(), '--library', TEMPLATE, '--create');
    fs.writeFileSync(path.join(TEMPLATE, 'ready'), '');
  }
  return TEMPLATE;
}

/** A fresh copy of the processed deer card in a temp folder; the caller removes it. */
export function processedFixtureLibrary(): string {
  const source = template();
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-e2e-library-'));
  fs.cpSync(source, copy, {
    recursive: true,
    // Relative to the template: the template itself lies under the system's /tmp.
    filter: (f) => path.basename(f) !== 'ready' && path.relative(source, f).split(path.sep)[0] !== 'tmp',
  });
  return copy;
}
