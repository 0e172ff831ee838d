// Crash safety for real: the CLI import is killed with SIGKILL at random instants, then run to the end; the library
// must equal the one an uninterrupted import makes. Runs the built CLI (npm test builds first).
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../core/library/library';
import { PACKAGE_ROOT } from '../../core/paths';
import { makeSyntheticCard } from '../../testing/synth';

const CLI = path.join(PACKAGE_ROOT, 'bin', 'thumper.js');
const BUILT = path.join(PACKAGE_ROOT, 'dist', 'cli', 'main.js');
const KILLS = 6;

function importArgs(card: string, lib: string): string[] {
  return [CLI, 'import', card, '--library', lib, '--create', '--no-process', '--json'];
}

function runToEnd(card: string, lib: string) {
  const result = spawnSync(process.execPath, importArgs(card, lib), { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { imported: number; duplicates: number; failed: number };
}

function killAfter(card: string, lib: string, ms: number): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, importArgs(card, lib), { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal);
    });
  });
}

/** Everything that defines the result of an import: the rows and the files, by content. */
function snapshot(lib: string) {
  const library = openLibrary(lib);
  const rows = library.db.$client
    .prepare(
      `SELECT i.sha256, i.path, i.file_name, i.source_path, c.name AS camera, i.taken_at, i.taken_at_source, i.width,
              i.height, i.state, i.error, i.trigger_event, i.trigger_frame
       FROM images i LEFT JOIN cameras c ON c.id = i.camera_id ORDER BY i.sha256`,
    )
    .all();
  const running = library.db.$client.prepare("SELECT count(*) AS n FROM imports WHERE status = 'running'").get();
  library.close();
  const files = (fs.readdirSync(path.join(lib, 'photos'), { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(lib, 'photos', f)).isFile())
    .sort()
    .map(
      (f) =>
        `${f} ${createHash('sha256')
          .update(fs.readFileSync(path.join(lib, 'photos', f)))
          .digest('hex')}`,
    );
  return { rows, files, tmp: fs.readdirSync(path.join(lib, 'tmp')), running };
}

describe('import killed at random instants', () => {
  it(`ends, after ${KILLS} kills and a final run, exactly like an uninterrupted import`, async () => {
    if (!fs.existsSync(BUILT)) throw new Error(`the CLI is not built (${BUILT} missing): run npm run build first`);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-kill-'));
    const card = makeSyntheticCard(path.join(work, 'card'), 160);
    const reference = path.join(work, 'reference');
    const started = Date.now();
    expect(runToEnd(card.dir, reference)).toMatchObject({ imported: 160, duplicates: 0, failed: 0 });
    const fullRunMs = Date.now() - started;

    const crashed = path.join(work, 'crashed');
    const delays: number[] = [];
    let killed = 0;
    for (let i = 0; i < KILLS; i++) {
      // Anywhere from start-up to the end of a full run, so kills land in scanning, copying and committing.
      const delay = Math.round(Math.random() * fullRunMs);
      delays.push(delay);
      if ((await killAfter(card.dir, crashed, delay)) === 'SIGKILL') killed++;
    }
    expect(killed, `kill delays ${delays.join(', ')} ms; a full run takes ${fullRunMs} ms`).toBeGreaterThan(0);
    runToEnd(card.dir, crashed);

    const expected = snapshot(reference);
    const actual = snapshot(crashed);
    expect(actual.tmp).toEqual([]);
    expect(actual.running).toEqual({ n: 0 });
    expect(actual.files).toEqual(expected.files);
    expect(actual.rows).toEqual(expected.rows);
    expect(expected.rows).toHaveLength(160);
  });
});
