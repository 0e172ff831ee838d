// One survey from its observations: counts by class, unique bucks, the Jacobson estimate with its interval, and the
// breakdowns the report draws (per camera, per week, per hour). Pure: the rows come from core/queries/survey.ts.
import type { ByClass, SurveyResult, SurveyWindow } from '../contract/survey';
import { groupBy } from '../util/groupBy';
import { bootstrapTotal } from './bootstrap';
import { jacobsonEstimate, ratios } from './jacobson';
import { countByClass, emptyByClass, uniqueBucks, visits, type Observation } from './observations';

/** The Monday that starts the week of a local date ("2024-10-03" -> "2024-09-30"). */
export function weekStart(date: string): string {
  const day = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

function bestBuckPhotos(observations: readonly Observation[], bucks: Set<number>): SurveyResult['bucks'] {
  const byIndividual = groupBy(observations, (o) =>
    o.individualId !== null && bucks.has(o.individualId) ? o.individualId : null,
  );
  return [...byIndividual.entries()]
    .map(([individualId, list]) => {
      const best = list.reduce((a, b) => (b.quality > a.quality ? b : a));
      return {
        individualId,
        name: best.individualName ?? `#${individualId}`,
        detectionId: best.detectionId,
        sightings: list.length,
      };
    })
    .sort((a, b) => b.sightings - a.sightings || a.individualId - b.individualId);
}

export function computeSurvey(window: SurveyWindow, observations: readonly Observation[]): SurveyResult {
  const counts: ByClass = countByClass(observations);
  const bucks = uniqueBucks(observations);
  const independent = visits(observations);
  const estimate = jacobsonEstimate(counts, bucks.size);
  const interval = estimate ? bootstrapTotal(independent) : null;
  const seen = new Set(observations.flatMap((o) => (o.individualId === null ? [] : [o.individualId])));

  const perCamera = [...groupBy(observations, (o) => o.cameraId).entries()]
    .map(([cameraId, list]) => ({
      cameraId,
      camera: list[0]!.camera,
      observations: countByClass(list),
      uniqueBucks: uniqueBucks(list).size,
      visits: visits(list).length,
    }))
    .sort((a, b) => a.camera.localeCompare(b.camera) || a.cameraId - b.cameraId);

  const weekly = [...groupBy(observations, (o) => (o.takenAt ? weekStart(o.takenAt) : null)).entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, list]) => {
      const weekCounts = countByClass(list);
      return { week, observations: weekCounts, fawnToDoe: ratios(weekCounts).fawnToDoe };
    });

  const hours = groupBy(observations, (o) =>
    o.takenAt && o.takenAt.length >= 13 ? Number(o.takenAt.slice(11, 13)) : null,
  );
  const hourly = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    observations: hours.has(hour) ? countByClass(hours.get(hour)!) : emptyByClass(),
  }));

  return {
    from: window.from,
    to: window.to,
    cameras: window.cameras,
    observations: counts,
    uniqueBucks: bucks.size,
    minimumKnownAlive: seen.size,
    ratios: ratios(counts),
    estimate,
    interval: interval?.total ? { total: interval.total } : null,
    method: interval?.method ?? 'No estimate: no buck was observed in this window, so there is nothing to scale from.',
    visits: independent.length,
    perCamera,
    weekly,
    hourly,
    bucks: bestBuckPhotos(observations, bucks),
  };
}
