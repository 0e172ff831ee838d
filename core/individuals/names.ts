// Provisional names ("Deer 17"): the next number per library and category, counted over every individual ever
// named that way (merged ones included), so a number is never reused while its individual exists. Animals of
// another species are named after it ("Zebra 2", "Red fox 1").
import { sql } from 'drizzle-orm';
import { DEER } from '../contract';
import type { Db } from '../db/open';
import { preparedOnce } from '../db/prepared';
import { individuals, type Category } from '../db/schema';

const PREFIX: Record<Category, string> = { animal: 'Deer', person: 'Person', vehicle: 'Vehicle' };

export const PROVISIONAL_PREFIXES = Object.values(PREFIX);

/** "Zebra" for zebra, "Red fox" for red fox: the provisional prefix of another species. */
export const speciesPrefix = (species: string) => species.charAt(0).toUpperCase() + species.slice(1);

/** Whether `name` is a provisional name of an animal of this species ("Deer 3" for deer, "Zebra 3" for zebra). */
export function isProvisional(name: string, species: string): boolean {
  const prefix = species === DEER ? PREFIX.animal : speciesPrefix(species);
  return name.startsWith(`${prefix} `) && /^[0-9]+$/.test(name.slice(prefix.length + 1));
}

const PREFIX_PARAM = sql.placeholder('prefix');
const NUMBER = sql`substr(${individuals.name}, length(${PREFIX_PARAM}) + 2)`;

// Prepared once per connection: every new individual of the match stage is named.
const highestStatement = preparedOnce((db) =>
  db
    .select({ n: sql<number | null>`max(CAST(${NUMBER} AS INTEGER))` })
    .from(individuals)
    .where(sql`${individuals.name} GLOB ${PREFIX_PARAM} || ' [0-9]*' AND ${NUMBER} NOT GLOB '*[^0-9]*'`)
    .prepare(),
);

export function provisionalName(db: Db, category: Category, species: string = DEER): string {
  const prefix = category === 'animal' && species !== DEER ? speciesPrefix(species) : PREFIX[category];
  const row = highestStatement(db).get({ prefix });
  return `${prefix} ${(row?.n ?? 0) + 1}`;
}
