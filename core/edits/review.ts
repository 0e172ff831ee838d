// Deciding a "same deer?" suggestion. Accept merges the pair: the older individual (lower id, the one people have
// had longest to name and annotate) absorbs the newer, unless only the newer one is confirmed; reject is remembered with the members' signature, so core/reid never proposes the pair again until
// either side's members change; skip just takes it out of the queue.
import type { Db } from '../db/open';
import { IndividualsError, mergeIndividuals } from '../individuals';
import { runEdit, type EditResult } from './journal';
import { membersChanged } from './maintenance';

export type Decision = 'accept' | 'reject' | 'skip';

const STATE: Record<Decision, string> = { accept: 'accepted', reject: 'rejected', skip: 'skipped' };

interface SuggestionRow {
  individualId: number;
  candidateId: number;
  state: string;
}

function survivorFirst(db: Db, a: number, b: number): [number, number] {
  const isConfirmed = (id: number) =>
    (db.$client.prepare('SELECT confirmed FROM individuals WHERE id = ?').get(id) as { confirmed: number } | undefined)
      ?.confirmed === 1;
  const [older, newer] = a < b ? [a, b] : [b, a];
  return isConfirmed(newer) && !isConfirmed(older) ? [newer, older] : [older, newer];
}

export function review(db: Db, args: { suggestionId: number; decision: Decision }): EditResult {
  return runEdit(db, `review:${args.decision}`, args, () => {
    const s = db.$client
      .prepare('SELECT individual_id AS individualId, candidate_id AS candidateId, state FROM suggestions WHERE id = ?')
      .get(args.suggestionId) as SuggestionRow | undefined;
    if (!s) throw new IndividualsError(`suggestion ${args.suggestionId} does not exist`);
    // A skipped pair can be brought back and decided later; anything else was already settled.
    if (s.state !== 'pending' && s.state !== 'skipped')
      throw new IndividualsError(`suggestion ${args.suggestionId} is already ${s.state}`);
    db.$client
      .prepare(`UPDATE suggestions SET state = ?, decided_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`)
      .run(STATE[args.decision], args.suggestionId);
    if (args.decision !== 'accept') return [s.individualId, s.candidateId];
    const [target, source] = survivorFirst(db, s.individualId, s.candidateId);
    const changed = mergeIndividuals(db, target, [source]);
    membersChanged(db, changed);
    return changed;
  });
}
