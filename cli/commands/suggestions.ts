import { humanDuration } from '../../core/contract/humanDuration';
import type { Db } from '../../core/db/open';
import { individualSummaries } from '../../core/queries/individuals';
import { listPendingSuggestions, type SuggestionListing } from '../../core/reid/listings';
import { listCommand } from '../listCommand';
import { listTable, named } from '../humanText';

/** Each pair by name (with the ids `thumper review` and `merge` take), its score and why: "3 days apart". */
export function suggestionsText(rows: readonly SuggestionListing[], db: Db): string {
  const names = individualSummaries(
    db,
    rows.flatMap((s) => [s.individual, s.candidate]),
  );
  const who = (id: number) => named(names.get(id)?.name ?? 'deleted individual', id);
  return listTable(
    ['suggestion', 'individual', 'maybe the same as', 'score', 'appearance', 'apart', 'camera'],
    rows.map((s) => [
      String(s.id),
      who(s.individual),
      who(s.candidate),
      s.score.toFixed(2),
      s.appearance.toFixed(2),
      s.timeGapSeconds === null ? 'time unknown' : humanDuration(s.timeGapSeconds),
      s.sameCamera ? 'same camera' : 'other camera',
    ]),
    'no suggestions to review',
  );
}

export const suggestionsCommand = listCommand(
  'suggestions',
  'list the pending "same animal?" suggestions, most likely first',
  listPendingSuggestions,
  suggestionsText,
);
