import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { individualViolations } from '../../testing/invariants';
import { copyTestLibrary, dumpTables, makeTestLibrary, type TestLibrary } from '../../testing/individualsLibrary';
import { redo, setSexAge, setSpecies, undo } from '.';
import { IndividualsError } from '../individuals';
import { DECIDED_SQL } from '../individuals/decided';
import { queryIndividuals } from '../queries/individuals';
import { speciesList } from '../services/species';

let template: TestLibrary;
let lib: TestLibrary;
beforeAll(() => {
  template = makeTestLibrary({ seed: 13, cameras: 2, sequencesPerCamera: 5 });
});
afterAll(() => {
  template.close();
  template.remove();
});
beforeEach(() => {
  lib = copyTestLibrary(template);
});
afterEach(() => {
  lib.close();
  lib.remove();
});

const all = <T>(sql: string, ...params: unknown[]) => lib.db.$client.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => lib.db.$client.prepare(sql).get(...params) as T;
const deerIds = () =>
  queryIndividuals(lib.db, { speciesGroup: 'deer', sort: 'name', offset: 0, limit: 500 }).items.map((i) => i.id);
const otherIds = () =>
  queryIndividuals(lib.db, { speciesGroup: 'other', sort: 'name', offset: 0, limit: 500 }).items.map((i) => i.id);
const pendingWith = (id: number) =>
  one<{ n: number }>(
    "SELECT count(*) AS n FROM suggestions WHERE state = 'pending' AND (individual_id = ? OR candidate_id = ?)",
    id,
    id,
  ).n;
const membersOf = (id: number) =>
  all<{ id: number }>(
    'SELECT d.id FROM detections d JOIN tracklets t ON t.id = d.tracklet_id WHERE t.individual_id = ? ORDER BY d.id',
    id,
  ).map((r) => r.id);

describe('species edits', () => {
  it('moves individuals to Other animals and out of the review queue; undo moves them back', () => {
    const original = dumpTables(lib.db);
    const [a, b] = deerIds();
    expect(pendingWith(a!)).toBeGreaterThan(0);
    const r = setSpecies(lib.db, { individualIds: [a!, b!], species: ' Coyote ' });
    expect(r.individualIds).toEqual(expect.arrayContaining([a, b]));
    expect(deerIds()).not.toContain(a);
    expect(otherIds()).toEqual(expect.arrayContaining([a, b]));
    expect(
      one<{ s: string; u: number }>('SELECT species AS s, species_by_user AS u FROM individuals WHERE id = ?', a),
    ).toEqual({ s: 'Coyote', u: 1 });
    // Provisional names follow the species; they are still provisional (the pipeline treats them as "Deer 8").
    expect(
      all<{ name: string }>('SELECT name FROM individuals WHERE id IN (?, ?) ORDER BY id', a, b).map((r) => r.name),
    ).toEqual(['Coyote 1', 'Coyote 2']);
    expect(
      one<{ n: number }>(`SELECT count(*) AS n FROM individuals WHERE id IN (?, ?) AND ${DECIDED_SQL}`, a, b).n,
    ).toBe(0);
    // Other animals never enter deer suggestions, on either side.
    expect(pendingWith(a!)).toBe(0);
    expect(individualViolations(lib.db)).toEqual([]);

    // The library remembers the name, in its first spelling, and reuses it whatever the case.
    setSpecies(lib.db, { individualIds: [deerIds()[0]!], species: 'coyote' });
    expect(speciesList(lib.db).species.filter((s) => !s.deer)).toEqual([
      { name: 'Coyote', deer: false, individuals: 3 },
    ]);

    undo(lib.db);
    undo(lib.db);
    expect(deerIds()).toEqual(expect.arrayContaining([a, b]));
    expect(otherIds()).toEqual([]);
    // Every journalled row is back; only the remembered names (settings, outside the journal) differ.
    expect({ ...dumpTables(lib.db), settings: [] }).toEqual({ ...original, settings: [] });
    // Undo does not forget the name: it stays on the list for the next key press.
    expect(speciesList(lib.db).species.map((s) => s.name)).toEqual(['deer', 'Coyote']);
    redo(lib.db);
    expect(otherIds()).toEqual(expect.arrayContaining([a, b]));
  });

  it('refuses an empty selection or a merged individual, changing nothing', () => {
    expect(() => setSpecies(lib.db, { individualIds: [], species: 'fox' })).toThrow(IndividualsError);
    expect(() => setSpecies(lib.db, { individualIds: [999_999], species: 'fox' })).toThrow(/does not exist/);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM edit_journal').n).toBe(0);
  });
});

describe('sex/age edits', () => {
  it('an individual follows the majority of its detections until a person sets it; null follows them again', () => {
    const ind = one<{ id: number }>('SELECT id FROM individuals WHERE detection_count >= 3 ORDER BY id LIMIT 1').id;
    const [d1, d2, d3] = membersOf(ind);
    const sexAge = () =>
      one<{ s: string | null; u: number }>(
        'SELECT sex_age AS s, sex_age_by_user AS u FROM individuals WHERE id = ?',
        ind,
      );
    setSexAge(lib.db, { detectionIds: [d1!], sexAge: 'doe' });
    expect(sexAge()).toEqual({ s: 'doe', u: 0 });
    setSexAge(lib.db, { detectionIds: [d2!, d3!], sexAge: 'buck' });
    expect(sexAge()).toEqual({ s: 'buck', u: 0 });
    expect(one<{ r: number }>('SELECT reviewed AS r FROM detections WHERE id = ?', d2).r).toBe(1);
    setSexAge(lib.db, { individualIds: [ind], sexAge: 'fawn' });
    expect(sexAge()).toEqual({ s: 'fawn', u: 1 });
    setSexAge(lib.db, { individualIds: [ind], sexAge: null });
    expect(sexAge()).toEqual({ s: 'buck', u: 0 });
    undo(lib.db);
    expect(sexAge()).toEqual({ s: 'fawn', u: 1 });
  });

  it('rules out impossible suggestions: a buck is not a doe', () => {
    const s = one<{ a: number; b: number }>(
      "SELECT individual_id AS a, candidate_id AS b FROM suggestions WHERE state = 'pending' ORDER BY score DESC LIMIT 1",
    );
    const pair = () =>
      one<{ n: number }>(
        `SELECT count(*) AS n FROM suggestions WHERE state = 'pending' AND
           ((individual_id = ? AND candidate_id = ?) OR (individual_id = ? AND candidate_id = ?))`,
        s.a,
        s.b,
        s.b,
        s.a,
      ).n;
    setSexAge(lib.db, { individualIds: [s.a], sexAge: 'buck' });
    expect(pair()).toBe(1);
    setSexAge(lib.db, { individualIds: [s.b], sexAge: 'doe' });
    expect(pair()).toBe(0);
    setSexAge(lib.db, { individualIds: [s.b], sexAge: 'unknown' });
    expect(pair()).toBe(1);
    expect(individualViolations(lib.db)).toEqual([]);
  });
});
