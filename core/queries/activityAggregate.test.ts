// The dashboard's activity sums (migration 0006_activity_aggregate) are kept by triggers: after any mix of box and
// photo changes they must equal the sums made from scratch, and activity() must read them as the old full scan did.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../library/library';
import { activity } from './dashboard';

const library = openLibrary(fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-activity-')), { create: true });
const c = library.db.$client;
afterAll(() => library.close());

/** The sums as the triggers should have them, from every counted animal box. */
function fromScratch() {
  const counted = `d.category = 'animal' AND NOT d.duplicate AND NOT d.false_positive`;
  const days = c
    .prepare(
      `SELECT ifnull(i.camera_id, 0) AS k, ifnull(substr(i.taken_at, 1, 10), '') AS v, count(*) AS n
       FROM detections d JOIN images i ON i.id = d.image_id WHERE ${counted} GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .all();
  const hours = c
    .prepare(
      `SELECT ifnull(i.camera_id, 0) AS k, CASE WHEN length(i.taken_at) >= 13 THEN CAST(substr(i.taken_at, 12, 2) AS INTEGER) ELSE -1 END AS v, count(*) AS n
       FROM detections d JOIN images i ON i.id = d.image_id WHERE ${counted} GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .all();
  return { days, hours };
}

const photosFromScratch = () =>
  c.prepare('SELECT ifnull(camera_id, 0) AS k, count(*) AS n FROM images GROUP BY 1 ORDER BY 1').all();
const photosMaintained = () =>
  c.prepare('SELECT camera_key AS k, n FROM activity_photos WHERE n != 0 ORDER BY 1').all();

const maintained = () => ({
  days: c.prepare('SELECT camera_key AS k, day AS v, n FROM activity_days WHERE n != 0 ORDER BY 1, 2').all(),
  hours: c.prepare('SELECT camera_key AS k, hour AS v, n FROM activity_hours WHERE n != 0 ORDER BY 1, 2').all(),
});

describe('activity aggregate', () => {
  it('follows every change of boxes and photos, and activity() reads it', () => {
    let seed = 11;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    for (const k of [1, 2, 3])
      c.prepare('INSERT INTO cameras (id, key, name) VALUES (?, ?, ?)').run(k, `k${k}`, `Cam ${k}`);
    const camera = () => [1, 2, 3, null][rnd(4)];
    // No time, a day without an hour, a malformed one, or a full local time.
    const time = () => {
      const r = rnd(6);
      if (r === 0) return null;
      if (r === 1) return '2024-10-03';
      if (r === 2) return '2024-10-0';
      return `2024-${String(1 + rnd(12)).padStart(2, '0')}-${String(1 + rnd(28)).padStart(2, '0')}T${String(rnd(24)).padStart(2, '0')}:15:00`;
    };
    const addImage = () =>
      Number(
        c
          .prepare(
            "INSERT INTO images (file_name, source_path, state, camera_id, taken_at) VALUES ('a.jpg', '/card/a.jpg', 'done', ?, ?)",
          )
          .run(camera(), time()).lastInsertRowid,
      );
    const images = Array.from({ length: 30 }, addImage);
    const someImage = () => images[rnd(images.length)]!;
    const category = () => ['animal', 'animal', 'person', 'vehicle'][rnd(4)];
    const addBox = () =>
      c
        .prepare(
          `INSERT INTO detections (image_id, model, raw_label, category, confidence, x, y, w, h, duplicate, false_positive)
           VALUES (?, 'm', 'deer', ?, 0.9, 0, 0, 0.1, 0.1, ?, ?)`,
        )
        .run(someImage(), category(), rnd(5) === 0 ? 1 : 0, rnd(6) === 0 ? 1 : 0);
    for (let i = 0; i < 120; i++) addBox();
    expect(maintained()).toEqual(fromScratch());

    const someBox = () =>
      (c.prepare('SELECT id FROM detections ORDER BY id LIMIT 1 OFFSET ?').get(rnd(60)) as { id: number } | undefined)
        ?.id ?? 0;
    const changes: (() => void)[] = [
      addBox,
      () => c.prepare('DELETE FROM detections WHERE id = ?').run(someBox()),
      () => c.prepare('UPDATE detections SET false_positive = NOT false_positive WHERE id = ?').run(someBox()),
      () => c.prepare('UPDATE detections SET duplicate = NOT duplicate WHERE id = ?').run(someBox()),
      () => c.prepare('UPDATE detections SET category = ? WHERE id = ?').run(category(), someBox()),
      () => c.prepare('UPDATE detections SET image_id = ? WHERE id = ?').run(someImage(), someBox()),
      () => c.prepare('UPDATE images SET camera_id = ? WHERE id = ?').run(camera(), someImage()),
      () => c.prepare('UPDATE images SET taken_at = ? WHERE id = ?').run(time(), someImage()),
      () => {
        const id = images.splice(rnd(images.length), 1)[0]!;
        c.prepare('DELETE FROM images WHERE id = ?').run(id);
        images.push(addImage());
      },
    ];
    for (let i = 0; i < 400; i++) {
      changes[rnd(changes.length)]!();
      if (i % 40 === 0) expect(maintained()).toEqual(fromScratch());
    }
    expect(maintained()).toEqual(fromScratch());
    expect(photosMaintained()).toEqual(photosFromScratch());

    // What activity() answers is what the full scan of the boxes answers.
    const scratch = fromScratch();
    const charts = activity(library.db, [1, 3]);
    const inCams = (r: unknown) => [1, 3].includes((r as { k: number }).k);
    const sumBy = <T>(rows: unknown[], key: (r: { k: number; v: T; n: number }) => boolean) =>
      (rows as { k: number; v: T; n: number }[]).filter(key).reduce((s, r) => s + r.n, 0);
    expect(charts.perHour).toEqual(
      Array.from({ length: 24 }, (_, h) => sumBy<number>(scratch.hours, (r) => inCams(r) && r.v === h)),
    );
    const days = [...new Set((scratch.days as { k: number; v: string }[]).filter(inCams).map((r) => r.v))]
      .filter((d) => d !== '')
      .sort();
    expect(charts.perDay).toEqual(
      days.map((day) => ({ day, detections: sumBy<string>(scratch.days, (r) => inCams(r) && r.v === day) })),
    );
    const photos = new Map((photosFromScratch() as { k: number; n: number }[]).map((r) => [r.k, r.n]));
    expect(charts.perCamera.map((p) => [p.cameraId, p.detections, p.photos])).toEqual(
      [1, 3].map((k) => [k, sumBy<string>(scratch.days, (r) => r.k === k), photos.get(k) ?? 0]),
    );
  });
});
