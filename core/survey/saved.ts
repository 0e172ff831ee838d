// Saved surveys: a name, a window and cameras, so a manager can run this September beside last September.
import { desc, eq } from 'drizzle-orm';
import type { SavedSurvey, SurveyWindow } from '../contract/survey';
import type { Db } from '../db/open';
import { surveys } from '../db/schema';

const toSaved = (r: typeof surveys.$inferSelect): SavedSurvey => ({
  id: r.id,
  name: r.name,
  from: r.fromDay,
  to: r.toDay,
  cameras: r.cameraIds,
  createdAt: r.createdAt,
});

export function savedSurveys(db: Db): SavedSurvey[] {
  return db.select().from(surveys).orderBy(desc(surveys.createdAt), desc(surveys.id)).all().map(toSaved);
}

export function saveSurvey(db: Db, survey: { name: string } & SurveyWindow): SavedSurvey {
  const row = db
    .insert(surveys)
    .values({ name: survey.name, fromDay: survey.from, toDay: survey.to, cameraIds: survey.cameras })
    .returning()
    .get();
  return toSaved(row);
}

/** True when a survey was removed. */
export function removeSurvey(db: Db, id: number): boolean {
  return db.delete(surveys).where(eq(surveys.id, id)).run().changes > 0;
}
