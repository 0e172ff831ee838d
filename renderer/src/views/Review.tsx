// Placeholder until the review queue (issue 7) lands: says what will be here and how many suggestions wait.
import { EmptyState } from '../components/States';
import { ViewHeader } from '../components/ViewHeader';
import { useQuery } from '../data/useQuery';

export function Review() {
  const stats = useQuery('review-stats', (api) => api.call('library.stats', {}), ['suggestions']);
  const n = stats.data?.suggestionsPending ?? 0;
  return (
    <div className="view review" data-testid="view-review">
      <ViewHeader title="Review" subtitle={`${n.toLocaleString()} suggestions waiting`} />
      <div className="view-body">
        <EmptyState icon="review" title={n ? 'Suggestions are waiting' : 'Nothing to review'}>
          Thumper proposes pairs of individuals that may be the same deer. Confirm or reject them here to build your herd.
        </EmptyState>
      </div>
    </div>
  );
}
