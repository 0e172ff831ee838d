// Random sequences of edits, undos and redos against a real library database. After every step the individual
// invariants hold (individualViolations: one photo once per individual, counts = a recount, cover a member, no
// dangling tracklets, no pending suggestion about a merged or deleted individual, vectors in the index exactly for
// the standing individuals, with their current embedding); every undo restores exactly the state before its edit, every redo the state
// after it; and undoing everything at the end gives back the original library, row for row.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/open';
import { IndividualsError } from '../individuals';
import { individualViolations } from '../../testing/invariants';
import {
  copyTestLibrary,
  fingerprintTables,
  makeTestLibrary,
  type TestLibrary,
} from '../../testing/individualsLibrary';
import {
  addBox,
  confirm,
  correctDetection,
  merge,
  redo,
  rename,
  review,
  setCover,
  setNotes,
  setTraits,
  split,
  undo,
  type EditResult,
} from '.';

const RUNS = Number(process.env.THUMPER_PROPERTY_RUNS ?? 50);
const templates: TestLibrary[] = [];
let editsApplied = 0;

beforeAll(() => {
  for (const seed of [1, 2, 3]) templates.push(makeTestLibrary({ seed, cameras: 3, sequencesPerCamera: 4 }));
});
afterAll(() => {
  for (const t of templates) {
    t.close();
    t.remove();
  }
});

const n = fc.nat({ max: 1000 });
const step = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('merge' as const), a: n, b: n, c: fc.option(n) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('split' as const),
      a: n,
      mask: fc.integer({ min: 1, max: 255 }),
      into: fc.option(n),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('splitTracklet' as const), a: n, into: fc.option(n) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('review' as const),
      a: n,
      decision: fc.constantFrom('accept' as const, 'reject' as const, 'skip' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constantFrom('rename' as const, 'notes' as const, 'confirm' as const, 'cover' as const),
      a: n,
      b: n,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('correct' as const),
      a: n,
      kind: fc.constantFrom('false', 'unfalse', 'category', 'sexAge'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('addBox' as const), a: n }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('traits' as const), a: n, b: n }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('undo' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('redo' as const) }) },
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

const ids = (db: Db, sql: string) => (db.$client.prepare(sql).all() as { id: number }[]).map((r) => r.id);
const pick = <T>(list: readonly T[], k: number): T | undefined => list[k % Math.max(list.length, 1)];

/** Turns an abstract step into a concrete edit on the current library; undefined when it has nothing to act on. */
function apply(db: Db, s: Step): EditResult | undefined {
  const active = ids(db, 'SELECT id FROM individuals WHERE merged_into IS NULL AND detection_count > 0 ORDER BY id');
  const target = (k: number | null) => (k === null ? undefined : pick(active, k));
  const membersOf = (id: number) =>
    ids(
      db,
      `SELECT d.id FROM detections d JOIN tracklets t ON t.id = d.tracklet_id WHERE t.individual_id = ${id} ORDER BY d.id`,
    );
  switch (s.op) {
    case 'merge': {
      const [a, b, c] = [pick(active, s.a), pick(active, s.b), target(s.c)];
      return a === undefined || b === undefined
        ? undefined
        : merge(db, { targetId: a, sourceIds: c === undefined ? [b] : [b, c] });
    }
    case 'split': {
      const a = pick(active, s.a);
      if (a === undefined) return undefined;
      const chosen = membersOf(a).filter((_, i) => (s.mask >> (i % 8)) & 1);
      return chosen.length === 0 ? undefined : split(db, { detectionIds: chosen, intoIndividualId: target(s.into) });
    }
    case 'splitTracklet': {
      const t = pick(ids(db, 'SELECT id FROM tracklets ORDER BY id'), s.a);
      return t === undefined ? undefined : split(db, { trackletIds: [t], intoIndividualId: target(s.into) });
    }
    case 'review': {
      const id = pick(ids(db, "SELECT id FROM suggestions WHERE state IN ('pending', 'skipped') ORDER BY id"), s.a);
      return id === undefined ? undefined : review(db, { suggestionId: id, decision: s.decision });
    }
    case 'rename':
    case 'notes':
    case 'confirm':
    case 'cover': {
      const a = pick(active, s.a);
      if (a === undefined) return undefined;
      if (s.op === 'rename') return rename(db, { individualId: a, name: `Stag ${s.b}` });
      if (s.op === 'notes') return setNotes(db, { individualId: a, notes: `seen limping ${s.b}` });
      if (s.op === 'confirm') return confirm(db, { individualId: a, confirmed: s.b % 2 === 0 });
      return setCover(db, { individualId: a, detectionId: pick(membersOf(a), s.b)! });
    }
    case 'correct': {
      const d = pick(ids(db, 'SELECT id FROM detections ORDER BY id'), s.a)!;
      if (s.kind === 'false' || s.kind === 'unfalse')
        return correctDetection(db, { detectionId: d, falsePositive: s.kind === 'false' });
      if (s.kind === 'category')
        return correctDetection(db, { detectionId: d, category: s.a % 3 === 0 ? 'person' : 'animal' });
      return correctDetection(db, { detectionId: d, sexAge: pick(['doe', 'buck', 'fawn', null], s.a) ?? null });
    }
    case 'addBox': {
      const image = pick(ids(db, 'SELECT id FROM images ORDER BY id'), s.a)!;
      return addBox(db, { imageId: image, x: 0.05, y: 0.1, w: 0.2 + (s.a % 5) / 10, h: 0.3, category: 'animal' });
    }
    case 'traits': {
      const a = pick(active, s.a);
      return a === undefined
        ? undefined
        : setTraits(db, {
            individualId: a,
            sex: pick(['male', 'female', null], s.b) ?? null,
            ageClass: pick([undefined, 'adult', 'fawn'], s.b >> 2),
          });
    }
    case 'undo':
      return undo(db);
    case 'redo':
      return redo(db);
  }
}

function run(template: TestLibrary, steps: Step[]): void {
  const lib = copyTestLibrary(template);
  try {
    const original = fingerprintTables(lib.db);
    // States before each live edit (what undo must give back) and after each undone one (what redo must give back).
    const done: string[] = [];
    const undone: string[] = [];
    let current = original;
    for (const s of steps) {
      let result: EditResult | undefined;
      try {
        result = apply(lib.db, s);
      } catch (err) {
        if (!(err instanceof IndividualsError)) throw err;
        expect(fingerprintTables(lib.db), `a refused ${s.op} changed nothing`).toBe(current);
        continue;
      }
      const now = fingerprintTables(lib.db);
      if (result?.journalId == null) {
        expect(now, `${s.op} that journalled nothing changed nothing`).toBe(current);
        continue;
      }
      editsApplied++;
      if (s.op === 'undo') {
        expect(now, 'undo restores the state before the edit').toBe(done.pop());
        undone.push(current);
      } else if (s.op === 'redo') {
        expect(now, 'redo restores the state after the edit').toBe(undone.pop());
        done.push(current);
      } else {
        done.push(current);
        undone.length = 0;
      }
      expect(individualViolations(lib.db), `after ${JSON.stringify(s)}`).toEqual([]);
      current = now;
    }
    // Redo what is still undone, then the whole journal must unwind to the original and wind up again.
    while (redo(lib.db).journalId !== null) editsApplied++;
    const final = fingerprintTables(lib.db);
    while (undo(lib.db).journalId !== null) editsApplied++;
    expect(fingerprintTables(lib.db), 'undoing everything restores the original library').toBe(original);
    expect(individualViolations(lib.db)).toEqual([]);
    while (redo(lib.db).journalId !== null) editsApplied++;
    expect(fingerprintTables(lib.db), 'redoing everything restores the edited library').toBe(final);
  } finally {
    lib.close();
    lib.remove();
  }
}

describe('edits, property-based', () => {
  it('keep individuals consistent through random edits, undos and redos', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 }), fc.array(step, { minLength: 20, maxLength: 90 }), (t, steps) =>
        run(templates[t]!, steps),
      ),
      { numRuns: RUNS, seed: Number(process.env.THUMPER_PROPERTY_SEED ?? 20261128) },
    );
    // Enough steps to matter: the issue asks for thousands of edits in total.
    if (RUNS >= 50) expect(editsApplied).toBeGreaterThan(2000);
    console.log(`edits property test: ${editsApplied} edits, undos and redos applied over ${RUNS} runs`);
  }, 120_000);
});
