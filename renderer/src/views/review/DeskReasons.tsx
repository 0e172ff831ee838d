// The middle of the review desk's decision bar: the score and the reasons behind it (the same reasons the profile's
// "possibly the same" band gives), with the pair's place in the queue.
import type { Suggestion } from '../../../../core/contract/entities';
import { useQuery } from '../../data/useQuery';
import { formatGap, type QueuePosition } from './queue';

/** Reasons computed from the suggestion itself, while (or if) the richer ones are not available. */
export function basicReasons(s: Suggestion): string[] {
  const where = s.sameCamera ? 'same camera' : 'different cameras';
  return [
    `looks alike (${s.appearance.toFixed(2)})`,
    s.timeGapSeconds === null ? where : `${where}, ${formatGap(s.timeGapSeconds)} apart`,
  ];
}

export function DeskReasons({ suggestion, position }: { suggestion: Suggestion; position: QueuePosition }) {
  const band = useQuery(
    `possibly-same-${suggestion.individualId}`,
    (api) => api.call('individuals.possiblySame', { id: suggestion.individualId, limit: 20 }),
    ['individuals', 'suggestions'],
  );
  const reasons =
    band.data?.find((c) => c.candidate.id === suggestion.candidateId)?.reasons ?? basicReasons(suggestion);
  return (
    <div className="desk-reasons">
      <div className="desk-score" title="Appearance similarity, adjusted for time and place">
        <span className="score-value tabular">{Math.round(suggestion.score * 100)}%</span>
        <span className="muted small">match</span>
      </div>
      <ul className="reason-list" aria-label="Why they may be the same deer" data-testid="review-reasons">
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <p className="desk-rank small tabular" data-testid="review-rank">
        Pair {position.pair} of {position.pairs}
        {position.candidates > 1 && (
          <span className="muted" title="← → show the other candidates">
            {' '}
            · candidate {position.candidate} of {position.candidates}
          </span>
        )}
      </p>
    </div>
  );
}
