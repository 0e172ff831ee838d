// The track stage for one sequence: its usable animal detections (not duplicates, not marked false; persons and
// vehicles are not re-identified), in capture order, are linked into tracklets (tracklets.ts) and stored with their mean embedding. Rerunning replaces the sequence's
// tracklets, so the stage is idempotent.
import type { Db } from '../db/open';
import { encodeVector, meanOfNormalised } from '../individuals/embedding';
import { dissolveTracklets } from './syncSequences';
import { DEFAULT_TRACK_OPTIONS, linkTracklets, type TrackFrame, type TrackOptions } from './tracklets';
import { getDetectionEmbeddings } from './vectorIndex';

interface DetectionRow {
  id: number;
  imageId: number;
  category: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The sequence's photos in capture order with their usable detections and embeddings. */
export function sequenceFrames(db: Db, embedder: string, sequenceId: number): TrackFrame[] {
  const c = db.$client;
  const images = c
    .prepare(`SELECT id FROM images WHERE sequence_id = ? ORDER BY taken_at, trigger_frame, id`)
    .all(sequenceId) as { id: number }[];
  const dets = c
    .prepare(
      `SELECT d.id, d.image_id AS imageId, d.category, d.x, d.y, d.w, d.h FROM detections d JOIN images i ON i.id = d.image_id
       WHERE i.sequence_id = ? AND d.category = 'animal' AND NOT d.duplicate AND NOT d.false_positive ORDER BY d.id`,
    )
    .all(sequenceId) as DetectionRow[];
  const vectors = getDetectionEmbeddings(db, embedder, dets.map((d) => d.id));
  return images.map((img) => ({
    imageId: img.id,
    detections: dets
      .filter((d) => d.imageId === img.id)
      .map((d) => ({ id: d.id, category: d.category, box: { x: d.x, y: d.y, w: d.w, h: d.h }, embedding: vectors.get(d.id) ?? null })),
  }));
}

/** Replaces the sequence's tracklets; returns the new tracklet ids in order. */
export function trackSequence(db: Db, embedder: string, sequenceId: number, options: TrackOptions = DEFAULT_TRACK_OPTIONS): number[] {
  const c = db.$client;
  const old = (c.prepare('SELECT id FROM tracklets WHERE sequence_id = ?').all(sequenceId) as { id: number }[]).map((r) => r.id);
  dissolveTracklets(db, old);
  const frames = sequenceFrames(db, embedder, sequenceId);
  const vectors = new Map(frames.flatMap((f) => f.detections.map((d) => [d.id, d.embedding] as const)));
  const insert = c.prepare('INSERT INTO tracklets (sequence_id, category, embedding) VALUES (?, ?, ?)');
  const link = c.prepare('UPDATE detections SET tracklet_id = ? WHERE id = ?');
  const ids: number[] = [];
  for (const t of linkTracklets(frames, options)) {
    const members = t.detectionIds.map((id) => vectors.get(id)).filter((v): v is Float32Array => !!v);
    const mean = meanOfNormalised(members);
    const id = Number(insert.run(sequenceId, t.category, mean ? encodeVector(mean) : null).lastInsertRowid);
    for (const d of t.detectionIds) link.run(id, d);
    ids.push(id);
  }
  return ids;
}
