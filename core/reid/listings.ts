// Listings of the re-identification results, as the CLI prints them (`thumper sequences|individuals|suggestions`).
import type { Db } from '../db/open';

export interface SequenceListing {
  id: number;
  camera: string | null;
  start: string | null;
  end: string | null;
  photos: number[];
}

export interface IndividualListing {
  id: number;
  name: string;
  category: string;
  sex: string | null;
  age: string | null;
  /** "deer" or another species by name. */
  species: string;
  tracklets: number;
  detections: number;
  firstSeen: string | null;
  lastSeen: string | null;
  cameras: string[];
  /** The photo id of each of its detections (a photo appears once per detection). */
  photos: number[];
}

export interface SuggestionListing {
  id: number;
  individual: number;
  candidate: number;
  score: number;
  rank: number;
  appearance: number;
  timeGapSeconds: number | null;
  sameCamera: boolean;
  embedder: string;
}

const ids = (list: string | null) => (list ? list.split(',').map(Number) : []);

export function listSequences(db: Db): SequenceListing[] {
  const rows = db.$client
    .prepare(
      `SELECT s.id, c.name AS camera, s.start, s."end",
              (SELECT group_concat(id) FROM (SELECT id FROM images i WHERE i.sequence_id = s.id ORDER BY taken_at, trigger_frame, id)) AS photos
       FROM sequences s LEFT JOIN cameras c ON c.id = s.camera_id ORDER BY s.camera_id, s.start, s.id`,
    )
    .all() as (Omit<SequenceListing, 'photos'> & { photos: string | null })[];
  return rows.map((r) => ({ ...r, photos: ids(r.photos) }));
}

/** Individuals that are not merged into another. */
export function listIndividuals(db: Db): IndividualListing[] {
  const rows = db.$client
    .prepare(
      `SELECT ind.id, ind.name, ind.category, ind.sex, ind.age_class AS age, ind.species,
              (SELECT count(*) FROM tracklets t WHERE t.individual_id = ind.id) AS tracklets,
              ind.detection_count AS detections, ind.first_seen AS firstSeen, ind.last_seen AS lastSeen,
              (SELECT group_concat(name, '\n') FROM (SELECT DISTINCT c.name FROM tracklets t JOIN sequences s ON s.id = t.sequence_id
                 JOIN cameras c ON c.id = s.camera_id WHERE t.individual_id = ind.id ORDER BY c.name)) AS cameras,
              (SELECT group_concat(image_id) FROM (SELECT d.image_id FROM detections d JOIN tracklets t ON t.id = d.tracklet_id
                 WHERE t.individual_id = ind.id AND NOT d.false_positive ORDER BY d.id)) AS photos
       FROM individuals ind WHERE ind.merged_into IS NULL ORDER BY ind.id`,
    )
    .all() as (Omit<IndividualListing, 'cameras' | 'photos'> & { cameras: string | null; photos: string | null })[];
  return rows.map((r) => ({ ...r, cameras: r.cameras ? r.cameras.split('\n') : [], photos: ids(r.photos) }));
}

/** Pending suggestions, most likely first. */
export function listPendingSuggestions(db: Db): SuggestionListing[] {
  const rows = db.$client
    .prepare(
      `SELECT id, individual_id AS individual, candidate_id AS candidate, score, rank, appearance,
              time_gap_seconds AS timeGapSeconds, same_camera AS sameCamera, embedder
       FROM suggestions WHERE state = 'pending' ORDER BY score DESC, id`,
    )
    .all() as (Omit<SuggestionListing, 'sameCamera'> & { sameCamera: number })[];
  return rows.map((r) => ({ ...r, sameCamera: r.sameCamera === 1 }));
}
