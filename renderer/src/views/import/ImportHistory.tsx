// Past imports, newest first.
import { ErrorNote, Skeleton } from '../../components/States';
import { useQuery } from '../../data/useQuery';
import { formatWhen } from '../../lib/format';

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
  return (
    <section className="panel" aria-label="Import history">
      <header className="panel-header">
        <h2>History</h2>
        {history.data && <span className="muted small">{history.data.total.toLocaleString()} imports</span>}
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
    </section>
  );
}
