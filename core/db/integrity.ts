// The database's own health for `thumper check`: SQLite's quick_check, and vectors left by detections that are gone
// (detection_vectors is made by vectorStore.ts outside the drizzle schema, so it is read here in SQL).
import type { Db } from './open';

/** SQLite's quick_check findings; empty when the database is whole. */
export function quickCheckProblems(db: Db): string[] {
  const rows = db.$client.pragma('quick_check') as { quick_check: string }[];
  return rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
}

const ORPHAN = 'NOT EXISTS (SELECT 1 FROM detections d WHERE d.id = detection_vectors.detection_id)';

/** Stored vectors whose detection no longer exists. */
export function orphanVectorCount(db: Db): number {
  return (db.$client.prepare(`SELECT count(*) AS n FROM detection_vectors WHERE ${ORPHAN}`).get() as { n: number }).n;
}

export function deleteOrphanVectors(db: Db): void {
  db.$client.prepare(`DELETE FROM detection_vectors WHERE ${ORPHAN}`).run();
}
