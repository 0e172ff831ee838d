// Species, sex/age and "possibly the same" through the dispatcher, as the renderer calls them, on a library with
// real vectors in sqlite-vec and pending suggestions (testing/individualsLibrary.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyTestLibrary, makeTestLibrary, type TestLibrary } from '../../testing/individualsLibrary';
import { METHODS, type MethodArgs, type MethodName, type MethodResult } from '../contract';
import { EventHub } from './hub';
import { dispatch, type Handlers } from './dispatch';
import { editHandlers } from './edits';
import { speciesHandlers } from './species';

let template: TestLibrary;
let lib: TestLibrary;
let handlers: Handlers;
beforeAll(() => {
  template = makeTestLibrary({ seed: 5, cameras: 2, sequencesPerCamera: 5 });
  lib = copyTestLibrary(template);
  handlers = { ...speciesHandlers(lib.db), ...editHandlers(lib.db, new EventHub()) } as Handlers;
});
afterAll(() => {
  lib.close();
  lib.remove();
  template.close();
  template.remove();
});

async function call<M extends MethodName>(method: M, args: MethodArgs<M> | Record<string, unknown> = {}) {
  const reply = await dispatch(handlers, method, args);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  return METHODS[method].result.parse(reply.result) as MethodResult<M>;
}

const pendingPair = () =>
  lib.db.$client
    .prepare(
      "SELECT id, individual_id AS a, candidate_id AS b FROM suggestions WHERE state = 'pending' ORDER BY score DESC LIMIT 1",
    )
    .get() as { id: number; a: number; b: number };

describe('possibly the same', () => {
  it('lists the top candidates of an individual with reasons, and the pending suggestion of the pair', async () => {
    const s = pendingPair();
    const band = await call('individuals.possiblySame', { id: s.a });
    expect(band.length).toBeGreaterThan(0);
    expect(band.length).toBeLessThanOrEqual(5);
    const mate = band.find((p) => p.candidate.id === s.b)!;
    expect(mate.suggestionId).toBe(s.id);
    for (const p of band) {
      expect(p.candidate.id).not.toBe(s.a);
      expect(p.reasons.length).toBeGreaterThan(0);
      expect(p.reasons[0]).toMatch(/appearance|camera/);
    }
    // Most likely first, deterministic.
    expect(band.map((p) => p.score)).toEqual([...band.map((p) => p.score)].sort((x, y) => y - x));
    expect(await call('individuals.possiblySame', { id: s.a })).toEqual(band);
    expect((await call('individuals.possiblySame', { id: s.a, limit: 1 })).length).toBe(1);
    // The other side's profile lists it too, with the same suggestion (the queue holds one of the pair, not two).
    const theirs = await call('individuals.possiblySame', { id: s.b });
    expect(theirs.find((p) => p.candidate.id === s.a)?.suggestionId).toBe(s.id);
  });

  it('keeps to one species and drops a buck for a doe', async () => {
    const s = pendingPair();
    await call('edits.setSexAge', { individualIds: [s.a], sexAge: 'buck' });
    await call('edits.setSexAge', { individualIds: [s.b], sexAge: 'doe' });
    let band = await call('individuals.possiblySame', { id: s.a });
    expect(band.map((p) => p.candidate.id)).not.toContain(s.b);
    await call('edits.undo');
    await call('edits.undo');
    await call('edits.setSpecies', { individualIds: [s.b], species: 'Red fox' });
    band = await call('individuals.possiblySame', { id: s.a });
    expect(band.map((p) => p.candidate.id)).not.toContain(s.b);
    // Another animal's profile shows candidates of its own species only (none here).
    expect(await call('individuals.possiblySame', { id: s.b })).toEqual([]);
    await call('edits.undo');
  });

  it('refuses a missing individual and bad arguments with codes', async () => {
    await expect(call('individuals.possiblySame', { id: 999_999 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call('individuals.possiblySame', { id: 1, limit: 50 })).rejects.toMatchObject({
      code: 'invalid_args',
    });
    await expect(call('edits.setSexAge', { sexAge: 'doe' })).rejects.toMatchObject({ code: 'invalid_args' });
    await expect(call('edits.setSexAge', { detectionIds: [1], sexAge: 'stag' })).rejects.toMatchObject({
      code: 'invalid_args',
    });
    await expect(call('edits.setSpecies', { individualIds: [1], species: '  ' })).rejects.toMatchObject({
      code: 'invalid_args',
    });
  });
});

describe('species list', () => {
  it('names the deer species for the exports and every species in use or used before', async () => {
    const before = await call('species.list');
    expect(before).toMatchObject({ deerSpecies: 'other', scientificName: 'Cervidae' });
    expect(before.species[0]).toMatchObject({ name: 'deer', deer: true });
    const ids = before.species[0]!.individuals;
    expect(ids).toBeGreaterThan(2);
    // Red fox was used above and undone: still remembered, with no individuals.
    expect(before.species.slice(1)).toEqual([{ name: 'Red fox', deer: false, individuals: 0 }]);
    const one = (
      lib.db.$client.prepare('SELECT id FROM individuals WHERE merged_into IS NULL LIMIT 1').get() as {
        id: number;
      }
    ).id;
    await call('edits.setSpecies', { individualIds: [one], species: 'red FOX' });
    const after = await call('species.list');
    expect(after.species).toEqual([
      { name: 'deer', deer: true, individuals: ids - 1 },
      { name: 'Red fox', deer: false, individuals: 1 },
    ]);
  });
});
