// Edits benchmark: on a synthetic library of database rows (bench/synthLibrary), times the user edits people make in
// a review session (accept a suggestion, merge, split one crop off, mark a false detection) and their undo, each a
// full transaction with journal, derived data and suggestion upkeep. Prints p50/p95 per edit.
//   npm run bench:edits -- [--photos 100000 --runs 40]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { correctDetection, merge, review, split, undo } from '../core/edits';
import { IndividualsError } from '../core/individuals';
import { seededRandom } from '../core/util/seededRandom';
import { synthesizeLibrary } from './synthLibrary';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

function main(): void {
  const photos = arg('photos', 100_000);
  const runs = arg('runs', 40);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-bench-edits-'));
  const t0 = performance.now();
  const { library, summary } = synthesizeLibrary(dir, { photos });
  process.stdout.write(
    `library: ${JSON.stringify(summary)} built in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
  );
  const db = library.db;
  const c = db.$client;
  const random = seededRandom(7);
  const activeIds = () =>
    (
      c.prepare('SELECT id FROM individuals WHERE merged_into IS NULL AND detection_count > 0').all() as {
        id: number;
      }[]
    ).map((r) => r.id);
  const someone = () => {
    const ids = activeIds();
    return ids[Math.floor(random() * ids.length)]!;
  };
  const memberDetection = (individual: number) =>
    (
      c
        .prepare(
          'SELECT d.id FROM detections d JOIN tracklets t ON t.id = d.tracklet_id WHERE t.individual_id = ? LIMIT 1',
        )
        .get(individual) as { id: number }
    ).id;
  const pendingSuggestion = () =>
    (
      c.prepare("SELECT id FROM suggestions WHERE state = 'pending' ORDER BY score DESC LIMIT 1").get() as {
        id: number;
      }
    ).id;

  const edits: Record<string, () => unknown> = {
    'review accept': () => review(db, { suggestionId: pendingSuggestion(), decision: 'accept' }),
    merge: () => merge(db, { targetId: someone(), sourceIds: [someone()] }),
    'split one detection': () => split(db, { detectionIds: [memberDetection(someone())] }),
    'mark false detection': () =>
      correctDetection(db, { detectionId: memberDetection(someone()), falsePositive: true }),
  };
  for (const [name, edit] of Object.entries(edits)) {
    const times: number[] = [];
    const undos: number[] = [];
    let refused = 0;
    while (times.length < runs) {
      const t = performance.now();
      try {
        edit();
      } catch (err) {
        // Random pairs that share a photo, or a pair picked twice: refused, as they should be.
        if (!(err instanceof IndividualsError)) throw err;
        refused++;
        continue;
      }
      times.push(performance.now() - t);
      const u = performance.now();
      undo(db);
      undos.push(performance.now() - u);
    }
    const fmt = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return `p50 ${percentile(s, 0.5).toFixed(1)} ms, p95 ${percentile(s, 0.95).toFixed(1)} ms`;
    };
    process.stdout.write(
      `${name.padEnd(22)} edit ${fmt(times)} | undo ${fmt(undos)}${refused ? ` (${refused} refused)` : ''}\n`,
    );
  }
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main();
