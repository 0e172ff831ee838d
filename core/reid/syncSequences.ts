// Stores the sequences of a library. Grouping is recomputed from all photos each time (it is cheap) and compared
// with what is stored by membership: a sequence whose photos are unchanged keeps its id and its tracklets; one whose
// photos changed (a new card filled a gap, the gap setting changed) is replaced, its tracklets are dissolved and its
// photos go back to 'embedded' so the track and match stages run on them again. Individuals that lose all their
// tracklets this way are deleted (core/individuals pruneEmptyIndividuals), confirmed or not: their detections get
// new tracklets and come back as suggestions.
import type { Db } from '../db/open';
import { refreshDerived } from '../individuals/derived';
import { pruneEmptyIndividuals } from '../individuals/prune';
import { getSetting } from '../library/settings';
import { groupSequences, type SequencePhoto } from './sequences';
import { forgetIndividuals } from './vectorIndex';

export interface SequenceSync {
  created: number[];
  removed: number[];
}

const keyOf = (ids: number[]) => [...ids].sort((a, b) => a - b).join(',');

/** Deletes tracklets and clears their detections; individuals left without members are pruned, the rest refreshed. */
export function dissolveTracklets(db: Db, trackletIds: number[]): void {
  if (trackletIds.length === 0) return;
  const c = db.$client;
  const list = trackletIds.join(',');
  const owners = (c.prepare(`SELECT DISTINCT individual_id AS id FROM tracklets WHERE id IN (${list}) AND individual_id IS NOT NULL`).all() as { id: number }[]).map((r) => r.id);
  c.prepare(`UPDATE detections SET tracklet_id = NULL WHERE tracklet_id IN (${list})`).run();
  c.prepare(`DELETE FROM tracklets WHERE id IN (${list})`).run();
  forgetIndividuals(db, pruneEmptyIndividuals(db, owners));
  refreshDerived(db, owners);
}

export function syncSequences(db: Db, gapSeconds = getSetting(db, 'sequenceGapSeconds')): SequenceSync {
  const c = db.$client;
  const photos = c
    .prepare(
      `SELECT id, camera_id AS cameraId, taken_at AS takenAt, trigger_event AS triggerEvent, trigger_frame AS triggerFrame
       FROM images WHERE state != 'failed' ORDER BY id`,
    )
    .all() as SequencePhoto[];
  const groups = groupSequences(photos, gapSeconds);
  const stored = new Map<string, number>();
  const members = c.prepare(`SELECT sequence_id AS s, group_concat(id) AS ids FROM images WHERE sequence_id IS NOT NULL GROUP BY sequence_id`).all() as { s: number; ids: string }[];
  for (const m of members) stored.set(keyOf(m.ids.split(',').map(Number)), m.s);
  const allStored = (c.prepare('SELECT id FROM sequences').all() as { id: number }[]).map((r) => r.id);

  const kept = new Set<number>();
  const fresh: typeof groups = [];
  for (const g of groups) {
    const id = stored.get(keyOf(g.photoIds));
    if (id === undefined) fresh.push(g);
    else kept.add(id);
  }
  const removed = allStored.filter((id) => !kept.has(id));
  const created: number[] = [];
  if (removed.length > 0) {
    const list = removed.join(',');
    const tracklets = (c.prepare(`SELECT id FROM tracklets WHERE sequence_id IN (${list})`).all() as { id: number }[]).map((r) => r.id);
    dissolveTracklets(db, tracklets);
    c.prepare(`UPDATE images SET sequence_id = NULL, state = CASE WHEN state = 'done' THEN 'embedded' ELSE state END WHERE sequence_id IN (${list})`).run();
    c.prepare(`DELETE FROM sequences WHERE id IN (${list})`).run();
  }
  const insert = c.prepare('INSERT INTO sequences (camera_id, start, "end", photo_count) VALUES (?, ?, ?, ?)');
  const assign = c.prepare(`UPDATE images SET sequence_id = ?, state = CASE WHEN state = 'done' THEN 'embedded' ELSE state END WHERE id = ?`);
  for (const g of fresh) {
    const id = Number(insert.run(g.cameraId, g.start, g.end, g.photoIds.length).lastInsertRowid);
    for (const p of g.photoIds) assign.run(id, p);
    created.push(id);
  }
  return { created, removed };
}
