// Deer surveys (Jacobson et al. 1997): computed from the library's deer detections, saved to run again.
import type { SurveyResult, SurveyWindow } from '../contract/survey';
import type { Db } from '../db/open';
import { cameras } from '../db/schema';
import { surveyObservations } from '../queries/survey';
import { surveyCsv } from './csv';
import { computeSurvey } from './survey';

export { removeSurvey, savedSurveys, saveSurvey } from './saved';

export function runSurvey(db: Db, window: SurveyWindow): SurveyResult {
  return computeSurvey(window, surveyObservations(db, window));
}

export function surveyAsCsv(db: Db, window: SurveyWindow): string {
  const nameOf = new Map(
    db
      .select({ id: cameras.id, name: cameras.name })
      .from(cameras)
      .all()
      .map((c) => [c.id, c.name]),
  );
  return surveyCsv(
    runSurvey(db, window),
    window.cameras.map((id) => nameOf.get(id) ?? `camera ${id}`),
  );
}
