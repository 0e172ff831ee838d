// The track stage for one sequence: its usable animal detections (not duplicates, not marked false; persons and
// vehicles are not re-identified), in capture order, are linked into tracklets (tracklets.ts), tracklets that never
// share a photo are joined where appearance and motion agree (joinTracklets.ts), and they are stored with their
// mean embedding. Rerunning is idempotent and never loses a person's decisions:
//   - tracklets of decided individuals (core/individuals/decided.ts: confirmed, renamed, annotated, or touched by an
//     edit) are kept as they are, only their embeddings are refreshed;
//   - the other tracklets are rebuilt, but a detection remembers its individual (a hint): detections of two
//     individuals never link, and a rebuilt tracklet goes back to the individual its detections came from;
//   - only tracklets of new detections are left for the match stage.
// Individuals the pipeline leaves empty are deleted, except decided ones, which stay with 0 sightings.
import type { Db } from '../db/open';
import { assignTracklets } from '../individuals/assign';
import { decidedIndividuals } from '../individuals/decided';
import { encodeVector, meanOfNormalised } from '../individuals/embedding';
import { IndividualsError } from '../individuals/errors';
import { pruneEmptyIndividuals, pruneEmptyTracklets } from '../individuals/prune';
import { individualsChanged } from './maintain';
import type { SuggestOptions } from './suggest';
import { joinTracklets } from './joinTracklets';
import { refreshTrackletEmbeddings } from './trackletEmbeddings';
import { DEFAULT_TRACK_OPTIONS, linkTracklets, type TrackFrame, type TrackOptions } from './tracklets';
import { getDetectionEmbeddings } from '../db/vectorIndex';

interface DetectionRow {
  id: number;
  imageId: number;
  category: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The sequence's photos in capture order with their usable detections not yet in a tracklet, and embeddings. */
export function sequenceFrames(
  db: Db,
  embedder: string,
  sequenceId: number,
  hints: ReadonlyMap<number, number> = new Map(),
): TrackFrame[] {
  const c = db.$client;
  const images = c
    .prepare(`SELECT id FROM images WHERE sequence_id = ? ORDER BY taken_at, trigger_frame, id`)
    .all(sequenceId) as { id: number }[];
  const dets = c
    .prepare(
      `SELECT d.id, d.image_id AS imageId, d.category, d.x, d.y, d.w, d.h FROM detections d JOIN images i ON i.id = d.image_id
       WHERE i.sequence_id = ? AND d.category = 'animal' AND NOT d.duplicate AND NOT d.false_positive AND d.tracklet_id IS NULL ORDER BY d.id`,
    )
    .all(sequenceId) as DetectionRow[];
  const vectors = getDetectionEmbeddings(
    db,
    embedder,
    dets.map((d) => d.id),
  );
  return images.map((img) => ({
    imageId: img.id,
    detections: dets
      .filter((d) => d.imageId === img.id)
      .map((d) => ({
        id: d.id,
        category: d.category,
        box: { x: d.x, y: d.y, w: d.w, h: d.h },
        embedding: vectors.get(d.id) ?? null,
        hint: hints.get(d.id) ?? null,
      })),
  }));
}

interface OldTracklet {
  id: number;
  individualId: number | null;
}

/** Deletes the tracklets and frees their detections; returns each freed detection's individual. */
function releaseTracklets(db: Db, tracklets: readonly OldTracklet[]): Map<number, number> {
  const hints = new Map<number, number>();
  if (tracklets.length === 0) return hints;
  const c = db.$client;
  const members = c.prepare('SELECT id FROM detections WHERE tracklet_id = ?');
  for (const t of tracklets) {
    if (t.individualId === null) continue;
    for (const { id } of members.all(t.id) as { id: number }[]) hints.set(id, t.individualId);
  }
  const list = tracklets.map((t) => t.id).join(',');
  c.prepare(`UPDATE detections SET tracklet_id = NULL WHERE tracklet_id IN (${list})`).run();
  c.prepare(`DELETE FROM tracklets WHERE id IN (${list})`).run();
  return hints;
}

/** The individual a rebuilt tracklet returns to, when it still stands and can take it (one photo once). */
function returnTo(db: Db, individualId: number, trackletId: number): boolean {
  const live = db.$client.prepare('SELECT 1 FROM individuals WHERE id = ? AND merged_into IS NULL').get(individualId);
  if (!live) return false;
  try {
    assignTracklets(db, individualId, [trackletId]);
    return true;
  } catch (err) {
    if (err instanceof IndividualsError) return false;
    throw err;
  }
}

export interface TrackResult {
  /** Tracklets built by this run. */
  created: number[];
  /** Of those, the ones without an individual, for the match stage. */
  unmatched: number[];
}

/** (Re)builds the sequence's tracklets and brings the individuals it touched up to date. */
export function trackSequence(
  db: Db,
  embedder: string,
  sequenceId: number,
  options: TrackOptions = DEFAULT_TRACK_OPTIONS,
  suggest?: SuggestOptions,
): TrackResult {
  const c = db.$client;
  const old = c
    .prepare('SELECT id, individual_id AS individualId FROM tracklets WHERE sequence_id = ? ORDER BY id')
    .all(sequenceId) as OldTracklet[];
  const decided = decidedIndividuals(db);
  const kept = old.filter((t) => t.individualId !== null && decided.has(t.individualId));
  const hints = releaseTracklets(
    db,
    old.filter((t) => !kept.includes(t)),
  );
  // Kept tracklets may have lost boxes to a re-detection or gained the boxes that replaced them.
  pruneEmptyTracklets(
    db,
    kept.map((t) => t.id),
  );
  refreshTrackletEmbeddings(
    db,
    embedder,
    kept.map((t) => t.id),
  );

  const frames = sequenceFrames(db, embedder, sequenceId, hints);
  const vectors = new Map(frames.flatMap((f) => f.detections.map((d) => [d.id, d.embedding] as const)));
  const insert = c.prepare('INSERT INTO tracklets (sequence_id, category, embedding) VALUES (?, ?, ?)');
  const link = c.prepare('UPDATE detections SET tracklet_id = ? WHERE id = ?');
  const result: TrackResult = { created: [], unmatched: [] };
  const touched = new Set(old.flatMap((t) => (t.individualId === null ? [] : [t.individualId])));
  for (const t of joinTracklets(linkTracklets(frames, options), frames)) {
    const members = t.detectionIds.map((id) => vectors.get(id)).filter((v): v is Float32Array => !!v);
    const mean = meanOfNormalised(members);
    const id = Number(insert.run(sequenceId, t.category, mean ? encodeVector(mean) : null).lastInsertRowid);
    for (const d of t.detectionIds) link.run(id, d);
    result.created.push(id);
    if (t.hint !== null && returnTo(db, t.hint, id)) touched.add(t.hint);
    else result.unmatched.push(id);
  }
  pruneEmptyIndividuals(db, [...touched], { keep: decided });
  individualsChanged(db, embedder, touched, suggest);
  return result;
}
