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
import { and, eq, inArray, isNull, not, sql } from 'drizzle-orm';
import { anyOf } from '../db/idList';
import type { Db } from '../db/open';
import { preparedOnce } from '../db/prepared';
import { detections, images, individuals, tracklets } from '../db/schema';
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

/** The sequence's photos in capture order with their usable detections not yet in a tracklet, and embeddings. */
export function sequenceFrames(
  db: Db,
  embedder: string,
  sequenceId: number,
  hints: ReadonlyMap<number, number> = new Map(),
): TrackFrame[] {
  const photos = db
    .select({ id: images.id })
    .from(images)
    .where(eq(images.sequenceId, sequenceId))
    .orderBy(images.takenAt, images.triggerFrame, images.id)
    .all();
  const dets = db
    .select({
      id: detections.id,
      imageId: detections.imageId,
      category: detections.category,
      x: detections.x,
      y: detections.y,
      w: detections.w,
      h: detections.h,
    })
    .from(detections)
    .innerJoin(images, eq(images.id, detections.imageId))
    .where(
      and(
        eq(images.sequenceId, sequenceId),
        eq(detections.category, 'animal'),
        not(detections.duplicate),
        not(detections.falsePositive),
        isNull(detections.trackletId),
      ),
    )
    .orderBy(detections.id)
    .all();
  const vectors = getDetectionEmbeddings(
    db,
    embedder,
    dets.map((d) => d.id),
  );
  return photos.map((img) => ({
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

// Prepared once per connection: every box of a sequence is linked to its tracklet one by one.
const linkStatement = preparedOnce((db) =>
  db
    .update(detections)
    .set({ trackletId: sql`${sql.placeholder('tracklet')}` })
    .where(eq(detections.id, sql.placeholder('id')))
    .prepare(),
);

interface OldTracklet {
  id: number;
  individualId: number | null;
}

/** Deletes the tracklets and frees their detections; returns each freed detection's individual. */
function releaseTracklets(db: Db, old: readonly OldTracklet[]): Map<number, number> {
  const hints = new Map<number, number>();
  if (old.length === 0) return hints;
  for (const t of old) {
    if (t.individualId === null) continue;
    const members = db.select({ id: detections.id }).from(detections).where(eq(detections.trackletId, t.id)).all();
    for (const { id } of members) hints.set(id, t.individualId);
  }
  const ids = old.map((t) => t.id);
  db.update(detections)
    .set({ trackletId: null })
    .where(inArray(detections.trackletId, anyOf(ids)))
    .run();
  db.delete(tracklets)
    .where(inArray(tracklets.id, anyOf(ids)))
    .run();
  return hints;
}

/** The individual a rebuilt tracklet returns to, when it still stands and can take it (one photo once). */
function returnTo(db: Db, individualId: number, trackletId: number): boolean {
  const live = db
    .select({ id: individuals.id })
    .from(individuals)
    .where(and(eq(individuals.id, individualId), isNull(individuals.mergedInto)))
    .get();
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
  const old = db
    .select({ id: tracklets.id, individualId: tracklets.individualId })
    .from(tracklets)
    .where(eq(tracklets.sequenceId, sequenceId))
    .orderBy(tracklets.id)
    .all();
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
  const result: TrackResult = { created: [], unmatched: [] };
  const touched = new Set(old.flatMap((t) => (t.individualId === null ? [] : [t.individualId])));
  for (const t of joinTracklets(linkTracklets(frames, options), frames)) {
    const members = t.detectionIds.map((id) => vectors.get(id)).filter((v): v is Float32Array => !!v);
    const mean = meanOfNormalised(members);
    const id = db
      .insert(tracklets)
      .values({ sequenceId, category: t.category, embedding: mean ? encodeVector(mean) : null })
      .returning({ id: tracklets.id })
      .get().id;
    for (const d of t.detectionIds) linkStatement(db).run({ tracklet: id, id: d });
    result.created.push(id);
    if (t.hint !== null && returnTo(db, t.hint, id)) touched.add(t.hint);
    else result.unmatched.push(id);
  }
  pruneEmptyIndividuals(db, [...touched], { keep: decided });
  individualsChanged(db, embedder, touched, suggest);
  return result;
}
