// Camera identities: two keys that are one camera (a serial read one way on one card, another on the next) are merged;
// one key that is two cameras (two cheap cameras of one model, told apart only by when) is split at a time. Photos,
// sequences and deployments move with them in one transaction. A merged identity stays as a pointer so photos
// imported under it later land on the camera it was merged into (a trigger in migration 0007).
import { ApiError } from '../contract/errors';
import { inTransaction, type Db } from '../db/open';
import { requireCamera } from './places';

export function mergeCameras(db: Db, targetId: number, sourceIds: readonly number[]): void {
  if (sourceIds.includes(targetId)) throw new ApiError('invalid_args', 'a camera cannot be merged into itself');
  inTransaction(db, () => {
    requireCamera(db, targetId);
    for (const sourceId of sourceIds) {
      requireCamera(db, sourceId);
      const sql = db.$client;
      sql.prepare('UPDATE images SET camera_id = ? WHERE camera_id = ?').run(targetId, sourceId);
      sql.prepare('UPDATE sequences SET camera_id = ? WHERE camera_id = ?').run(targetId, sourceId);
      // Deployments keep their start; one starting at the same moment as the target's is the same placement.
      sql
        .prepare(
          `UPDATE deployments SET camera_id = ? WHERE camera_id = ?
             AND start NOT IN (SELECT start FROM deployments WHERE camera_id = ?)`,
        )
        .run(targetId, sourceId, targetId);
      sql.prepare('DELETE FROM deployments WHERE camera_id = ?').run(sourceId);
      // Earlier merges into the source now point at the target.
      sql.prepare('UPDATE cameras SET merged_into = ? WHERE merged_into = ?').run(targetId, sourceId);
      sql.prepare('UPDATE cameras SET merged_into = ? WHERE id = ?').run(targetId, sourceId);
      // The target takes what it lacks from the source (a place, an offset).
      sql
        .prepare(
          `UPDATE cameras SET
             latitude = coalesce(latitude, (SELECT latitude FROM cameras WHERE id = @s)),
             longitude = coalesce(longitude, (SELECT longitude FROM cameras WHERE id = @s)),
             utc_offset = coalesce(utc_offset, (SELECT utc_offset FROM cameras WHERE id = @s)),
             location = coalesce(location, (SELECT location FROM cameras WHERE id = @s))
           WHERE id = @t`,
        )
        .run({ s: sourceId, t: targetId });
    }
  });
}

/** Photos taken at or after `from` become a new camera's; returns its id. */
export function splitCamera(db: Db, cameraId: number, from: string, name: string): number {
  return inTransaction(db, () => {
    const camera = requireCamera(db, cameraId);
    const sql = db.$client;
    const moving = (
      sql.prepare('SELECT count(*) AS n FROM images WHERE camera_id = ? AND taken_at >= ?').get(cameraId, from) as {
        n: number;
      }
    ).n;
    const staying = (
      sql
        .prepare('SELECT count(*) AS n FROM images WHERE camera_id = ? AND (taken_at < ? OR taken_at IS NULL)')
        .get(cameraId, from) as { n: number }
    ).n;
    if (moving === 0)
      throw new ApiError('invalid_args', `camera "${camera.name}" has no photo taken at or after ${from}`);
    if (staying === 0)
      throw new ApiError(
        'invalid_args',
        `every photo of camera "${camera.name}" is from ${from} or later: nothing to split`,
      );
    let n = 2;
    while (sql.prepare('SELECT 1 FROM cameras WHERE key = ?').get(`${camera.key}#${n}`)) n++;
    const id = Number(
      sql
        .prepare(
          `INSERT INTO cameras (key, name, make, model, serial, utc_offset)
           SELECT ?, ?, make, model, serial, utc_offset FROM cameras WHERE id = ?`,
        )
        .run(`${camera.key}#${n}`, name, cameraId).lastInsertRowid,
    );
    sql.prepare('UPDATE images SET camera_id = ? WHERE camera_id = ? AND taken_at >= ?').run(id, cameraId, from);
    // A sequence follows its first photo.
    sql.prepare(`UPDATE sequences SET camera_id = ? WHERE camera_id = ? AND start >= ?`).run(id, cameraId, from);
    sql.prepare('UPDATE deployments SET camera_id = ? WHERE camera_id = ? AND start >= ?').run(id, cameraId, from);
    return id;
  });
}
