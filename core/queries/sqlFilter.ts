// Filter parts shared by the view queries. Values are always bound, never spliced.
import { and, gte, lte, not, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { detections } from '../db/schema';

/** A detection that counts: not overlapping a stronger box, not marked false by a person. */
export const countedBox = and(not(detections.duplicate), not(detections.falsePositive))!;

/** Camera-local time bounds; `to` is inclusive of everything it is a prefix of ("2024-10-03" = the whole day). */
export function timeBetween(column: SQLWrapper, from: string | undefined, to: string | undefined): SQL[] {
  return [...(from ? [gte(column, from)] : []), ...(to ? [lte(column, `${to}~`)] : [])];
}

/** How many rows meet `condition` (0 over no rows). */
export const countWhere = (condition: SQL): SQL<number> => sql<number>`coalesce(sum(${condition}), 0)`.mapWith(Number);

export function splitList<T extends string>(joined: string | null): T[] {
  return joined ? (joined.split(',') as T[]) : [];
}

export function splitIds(joined: string | null): number[] {
  return joined ? joined.split(',').map(Number) : [];
}
