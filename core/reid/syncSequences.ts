// Stores the sequences of a library. Grouping is recomputed from all photos each time (it is cheap) and compared
// with what is stored by membership: a sequence whose photos are unchanged keeps its id and its tracklets; one whose
// photos changed (a new card filled a gap, the gap setting changed) is replaced and its photos go back to 'embedded'
// so the track and match stages run on them again. Its tracklets are not dissolved: each moves, with its individual,
// to the new sequence of its photos, so a regrouping never loses who is who; the track stage then re-links them
// (trackSequence.ts keeps people's decisions). A tracklet whose photos now fall in several sequences is cut in parts:
// the first keeps its row and individual; the others keep the individual only when a person decided about it
// (core/individuals/decided.ts), otherwise they go to the match stage, so a shorter gap can separate two visits the
// pipeline had linked on its own and propose them as a pair instead.
import { leaveSequences, setImageSequence } from '../db/images';
import type { Db } from '../db/open';
import { decidedIndividuals } from '../individuals/decided';
import { pruneEmptyIndividuals, pruneEmptyTracklets } from '../individuals/prune';
import { getSetting } from '../library/settings';
import { individualsChanged } from './maintain';
import { groupSequences, type SequencePhoto } from './sequences';

export interface SequenceSync {
  created: number[];
  removed: number[];
}

const keyOf = (ids: number[]) => [...ids].sort((a, b) => a - b).join(',');

interface MovingDetection {
  id: number;
  trackletId: number;
  sequenceId: number | null;
}

/**
 * Moves the tracklets of replaced sequences to the sequences their photos are in now (photos already reassigned);
 * detections of photos in no sequence (failed) leave their tracklet. Returns the individuals whose members changed.
 */
function moveTracklets(db: Db, trackletIds: readonly number[]): number[] {
  if (trackletIds.length === 0) return [];
  const c = db.$client;
  const list = trackletIds.join(',');
  const owners = (
    c
      .prepare(`SELECT DISTINCT individual_id AS id FROM tracklets WHERE id IN (${list}) AND individual_id IS NOT NULL`)
      .all() as { id: number }[]
  ).map((r) => r.id);
  const detections = c
    .prepare(
      `SELECT d.id, d.tracklet_id AS trackletId, i.sequence_id AS sequenceId FROM detections d JOIN images i ON i.id = d.image_id WHERE d.tracklet_id IN (${list}) ORDER BY d.id`,
    )
    .all() as MovingDetection[];
  const setSequence = c.prepare('UPDATE tracklets SET sequence_id = ? WHERE id = ?');
  const decided = decidedIndividuals(db);
  const copy = c.prepare(
    `INSERT INTO tracklets (sequence_id, category, individual_id, embedding)
     SELECT ?, category, CASE WHEN individual_id IN (SELECT value FROM json_each(?)) THEN individual_id END, embedding FROM tracklets WHERE id = ?`,
  );
  const decidedList = JSON.stringify([...decided]);
  const relink = c.prepare('UPDATE detections SET tracklet_id = ? WHERE id = ?');
  // The first part of a tracklet keeps its row (and id); each further sequence gets a copy.
  const placed = new Map<string, number>();
  const first = new Set<number>();
  for (const d of detections) {
    if (d.sequenceId === null) {
      relink.run(null, d.id);
      continue;
    }
    const key = `${d.trackletId}:${d.sequenceId}`;
    let target = placed.get(key);
    if (target === undefined) {
      if (first.has(d.trackletId)) target = Number(copy.run(d.sequenceId, decidedList, d.trackletId).lastInsertRowid);
      else {
        setSequence.run(d.sequenceId, d.trackletId);
        first.add(d.trackletId);
        target = d.trackletId;
      }
      placed.set(key, target);
    }
    if (target !== d.trackletId) relink.run(target, d.id);
  }
  pruneEmptyTracklets(db, trackletIds);
  return owners;
}

export function syncSequences(
  db: Db,
  gapSeconds = getSetting(db, 'sequenceGapSeconds'),
  embedder = getSetting(db, 'embedder'),
): SequenceSync {
  // Raw SQL, a hot path: reads every photo and sequence of the library after each batch.
  const c = db.$client;
  const photos = c
    .prepare(
      `SELECT id, camera_id AS cameraId, taken_at AS takenAt, trigger_event AS triggerEvent, trigger_frame AS triggerFrame,
              clip_id AS clipId, frame_ms AS frameMs
       FROM images WHERE state != 'failed' ORDER BY id`,
    )
    .all() as SequencePhoto[];
  const groups = groupSequences(photos, gapSeconds);
  const stored = new Map<string, number>();
  const members = c
    .prepare(
      `SELECT sequence_id AS s, group_concat(id) AS ids FROM images WHERE sequence_id IS NOT NULL GROUP BY sequence_id`,
    )
    .all() as { s: number; ids: string }[];
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
  const insert = c.prepare('INSERT INTO sequences (camera_id, start, "end", photo_count) VALUES (?, ?, ?, ?)');
  for (const g of fresh) {
    const id = Number(insert.run(g.cameraId, g.start, g.end, g.photoIds.length).lastInsertRowid);
    setImageSequence(db, g.photoIds, id);
    created.push(id);
  }
  if (removed.length > 0) {
    const list = removed.join(',');
    // Photos of a replaced sequence that are in no group now (failed since) leave it.
    leaveSequences(db, removed);
    const tracklets = (
      c.prepare(`SELECT id FROM tracklets WHERE sequence_id IN (${list}) ORDER BY id`).all() as { id: number }[]
    ).map((r) => r.id);
    const owners = moveTracklets(db, tracklets);
    c.prepare(`DELETE FROM sequences WHERE id IN (${list})`).run();
    pruneEmptyIndividuals(db, owners, { keep: new Set() });
    individualsChanged(db, embedder, owners);
  }
  return { created, removed };
}
