import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { libraryStats } from '../core/queries/stats';
import { synthesizeLibrary } from './synthLibrary';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('synthesizeLibrary', () => {
  it('writes consistent rows: sequences cover every photo, individuals count their detections', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-synth-'));
    dirs.push(dir);
    const { library, summary } = synthesizeLibrary(dir, { photos: 2000, seed: 7 });
    const c = library.db.$client;
    const one = (sql: string) => (c.prepare(sql).get() as { n: number }).n;
    expect(summary.photos).toBe(2000);
    expect(libraryStats(library.db).images.total).toBe(2000);
    expect(one('SELECT sum(photo_count) AS n FROM sequences')).toBe(2000);
    expect(one('SELECT count(*) AS n FROM images WHERE sequence_id IS NULL')).toBe(0);
    expect(one('SELECT count(*) AS n FROM detections')).toBe(summary.detections);
    expect(summary.detections).toBeGreaterThan(300);
    const drift = one(`SELECT count(*) AS n FROM individuals WHERE detection_count !=
      (SELECT count(*) FROM detections d JOIN tracklets t ON t.id = d.tracklet_id WHERE t.individual_id = individuals.id)`);
    expect(drift).toBe(0);
    expect(one("SELECT count(*) AS n FROM suggestions WHERE state = 'pending'")).toBe(summary.suggestions);
    library.close();
  });
});
