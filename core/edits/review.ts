// Deciding a "same deer?" suggestion. Accept merges the pair: the older individual (lower id, the one people have
// had longest to name and annotate) absorbs the newer, unless only the newer one is confirmed; reject is remembered with the members' signature, so core/reid never proposes the pair again until
// either side's members change; skip just takes it out of the queue.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { getSuggestionPair, suggestionBetween, type SuggestionPair } from '../db/suggestions';
import { individuals, suggestions, type SuggestionState } from '../db/schema';
import { IndividualsError, mergeIndividuals } from '../individuals';
import { runEdit, type EditResult } from './journal';
import { membersChanged } from './maintenance';

export type Decision = 'accept' | 'reject' | 'skip';

const STATE: Record<Decision, SuggestionState> = { accept: 'accepted', reject: 'rejected', skip: 'skipped' };

function survivorFirst(db: Db, a: number, b: number): [number, number] {
  const isConfirmed = (id: number) =>
    db.select({ confirmed: individuals.confirmed }).from(individuals).where(eq(individuals.id, id)).get()?.confirmed ===
    true;
  const [older, newer] = a < b ? [a, b] : [b, a];
  return isConfirmed(newer) && !isConfirmed(older) ? [newer, older] : [older, newer];
}

/**
 * The suggestion a decision applies to. A superseded one stands for the same two individuals' newer open suggestion:
 * an edit made a moment earlier (a merge, a sex/age key) re-makes the pairs under new ids while the desk still shows
 * the old page, and the person decided about those two deer.
 */
function openSuggestion(db: Db, suggestionId: number): SuggestionPair {
  const s = getSuggestionPair(db, suggestionId);
  if (!s) throw new IndividualsError(`suggestion ${suggestionId} does not exist`);
  // A skipped pair can be brought back and decided later; anything else was already settled.
  if (s.state === 'pending' || s.state === 'skipped') return s;
  const successor =
    s.state === 'superseded' ? suggestionBetween(db, s.individualId, s.candidateId, ['pending', 'skipped']) : undefined;
  if (!successor) throw new IndividualsError(`suggestion ${suggestionId} is already ${s.state}`);
  return successor;
}

export function review(db: Db, args: { suggestionId: number; decision: Decision }): EditResult {
  return runEdit(db, `review:${args.decision}`, args, () => {
    const s = openSuggestion(db, args.suggestionId);
    db.update(suggestions)
      .set({ state: STATE[args.decision], decidedAt: sql`strftime('%Y-%m-%dT%H:%M:%fZ','now')` })
      .where(eq(suggestions.id, s.id))
      .run();
    if (args.decision !== 'accept') return [s.individualId, s.candidateId];
    const [target, source] = survivorFirst(db, s.individualId, s.candidateId);
    const changed = mergeIndividuals(db, target, [source]);
    membersChanged(db, changed);
    return changed;
  });
}
