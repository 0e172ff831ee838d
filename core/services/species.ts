// Species and "possibly the same": the species list (deer species setting, remembered names, counts) and the
// candidates shown on a profile.
import { count, eq, isNull } from 'drizzle-orm';
import { ApiError, DEER, type SpeciesList } from '../contract';
import type { Db } from '../db/open';
import { individuals } from '../db/schema';
import { DEER_SCIENTIFIC_NAMES } from '../exports/deerSpecies';
import { rememberedSpecies } from '../individuals/species';
import { getSetting } from '../library/settings';
import { individualSummaries } from '../queries/individuals';
import { possiblySame } from '../reid/possiblySame';
import type { Handlers } from './dispatch';

export function speciesList(db: Db): SpeciesList {
  const counts = db
    .select({ species: individuals.species, n: count() })
    .from(individuals)
    .where(isNull(individuals.mergedInto))
    .groupBy(individuals.species)
    .all();
  const byName = new Map<string, { name: string; individuals: number }>();
  for (const name of rememberedSpecies(db)) byName.set(name.toLowerCase(), { name, individuals: 0 });
  for (const c of counts) {
    if (c.species === DEER) continue;
    const entry = byName.get(c.species.toLowerCase()) ?? { name: c.species, individuals: 0 };
    entry.individuals += c.n;
    byName.set(c.species.toLowerCase(), entry);
  }
  const deerSpecies = getSetting(db, 'deerSpecies');
  return {
    deerSpecies,
    scientificName: DEER_SCIENTIFIC_NAMES[deerSpecies],
    species: [
      { name: DEER, deer: true, individuals: counts.find((c) => c.species === DEER)?.n ?? 0 },
      ...[...byName.values()]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((s) => ({ name: s.name, deer: false, individuals: s.individuals })),
    ],
  };
}

export function speciesHandlers(db: Db): Pick<Handlers, 'species.list' | 'individuals.possiblySame'> {
  return {
    'species.list': () => speciesList(db),
    'individuals.possiblySame': (a) => {
      const row = db
        .select({ mergedInto: individuals.mergedInto })
        .from(individuals)
        .where(eq(individuals.id, a.id))
        .get();
      if (!row) throw new ApiError('not_found', `no individual ${a.id}`);
      // A merged individual has no candidates of its own: the renderer follows it to the one it was merged into.
      if (row.mergedInto !== null) return [];
      const rows = possiblySame(db, getSetting(db, 'embedder'), a.id, a.limit);
      const summaries = individualSummaries(
        db,
        rows.map((r) => r.candidateId),
      );
      return rows.flatMap(({ candidateId, ...r }) => {
        const candidate = summaries.get(candidateId);
        return candidate ? [{ candidate, ...r }] : [];
      });
    },
  };
}
