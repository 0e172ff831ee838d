// Provisional names ("Deer 17"): the next number per library and category, counted over every individual ever
// named that way (merged ones included), so a number is never reused while its individual exists.
import type { Db } from '../db/open';
import type { Category } from '../db/schema';

const PREFIX: Record<Category, string> = { animal: 'Deer', person: 'Person', vehicle: 'Vehicle' };

export const PROVISIONAL_PREFIXES = Object.values(PREFIX);

export function provisionalName(db: Db, category: Category): string {
  const prefix = PREFIX[category];
  const row = db.$client
    .prepare(
      `SELECT max(CAST(substr(name, length(@prefix) + 2) AS INTEGER)) AS n
       FROM individuals WHERE name GLOB @prefix || ' [0-9]*' AND substr(name, length(@prefix) + 2) NOT GLOB '*[^0-9]*'`,
    )
    .get({ prefix }) as { n: number | null };
  return `${prefix} ${(row.n ?? 0) + 1}`;
}
