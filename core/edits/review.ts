// Deciding a "same deer?" suggestion. Accept merges the pair (the candidate, the individual already known, absorbs
// the new one); reject is remembered with the members' signature, so core/reid never proposes the pair again until
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

export function review(db: Db, args: { suggestionId: number; decision: Decision }): EditResult {
  return runEdit(db, `review:${args.decision}`, args, () => {
    const s = db.$client
      .prepare('SELECT individual_id AS individualId, candidate_id AS candidateId, state FROM suggestions WHERE id = ?')
      .get(args.suggestionId) as SuggestionRow | undefined;
    if (!s) throw new IndividualsError(`suggestion ${args.suggestionId} does not exist`);
    // A skipped pair can be brought back and decided later; anything else was already settled.
    if (s.state !== 'pending' && s.state !== 'skipped') throw new IndividualsError(`suggestion ${args.suggestionId} is already ${s.state}`);
    db.$client
      .prepare(`UPDATE suggestions SET state = ?, decided_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`)
      .run(STATE[args.decision], args.suggestionId);
    if (args.decision !== 'accept') return [s.individualId, s.candidateId];
    const changed = mergeIndividuals(db, s.candidateId, [s.individualId]);
    membersChanged(db, changed);
    return changed;
  });
}
