// The commands' default output is for people: aligned tables, times to the minute, spans as "2 days", individuals
// and cameras by name (with the id a command takes), never raw seconds or tab-separated ids.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../core/library/library';
import { runCli } from '../../testing/cli';
import { formatProgress } from '../progressLine';
import { describeJob } from '../supervisedJob';
import { makeTestLibrary, type TestLibrary } from '../../testing/individualsLibrary';

let lib: TestLibrary;
beforeAll(() => {
  lib = makeTestLibrary({ seed: 12 });
  // Visits with both ends known, so their length is said.
  lib.db.$client.exec(
    `UPDATE sequences SET start = '2015-02-01T07:00:00', "end" = '2015-02-01T07:00:40' WHERE id = 1;
     UPDATE sequences SET start = '2015-02-02T07:00:00', "end" = '2015-02-02T07:12:00' WHERE id = 2`,
  );
  lib.close();
});
afterAll(() => lib.remove());

const run = async (...args: string[]) => {
  const r = await runCli(...args, '--library', lib.root);
  expect(r.code, r.err).toBe(0);
  return r.out;
};

function query<T>(sql: string): T[] {
  const db = new Database(path.join(lib.root, DB_FILE), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** What no screen for people shows: tabs between ids, raw seconds, ISO times with their "T". */
function expectHuman(out: string): void {
  expect(out).not.toMatch(/\t/);
  expect(out).not.toMatch(/\d s apart|\d{4,} s\b/);
  expect(out).not.toMatch(/\d{4}-\d\d-\d\dT\d\d/);
}

describe('human output of the commands', () => {
  it('individuals: a table of names with their ids, sightings, when and where', async () => {
    const out = await run('individuals');
    expectHuman(out);
    const [header, first] = out.split('\n');
    expect(header).toMatch(/^individual +species +sex, age +sightings +seen +cameras$/);
    expect(first).toMatch(/^Deer 1 \(id 1\) +deer +- +3 sightings +2015-02-01 07:00 to 2015-02-02 07:00 +Camera 1$/);
    expect(out).toMatch(/^Deer 2 \(id 2\) .* 1 sighting {2}/m);
  });

  it('suggestions: the pair by name, how far apart in words, the id review takes', async () => {
    const out = await run('suggestions');
    expectHuman(out);
    expect(out.split('\n')[0]).toMatch(/^suggestion +individual +maybe the same as +score +appearance +apart +camera$/);
    // 86: Deer 18 and Deer 21, 172798 s apart: "48 h", never "172798 s apart".
    expect(out).toMatch(/^86 +Deer 18 \(id 18\) +Deer 21 \(id 21\) +0\.57 +0\.70 +48 h +same camera$/m);
    expect(out).toMatch(/time unknown +other camera/);
  });

  it('sequences: camera by name, start to the minute, length in words', async () => {
    const out = await run('sequences');
    expectHuman(out);
    expect(out).toMatch(/^Camera 1 +2015-02-01 07:00 +40 s +2 photos$/m);
    expect(out).toMatch(/^Camera 1 +2015-02-02 07:00 +12 min +1 photo$/m);
    expect(out).toMatch(/^Camera 3 +unknown +- +/m);
  });

  it('images: files with their camera name, time and state, and a count', async () => {
    const out = await run('images');
    expectHuman(out);
    expect(out).toMatch(/^file +camera +taken +state +reason$/m);
    expect(out).toMatch(/^photos\/IMG_1\.JPG +Camera 1 +2015-02-01 07:00 +done$/m);
    expect(out.trimEnd().split('\n').at(-1)).toBe('27 files, 0 failed');
  });

  it('cameras list and set: names with ids, the span of photos, nights', async () => {
    const out = await run('cameras', 'list');
    expectHuman(out);
    expect(out).toMatch(
      /^Camera 2 \(id 2\) +11 +2015-02-01 08:00 to 2015-02-03 08:00 +- +- +150 \(3 in 2 nights\) +CAM2$/m,
    );
    const set = await run('cameras', 'set', 'Camera 2', '--utc-offset=-05:00');
    expect(set).toBe('Camera 2 (id 2): clock UTC-05:00, location unknown\n');
  });

  it('calibration: the decisions per score band as a table', async () => {
    const [pair] = query<{ id: number }>(
      `SELECT s.id FROM suggestions s WHERE s.state = 'pending' ORDER BY s.score DESC LIMIT 1`,
    );
    await run('review', String(pair!.id), 'reject');
    const out = await run('calibration');
    expectHuman(out);
    expect(out).toMatch(/: 0 accepted, 1 rejected\n/);
    expect(out).toMatch(/^score +accepted +rejected$/m);
    expect(out).toMatch(/^\d\.\d\d to \d\.\d\d +0 +1$/m);
  });

  it('edit commands: the individuals they changed by name, a merge naming its target, a split listed once', async () => {
    const [{ a, b }] = query<{ a: number; b: number }>(
      `SELECT x.id AS a, y.id AS b FROM individuals x JOIN individuals y ON x.id < y.id
       WHERE x.merged_into IS NULL AND y.merged_into IS NULL AND NOT EXISTS (
         SELECT 1 FROM detections dx JOIN tracklets tx ON tx.id = dx.tracklet_id
         JOIN detections dy ON dy.image_id = dx.image_id JOIN tracklets ty ON ty.id = dy.tracklet_id
         WHERE tx.individual_id = x.id AND ty.individual_id = y.id) ORDER BY x.id, y.id LIMIT 1`,
    ) as [{ a: number; b: number }];
    const merged = await run('merge', String(a), String(b));
    expectHuman(merged);
    expect(merged).toMatch(/^individual +now +seen$/m);
    expect(merged).toMatch(new RegExp(`^Deer ${a} \\(id ${a}\\) +\\d+ detections +2015-`, 'm'));
    expect(merged).toMatch(new RegExp(`^Deer ${b} \\(id ${b}\\) +merged into Deer ${a} \\(id ${a}\\)$`, 'm'));
    expect(await run('undo')).toMatch(new RegExp(`^Deer ${b} \\(id ${b}\\) +\\d+ detections?`, 'm'));

    const [{ detection }] = query<{ detection: number }>(
      `SELECT d.id AS detection FROM detections d JOIN tracklets t ON t.id = d.tracklet_id
       WHERE t.individual_id = ${a} ORDER BY d.id LIMIT 1`,
    ) as [{ detection: number }];
    const split = await run('split', '--detections', String(detection));
    expectHuman(split);
    const lines = split.trimEnd().split('\n');
    expect(new Set(lines).size).toBe(lines.length);
    expect(split).toMatch(/^Deer \d+ \(id \d+\) +1 detection +2015-/m);
    expect(await run('redo')).toBe('nothing changed\n');
  });
});

describe('human output of jobs and exports', () => {
  it('import and process summaries count photos and say how long in words', () => {
    const summary = { importIds: [1], imported: 1, processed: 1, duplicates: 2, failed: 0, videos: 3, failures: [] };
    const outcome = { provider: 'cpu', detector: 'yolox_nano_416', restarts: [] };
    expect(describeJob({ ...outcome, summary: { ...summary, elapsedMs: 95_000 } }, 'import')).toBe(
      'imported 1 photo and 3 clips (2 already in the library, 0 failed), processed 1, in 95 s\n',
    );
    expect(describeJob({ ...outcome, summary: { ...summary, elapsedMs: 600_000 } }, 'process')).toBe(
      'processed 1 photo, 0 failed (yolox_nano_416 on cpu), in 10 min\n',
    );
  });

  it('a progress line says its ETA in words', () => {
    const stage = { stage: 'detect' as const, done: 10, total: 100, failed: 0, rate: 2, etaSeconds: 45 * 60 };
    const snapshot = { jobId: 1, currentFile: null, provider: 'cpu', failures: [], paused: false, elapsedMs: 5000 };
    expect(formatProgress({ ...snapshot, stages: [stage] })).toBe('detect 10/100 2.0/s eta 45 min | [cpu]');
    // The scan has no total: it says it is scanning, then how many files it found, never "1/0".
    const scan = { ...stage, stage: 'scan' as const, done: 1, total: 0, rate: 0.1, etaSeconds: 0 };
    expect(formatProgress({ ...snapshot, stages: [scan] })).toBe('scanning | [cpu]');
    const copy = { ...stage, stage: 'copy' as const, done: 3, total: 78, etaSeconds: 30 };
    expect(formatProgress({ ...snapshot, stages: [scan, copy] })).toBe(
      'scan 78 found | copy 3/78 2.0/s eta 30 s | [cpu]',
    );
  });

  it('export says what it wrote with counts', async () => {
    const out = path.join(lib.root, '..', `${path.basename(lib.root)}-csv`);
    try {
      const r = await runCli('export', '--library', lib.root, '--format', 'csv', '--out', out);
      expect(r.code, r.err).toBe(0);
      expect(r.err).toMatch(/^wrote .*: \d+ sightings in sightings\.csv, 27 photos in photos\.csv\n$/);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
