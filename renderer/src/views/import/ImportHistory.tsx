// Past imports, newest first.
import { ErrorNote, Skeleton } from '../../components/States';
import { useQuery } from '../../data/useQuery';
import { formatCount, formatWhen } from '../../lib/format';
import { useJobs } from '../../store/jobs';

const STATUS_LABEL = {
  running: 'running',
  done: 'done',
  cancelled: 'cancelled',
  failed: 'failed',
  interrupted: 'interrupted',
} as const;

export function ImportHistory() {
  const history = useQuery('import-history', (api) => api.call('import.history', { offset: 0, limit: 50 }), [
    'imports',
  ]);
  // "done" means copied; photos still waiting to be processed (models missing, a cancelled run) are said apart.
  const stats = useQuery('library-stats', (api) => api.call('library.stats', {}), ['photos']);
  const models = useQuery('models-status', (api) => api.call('models.status', {}), ['settings']);
  const running = useJobs((s) => s.progress !== null);
  const waiting = running ? 0 : (stats.data?.images.pending ?? 0);
  return (
    <section className="panel" aria-label="Import history">
      <header className="panel-header">
        <h2>History</h2>
        {history.data && <span className="muted small">{formatCount(history.data.total, 'import')}</span>}
      </header>
      {history.error ? (
        <ErrorNote what="import history" error={history.error} retry={history.reload} />
      ) : !history.data ? (
        <Skeleton height={80} />
      ) : history.data.items.length === 0 ? (
        <p className="muted small">Nothing imported yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Started</th>
              <th>From</th>
              <th className="num">Photos</th>
              <th className="num">Failed</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {history.data.items.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">{formatWhen(r.startedAt)}</td>
                <td className="ellipsis" title={r.sources.join('\n')}>
                  <code>{r.sources.join(', ')}</code>
                </td>
                <td className="num tabular">{r.photos.toLocaleString()}</td>
                <td className="num tabular">{r.failed ? r.failed.toLocaleString() : '—'}</td>
                <td>
                  <span className={`status status-${r.status}`}>{STATUS_LABEL[r.status]}</span>
                  {r.status === 'interrupted' && (
                    <span className="muted small"> · import the same card again to finish</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {waiting > 0 && (
        <p className="inline-warning" data-testid="waiting-note">
          {formatCount(waiting, 'photo')} copied but not processed yet
          {models.data && !models.data.ready ? ': Thumper needs its models first. ' : '. '}
          <a href="#/models">{models.data && !models.data.ready ? 'Open Models' : 'See Models'}</a>
        </p>
      )}
    </section>
  );
}
