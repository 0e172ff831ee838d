// The rows a deer survey counts: every kept deer detection (not a duplicate, not marked false) in the window and
// cameras, with its individual's class and its visit. Deer means an individual of the deer species; a detection
// without an individual yet (not embedded) is not counted.
import { DEER } from '../contract';
import type { SurveyWindow } from '../contract/survey';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { cameras, detections, images, individuals, tracklets } from '../db/schema';
import { individualClass, observationClass } from '../survey/deerClass';
import type { Observation } from '../survey/observations';
import { countedBox, timeBetween } from './sqlFilter';

export function surveyObservations(db: Db, window: SurveyWindow): Observation[] {
  const d = detections;
  const rows = db
    .select({
      detectionId: d.id,
      sexAge: d.sexAge,
      quality: sql<number>`${d.confidence} * ${d.w} * ${d.h}`,
      individualId: individuals.id,
      individualName: individuals.name,
      sex: individuals.sex,
      ageClass: individuals.ageClass,
      individualSexAge: individuals.sexAge,
      cameraId: images.cameraId,
      camera: cameras.name,
      visitId: images.sequenceId,
      takenAt: images.takenAt,
    })
    .from(d)
    .innerJoin(images, eq(images.id, d.imageId))
    .leftJoin(cameras, eq(cameras.id, images.cameraId))
    .leftJoin(tracklets, eq(tracklets.id, d.trackletId))
    .leftJoin(individuals, eq(individuals.id, tracklets.individualId))
    .where(
      and(
        countedBox,
        eq(d.category, 'animal'),
        eq(individuals.species, DEER),
        ...timeBetween(images.takenAt, window.from ?? undefined, window.to ?? undefined),
        window.cameras.length > 0 ? inArray(images.cameraId, window.cameras) : undefined,
      ),
    )
    .orderBy(images.takenAt, d.id)
    .all();
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
