// Individuals for the deer gallery, the profile and the review queue. Merged individuals are hidden: their rows stay
// only so links and undo keep working. Counts and first/last seen are stored (kept right by core/individuals).
import { DEER } from '../contract';
import type { Category, IndividualCrop, IndividualDetail, IndividualSummary, INDIVIDUAL_SORTS } from '../contract';
import type { Db } from '../db/open';
import { COUNTED, splitIds, Where } from './sqlFilter';

const ORDER: Record<(typeof INDIVIDUAL_SORTS)[number], string> = {
  name: 'ind.name COLLATE NOCASE, ind.id',
  detections: 'ind.detection_count, ind.id',
  '-detections': 'ind.detection_count DESC, ind.id',
  lastSeen: 'ind.last_seen IS NULL, ind.last_seen, ind.id',
  '-lastSeen': 'ind.last_seen IS NULL, ind.last_seen DESC, ind.id',
  firstSeen: 'ind.first_seen IS NULL, ind.first_seen, ind.id',
  '-firstSeen': 'ind.first_seen IS NULL, ind.first_seen DESC, ind.id',
};

/** Detections of an individual, joined to their photos (`d`, `i`). */
const MEMBERS = `detections d JOIN tracklets t ON t.id = d.tracklet_id JOIN images i ON i.id = d.image_id`;

const SUMMARY_COLUMNS = `ind.id, ind.name, ind.category, ind.species, ind.species_by_user AS speciesByUser,
  ind.sex_age AS sexAge, ind.sex_age_by_user AS sexAgeByUser, ind.sex, ind.age_class AS ageClass, ind.confirmed,
  ind.detection_count AS detectionCount, ind.first_seen AS firstSeen, ind.last_seen AS lastSeen,
  ind.cover_detection_id AS coverDetectionId,
  (SELECT group_concat(DISTINCT i.camera_id) FROM ${MEMBERS} WHERE t.individual_id = ind.id AND ${COUNTED}) AS cameraIds,
  (SELECT count(*) FROM suggestions s WHERE s.individual_id = ind.id AND s.state = 'pending')
    + (SELECT count(*) FROM suggestions s WHERE s.candidate_id = ind.id AND s.individual_id != ind.id AND s.state = 'pending') AS pendingSuggestions`;

type SummaryRow = Omit<IndividualSummary, 'confirmed' | 'cameraIds' | 'speciesByUser' | 'sexAgeByUser'> & {
  confirmed: number;
  cameraIds: string | null;
  speciesByUser: number;
  sexAgeByUser: number;
};

function toSummary(row: SummaryRow): IndividualSummary {
  return {
    ...row,
    confirmed: row.confirmed === 1,
    speciesByUser: row.speciesByUser === 1,
    sexAgeByUser: row.sexAgeByUser === 1,
    cameraIds: splitIds(row.cameraIds),
  };
}

export interface IndividualQuery {
  category?: Category;
  /** 'deer': the Deer gallery; 'other': every other species. */
  speciesGroup?: 'deer' | 'other';
  species?: string;
  search?: string;
  confirmed?: boolean;
  cameraIds?: number[];
  sort: (typeof INDIVIDUAL_SORTS)[number];
  offset: number;
  limit: number;
}

export function queryIndividuals(
  db: Db,
  q: IndividualQuery,
): { items: IndividualSummary[]; total: number; offset: number } {
  const w = new Where().add('ind.merged_into IS NULL');
  if (q.category) w.add('ind.category = ?', q.category);
  if (q.speciesGroup) w.add(q.speciesGroup === 'deer' ? 'ind.species = ?' : 'ind.species != ?', DEER);
  if (q.species) w.add('lower(ind.species) = lower(?)', q.species.trim());
  if (q.search) w.add("ind.name LIKE ? ESCAPE '\\'", `%${q.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
  if (q.confirmed !== undefined) w.add('ind.confirmed = ?', q.confirmed ? 1 : 0);
  if (q.cameraIds) {
    const cams = new Where().in('i.camera_id', q.cameraIds);
    w.add(
      `EXISTS (SELECT 1 FROM ${MEMBERS} WHERE t.individual_id = ind.id AND ${COUNTED} AND ${cams.conditions})`,
      ...cams.params,
    );
  }
  const c = db.$client;
  const total = (c.prepare(`SELECT count(*) AS n FROM individuals ind ${w.sql}`).get(...w.params) as { n: number }).n;
  const rows = c
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM individuals ind ${w.sql} ORDER BY ${ORDER[q.sort]} LIMIT ? OFFSET ?`)
    .all(...w.params, q.limit, q.offset) as SummaryRow[];
  return { items: rows.map(toSummary), total, offset: q.offset };
}

export function individualSummaries(db: Db, ids: readonly number[]): Map<number, IndividualSummary> {
  if (ids.length === 0) return new Map();
  const w = new Where().in('ind.id', [...new Set(ids)]);
  const rows = db.$client
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM individuals ind ${w.sql}`)
    .all(...w.params) as SummaryRow[];
  return new Map(rows.map((r) => [r.id, toSummary(r)]));
}

export function individualDetail(db: Db, id: number): IndividualDetail | null {
  const c = db.$client;
  const row = c
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, ind.notes, ind.merged_into AS mergedInto FROM individuals ind WHERE ind.id = ?`,
    )
    .get(id) as (SummaryRow & { notes: string; mergedInto: number | null }) | undefined;
  if (!row) return null;
  const { notes, mergedInto, ...summary } = row;
  const cameras = c
    .prepare(
      `SELECT i.camera_id AS cameraId, cam.name, count(*) AS detections FROM ${MEMBERS} JOIN cameras cam ON cam.id = i.camera_id
       WHERE t.individual_id = ? AND ${COUNTED} GROUP BY i.camera_id ORDER BY detections DESC`,
    )
    .all(id) as IndividualDetail['cameras'];
  const activityByHour = new Array<number>(24).fill(0);
  const hours = c
    .prepare(
      `SELECT CAST(substr(i.taken_at, 12, 2) AS INTEGER) AS hour, count(*) AS n FROM ${MEMBERS}
       WHERE t.individual_id = ? AND ${COUNTED} AND length(i.taken_at) >= 13 GROUP BY hour`,
    )
    .all(id) as { hour: number; n: number }[];
  for (const h of hours) if (h.hour >= 0 && h.hour < 24) activityByHour[h.hour] = h.n;
  const sightings = c
    .prepare(
      `SELECT i.sequence_id AS sequenceId, min(i.camera_id) AS cameraId, min(i.taken_at) AS start, count(*) AS detections, min(i.id) AS photoId
       FROM ${MEMBERS} WHERE t.individual_id = ? AND ${COUNTED}
       GROUP BY coalesce(i.sequence_id, -i.id) ORDER BY start DESC`,
    )
    .all(id) as IndividualDetail['sightings'];
  return { ...toSummary(summary), notes, mergedInto, cameras, activityByHour, sightings };
}

type CropRow = Omit<IndividualCrop, 'box' | 'hasCrop'> & {
  x: number;
  y: number;
  w: number;
  h: number;
  hasCrop: number;
};

export function individualCrops(
  db: Db,
  id: number,
  offset: number,
  limit: number,
): { items: IndividualCrop[]; total: number; offset: number } {
  const c = db.$client;
  const total = (
    c.prepare(`SELECT count(*) AS n FROM ${MEMBERS} WHERE t.individual_id = ? AND ${COUNTED}`).get(id) as { n: number }
  ).n;
  const rows = c
    .prepare(
      `SELECT d.id AS detectionId, d.image_id AS imageId, i.taken_at AS takenAt, i.camera_id AS cameraId, d.confidence,
              d.x, d.y, d.w, d.h, d.tracklet_id AS trackletId, d.crop_path IS NOT NULL AS hasCrop
       FROM ${MEMBERS} WHERE t.individual_id = ? AND ${COUNTED}
       ORDER BY i.taken_at IS NULL, i.taken_at DESC, d.id DESC LIMIT ? OFFSET ?`,
    )
    .all(id, limit, offset) as CropRow[];
  const items = rows.map(({ x, y, w, h, hasCrop, ...rest }) => ({
    ...rest,
    box: { x, y, w, h },
    hasCrop: hasCrop === 1,
  }));
  return { items, total, offset };
}
