// Stores the sequences of a library. Grouping is recomputed from all photos each time (it is cheap) and compared
// with what is stored by membership: a sequence whose photos are unchanged keeps its id and its tracklets; one whose
// photos changed (a new card filled a gap, the gap setting changed) is replaced and its photos go back to 'embedded'
// so the track and match stages run on them again. Its tracklets are not dissolved: each moves, with its individual,
// to the new sequence of its photos, so a regrouping never loses who is who; the track stage then re-links them
// (trackSequence.ts keeps people's decisions). A tracklet whose photos now fall in several sequences is cut in parts:
// the first keeps its row and individual; the others keep the individual only when a person decided about it
// (core/individuals/decided.ts), otherwise they go to the match stage, so a shorter gap can separate two visits the
// pipeline had linked on its own and propose them as a pair instead.
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { anyOf } from '../db/idList';
import { leaveSequences, setImageSequence } from '../db/images';
import type { ImageState } from '../db/imageStates';
import type { Db } from '../db/open';
import { detections, images, sequences, tracklets } from '../db/schema';
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

/** Photos in this state are in no sequence. */
const UNREADABLE: ImageState = 'failed';

/**
 * Moves the tracklets of replaced sequences to the sequences their photos are in now (photos already reassigned);
 * detections of photos in no sequence (failed) leave their tracklet. Returns the individuals whose members changed.
 */
function moveTracklets(db: Db, trackletIds: readonly number[]): number[] {
  if (trackletIds.length === 0) return [];
  const moving = inArray(tracklets.id, anyOf(trackletIds));
  const owners = db
    .selectDistinct({ id: tracklets.individualId })
    .from(tracklets)
    .where(and(moving, isNotNull(tracklets.individualId)))
    .all()
    .flatMap((r) => (r.id === null ? [] : [r.id]));
  const boxes = db
    .select({ id: detections.id, trackletId: detections.trackletId, sequenceId: images.sequenceId })
    .from(detections)
    .innerJoin(images, eq(images.id, detections.imageId))
    .where(inArray(detections.trackletId, anyOf(trackletIds)))
    .orderBy(detections.id)
    .all();
  const decided = decidedIndividuals(db);
  const relink = (id: number, trackletId: number | null) =>
    db.update(detections).set({ trackletId }).where(eq(detections.id, id)).run();
  /** A copy of the tracklet in another sequence; it keeps the individual only when a person decided about it. */
  const copy = (trackletId: number, sequenceId: number): number => {
    const source = db
      .select({ category: tracklets.category, individualId: tracklets.individualId, embedding: tracklets.embedding })
      .from(tracklets)
      .where(eq(tracklets.id, trackletId))
      .get();
    if (!source) throw new Error(`tracklet ${trackletId} vanished while its sequence was replaced`);
    const keep = source.individualId !== null && decided.has(source.individualId);
    return db
      .insert(tracklets)
      .values({ ...source, sequenceId, individualId: keep ? source.individualId : null })
      .returning({ id: tracklets.id })
      .get().id;
  };
  // The first part of a tracklet keeps its row (and id); each further sequence gets a copy.
  const placed = new Map<string, number>();
  const first = new Set<number>();
  for (const d of boxes) {
    if (d.trackletId === null) continue;
    if (d.sequenceId === null) {
      relink(d.id, null);
      continue;
    }
    const key = `${d.trackletId}:${d.sequenceId}`;
    let target = placed.get(key);
    if (target === undefined) {
      if (first.has(d.trackletId)) target = copy(d.trackletId, d.sequenceId);
      else {
        db.update(tracklets).set({ sequenceId: d.sequenceId }).where(eq(tracklets.id, d.trackletId)).run();
        first.add(d.trackletId);
        target = d.trackletId;
      }
      placed.set(key, target);
    }
    if (target !== d.trackletId) relink(d.id, target);
  }
  pruneEmptyTracklets(db, trackletIds);
  return owners;
}

export function syncSequences(
  db: Db,
  gapSeconds = getSetting(db, 'sequenceGapSeconds'),
  embedder = getSetting(db, 'embedder'),
): SequenceSync {
  // Every photo of the library, after each batch: a plain sql read (rows as SQLite returns them, no per-row mapping by
  // the query builder, which takes two to three times as long over 100,000 photos) over the schema's columns.
  const photos = db.all<SequencePhoto>(
    sql`SELECT ${images.id} AS id, ${images.cameraId} AS cameraId, ${images.takenAt} AS takenAt,
          ${images.triggerEvent} AS triggerEvent, ${images.triggerFrame} AS triggerFrame, ${images.clipId} AS clipId,
          ${images.frameMs} AS frameMs
        FROM ${images} WHERE ${images.state} != ${UNREADABLE} ORDER BY ${images.id}`,
  );
  const groups = groupSequences(photos, gapSeconds);
  const stored = new Map<string, number>();
  const members = db
    .select({ s: images.sequenceId, ids: sql<string>`group_concat(${images.id})` })
    .from(images)
    .where(isNotNull(images.sequenceId))
    .groupBy(images.sequenceId)
    .all();
  for (const m of members) if (m.s !== null) stored.set(keyOf(m.ids.split(',').map(Number)), m.s);
  const allStored = db
    .select({ id: sequences.id })
    .from(sequences)
    .all()
    .map((r) => r.id);

  const kept = new Set<number>();
  const fresh: typeof groups = [];
  for (const g of groups) {
    const id = stored.get(keyOf(g.photoIds));
    if (id === undefined) fresh.push(g);
    else kept.add(id);
  }
  const removed = allStored.filter((id) => !kept.has(id));
  const created: number[] = [];
  for (const g of fresh) {
    const { id } = db
      .insert(sequences)
      .values({ cameraId: g.cameraId, start: g.start, end: g.end, photoCount: g.photoIds.length })
      .returning({ id: sequences.id })
      .get();
    setImageSequence(db, g.photoIds, id);
    created.push(id);
  }
  if (removed.length > 0) {
    // Photos of a replaced sequence that are in no group now (failed since) leave it.
    leaveSequences(db, removed);
    const theirs = db
      .select({ id: tracklets.id })
      .from(tracklets)
      .where(inArray(tracklets.sequenceId, anyOf(removed)))
      .orderBy(tracklets.id)
      .all()
      .map((r) => r.id);
    const owners = moveTracklets(db, theirs);
    db.delete(sequences)
      .where(inArray(sequences.id, anyOf(removed)))
      .run();
    pruneEmptyIndividuals(db, owners, { keep: new Set() });
    individualsChanged(db, embedder, owners);
  }
  return { created, removed };
}
