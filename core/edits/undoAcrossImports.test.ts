// Undo after a later import: the matching run that follows an import rebuilds the suggestions, which must not block
// undoing a person's decision; anything else changed since is refused with a sentence that says what changed.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { individualViolations } from '../../testing/invariants';
import { copyTestLibrary, makeTestLibrary, type TestLibrary } from '../../testing/individualsLibrary';
import { EditConflictError, rename, review, undo } from '.';

let template: TestLibrary;
let lib: TestLibrary;
beforeAll(() => {
  template = makeTestLibrary({ seed: 21, cameras: 3, sequencesPerCamera: 5 });
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

const c = () => lib.db.$client;
const mergedInto = (id: number) =>
  (c().prepare('SELECT merged_into AS m FROM individuals WHERE id = ?').get(id) as { m: number | null }).m;

function acceptFirstPending() {
  const s = c()
    .prepare("SELECT id, individual_id AS a, candidate_id AS b FROM suggestions WHERE state = 'pending' LIMIT 1")
    .get() as {
    id: number;
    a: number;
    b: number;
  };
  review(lib.db, { suggestionId: s.id, decision: 'accept' });
  return { ...s, newer: Math.max(s.a, s.b) };
}

describe('undo across imports', () => {
  it('undoes an accepted suggestion after a later matching run replaced that suggestion', () => {
    const s = acceptFirstPending();
    expect(mergedInto(s.newer)).not.toBeNull();
    // What the match stage of a later import does: the suggestion rows are rebuilt.
    c().prepare('DELETE FROM suggestions WHERE id = ?').run(s.id);
    undo(lib.db);
    expect(mergedInto(s.newer)).toBeNull();
    expect(individualViolations(lib.db)).toEqual([]);
  });

  it('says plainly what changed when it cannot undo', () => {
    const id = (c().prepare('SELECT id FROM individuals ORDER BY id LIMIT 1').get() as { id: number }).id;
    rename(lib.db, { individualId: id, name: 'Notch' });
    c().prepare("UPDATE individuals SET name = 'Renamed later' WHERE id = ?").run(id);
    expect(() => undo(lib.db)).toThrow(EditConflictError);
    expect(() => undo(lib.db)).toThrow(
      'Cannot undo "rename": the name of an individual it changed was changed again since (by a later edit, import or processing run); undoing it would overwrite that. Nothing was changed.',
    );
    expect((c().prepare('SELECT name FROM individuals WHERE id = ?').get(id) as { name: string }).name).toBe(
      'Renamed later',
    );
  });
});
