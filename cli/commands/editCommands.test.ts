import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../core/library/library';
import { makeTestLibrary, type TestLibrary } from '../../testing/individualsLibrary';
import { runCli as cli } from '../../testing/cli';

interface Printed {
  journalId: number | null;
  canUndo: boolean;
  individuals: { id: number; name?: string; detectionCount?: number; mergedInto?: number | null; deleted?: boolean }[];
}

let lib: TestLibrary;
beforeEach(() => {
  // The commands open the library themselves: build it, then let go of this connection.
  lib = makeTestLibrary({ seed: 12 });
  lib.close();
});
afterEach(() => lib.remove());

/** A read-only look at the library, the way a second process would see it. */
function query<T>(sql: string): T[] {
  const db = new Database(path.join(lib.root, DB_FILE), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe('edit commands', () => {
  it('merge, undo, redo print the individuals they changed', async () => {
    // Two individuals that share no photo (or the merge would be refused).
    const [{ a, b }] = query<{ a: number; b: number }>(
      `SELECT x.id AS a, y.id AS b FROM individuals x JOIN individuals y ON x.id < y.id WHERE NOT EXISTS (
         SELECT 1 FROM detections dx JOIN tracklets tx ON tx.id = dx.tracklet_id
         JOIN detections dy ON dy.image_id = dx.image_id JOIN tracklets ty ON ty.id = dy.tracklet_id
         WHERE tx.individual_id = x.id AND ty.individual_id = y.id) ORDER BY x.id, y.id LIMIT 1`,
    ) as [{ a: number; b: number }];
    const merged = await cli('merge', '--library', lib.root, String(a), String(b), '--json');
    expect(merged.code, merged.err).toBe(0);
    const m = JSON.parse(merged.out) as Printed;
    expect(m.individuals.map((i) => [i.id, i.mergedInto])).toEqual([
      [a, null],
      [b, a],
    ]);

    const undone = JSON.parse((await cli('undo', '--library', lib.root, '--json')).out) as Printed;
    expect(undone.journalId).toBe(m.journalId);
    expect(undone.individuals.find((i) => i.id === b)!.mergedInto).toBeNull();
    const redone = JSON.parse((await cli('redo', '--library', lib.root, '--json')).out) as Printed;
    expect(redone.individuals.find((i) => i.id === b)!.mergedInto).toBe(a);
    expect(JSON.parse((await cli('redo', '--library', lib.root, '--json')).out)).toMatchObject({
      journalId: null,
      individuals: [],
    });
  });

  it('split --detections [--into], review accept|reject, and readable refusals', async () => {
    const [d] = query<{ id: number }>(
      'SELECT min(d.id) AS id FROM detections d JOIN tracklets t ON t.id = d.tracklet_id',
    );
    const split = await cli('split', '--library', lib.root, '--detections', String(d!.id), '--json');
    expect(split.code, split.err).toBe(0);
    const s = JSON.parse(split.out) as Printed;
    expect(s.individuals[0]).toMatchObject({ detectionCount: 1 });

    const [pending] = query<{ id: number }>("SELECT id FROM suggestions WHERE state = 'pending' ORDER BY id LIMIT 1");
    const reviewed = await cli('review', '--library', lib.root, String(pending!.id), 'reject', '--json');
    expect(reviewed.code, reviewed.err).toBe(0);
    expect(query<{ state: string }>(`SELECT state FROM suggestions WHERE id = ${pending!.id}`)[0]!.state).toBe(
      'rejected',
    );
    const again = await cli('review', '--library', lib.root, String(pending!.id), 'accept');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already rejected/);

    expect((await cli('review', '--library', lib.root, '12', 'maybe')).code).toBe(2);
    expect((await cli('split', '--library', lib.root, '--detections', 'x1')).err).toMatch(/positive integer ids/);
    expect((await cli('merge', '--library', lib.root, '1')).code).toBe(2);
  });

  it('calibration reports, and refuses auto-accept without enough decisions', async () => {
    const report = await cli('calibration', '--library', lib.root, '--json');
    expect(JSON.parse(report.out)).toMatchObject({ proposal: null, autoAccept: false });
    const on = await cli('calibration', '--library', lib.root, '--auto-accept', 'on');
    expect(on.code).toBe(1);
    expect(on.err).toMatch(/cannot be calibrated yet/);
  });
});
