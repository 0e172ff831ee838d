// Import benchmark: a synthetic card of a few thousand real-sized photos, imported three ways in one run so the
// ratios are fair on a noisy machine: a plain file copy, Thumper's copy+hash, and the whole import stage
// (copy+hash, checks, metadata, batched database writes).
//   npm run bench:import -- [photos=2000]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { JobControl } from '../core/jobs/control';
import { ProgressTracker } from '../core/jobs/progress';
import { openLibrary } from '../core/library/library';
import { makeSyntheticCard } from '../testing/synth';
import { mapOrdered } from '../core/util/mapOrdered';
import { hashAndCopy } from '../worker/import/hashCopy';
import { importPhotos } from '../worker/import/importPhotos';

const CONCURRENCY = 4; // the same number of files in flight as the import stage
const ROUNDS = 2;

interface Result {
  name: string;
  ms: number;
}

async function timed(name: string, fn: () => Promise<unknown>): Promise<Result> {
  const start = process.hrtime.bigint();
  await fn();
  return { name, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

async function copyAll(files: string[], dest: string, copy: (src: string, dst: string) => Promise<unknown>) {
  await fs.mkdir(dest, { recursive: true });
  for await (const r of mapOrdered(files, CONCURRENCY, (f, i) => copy(f, path.join(dest, `${i}.jpg`)))) {
    if ('error' in r) throw r.error;
  }
}

async function main() {
  const count = Number(process.argv[2] ?? 2000);
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'thumper-bench-import-'));
  try {
    process.stderr.write(`making a card of ${count} photos in ${work} ...\n`);
    const card = makeSyntheticCard(path.join(work, 'card'), count);
    const mb = card.bytes / 1e6;

    const stages: [string, (round: number) => Promise<unknown>][] = [
      [
        'plain copy (fs.copyFile + fsync)',
        (round) =>
          copyAll(card.files, path.join(work, `plain${round}`), async (src, dst) => {
            await fs.copyFile(src, dst);
            const h = await fs.open(dst, 'r+');
            await h.sync();
            await h.close();
          }),
      ],
      [
        'copy+hash (one read, sha256, fsync)',
        (round) => copyAll(card.files, path.join(work, `hashed${round}`), (src, dst) => hashAndCopy(src, dst)),
      ],
      [
        'import stage (copy+hash, checks, EXIF, DB)',
        async (round) => {
          const library = openLibrary(path.join(work, `library${round}`), { create: true });
          const summary = await importPhotos(
            library,
            { sources: [card.dir] },
            new ProgressTracker(0, () => undefined),
            new JobControl(),
          );
          library.close();
          if (summary.imported !== count) throw new Error(`imported ${summary.imported} of ${count}`);
        },
      ],
    ];
    // Two rounds, best of each, with the disk flushed before every stage so one stage's write-back never lands on
    // the next one's clock.
    const best = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, run] of stages) {
        spawnSync('sync');
        const r = await timed(name, () => run(round));
        best.set(name, Math.min(best.get(name) ?? Infinity, r.ms));
      }
    }
    const results: Result[] = stages.map(([name]) => ({ name, ms: best.get(name)! }));

    const plain = results[0]!.ms;
    console.log(
      `\nimport benchmark (best of ${ROUNDS} rounds): ${count} photos, ${mb.toFixed(0)} MB, ${os.cpus().length} cores, node ${process.version}`,
    );
    console.log('stage'.padEnd(46), 'photos/s'.padStart(9), 'MB/s'.padStart(8), 'vs plain copy'.padStart(14));
    for (const r of results) {
      const s = r.ms / 1000;
      console.log(
        r.name.padEnd(46),
        (count / s).toFixed(0).padStart(9),
        (mb / s).toFixed(0).padStart(8),
        `${(plain / r.ms).toFixed(2)}x`.padStart(14),
      );
    }
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
