// The rows a deer survey counts: every kept deer detection (not a duplicate, not marked false) in the window and
// cameras, with its individual's class and its visit. Deer means an individual of the deer species; a detection
// without an individual yet (not embedded) is not counted.
import { DEER } from '../contract';
import type { SurveyWindow } from '../contract/survey';
import type { Db } from '../db/open';
import { individualClass, observationClass } from '../survey/deerClass';
import type { Observation } from '../survey/observations';
import { Where } from './sqlFilter';

interface Row {
  detectionId: number;
  sexAge: string | null;
  quality: number;
  individualId: number | null;
  individualName: string | null;
  sex: string | null;
  ageClass: string | null;
  individualSexAge: string | null;
  cameraId: number | null;
  camera: string | null;
  visitId: number | null;
  takenAt: string | null;
}

export function surveyObservations(db: Db, window: SurveyWindow): Observation[] {
  const where = new Where()
    .add('NOT d.duplicate AND NOT d.false_positive')
    .add(`d.category = 'animal'`)
    .add('ind.species = ?', DEER)
    .timeRange('i.taken_at', window.from ?? undefined, window.to ?? undefined);
  if (window.cameras.length > 0) where.in('i.camera_id', window.cameras);
  const rows = db.$client
    .prepare(
      `SELECT d.id AS detectionId, d.sex_age AS sexAge, d.confidence * d.w * d.h AS quality,
              ind.id AS individualId, ind.name AS individualName, ind.sex, ind.age_class AS ageClass,
              ind.sex_age AS individualSexAge,
              i.camera_id AS cameraId, c.name AS camera, i.sequence_id AS visitId, i.taken_at AS takenAt
       FROM detections d
       JOIN images i ON i.id = d.image_id
       LEFT JOIN cameras c ON c.id = i.camera_id
       LEFT JOIN tracklets t ON t.id = d.tracklet_id
       LEFT JOIN individuals ind ON ind.id = t.individual_id
       ${where.sql}
       ORDER BY i.taken_at, d.id`,
    )
    .all(...where.params) as Row[];
  return rows.map((r) => {
    const individual = r.individualId === null ? null : individualClass(r.sex, r.ageClass, r.individualSexAge);
    return {
      detectionId: r.detectionId,
      individualId: r.individualId,
      individualName: r.individualName,
      individualClass: individual,
      class: observationClass(r.sexAge, individual),
      cameraId: r.cameraId,
      camera: r.camera ?? 'Unknown camera',
      visitId: r.visitId,
      takenAt: r.takenAt,
      quality: r.quality,
    };
  });
}
