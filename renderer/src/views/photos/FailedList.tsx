// The Failed filter: every file that could not be imported or processed, one row each, with the reason a person can
// act on (not a photo, truncated, unreadable card) rather than a thumbnail that cannot exist.
import { useEffect, useState } from 'react';
import type { PhotoSummary } from '../../../../core/contract/entities';
import { useApi } from '../../data/apiContext';
import type { PagedList } from '../../data/usePagedList';
import { formatLocal } from '../../lib/format';
import { navigate } from '../../store/nav';

/** Rows shown at once: a card rarely has more failures; the count above says when there are. */
const SHOWN = 500;

export function FailedList({ list }: { list: PagedList<PhotoSummary> }) {
  const api = useApi();
  const { total, setRange } = list;
  const shown = Math.min(total ?? 0, SHOWN);
  const [retry, setRetry] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  useEffect(() => setRange(0, shown), [setRange, shown]);
  // A retry is a job like an import: follow it on the dashboard.
  const start = (ids?: number[]) => {
    setRetry({ busy: true, error: null });
    api.call('photos.retryFailed', ids ? { ids } : {}).then(
      () => navigate({ view: 'dashboard' }),
      (e: Error) => setRetry({ busy: false, error: `Could not retry: ${e.message}` }),
    );
  };
  return (
    <div className="failed-list-wrap scroll">
      <div className="failed-actions">
        <button
          type="button"
          className="btn primary"
          disabled={retry.busy || !total}
          onClick={() => start()}
          data-testid="retry-all"
        >
          Retry all
        </button>
        <span className="muted small">
          Photos the library holds are processed again; files it refused are read again from where they came from.
        </span>
        {retry.error && <p className="inline-error">{retry.error}</p>}
      </div>
      <table className="table failed-list" data-testid="failed-list">
        <thead>
          <tr>
            <th>File</th>
            <th>Camera</th>
            <th>Taken</th>
            <th>Why it failed</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: shown }, (_, i) => {
            const p = list.item(i);
            return (
              <tr key={p?.id ?? `row-${i}`} data-photo-id={p?.id}>
                <td>
                  <code>{p?.fileName ?? '…'}</code>
                </td>
                <td>{p ? (p.camera ?? 'unknown camera') : ''}</td>
                <td className="tabular">{p?.takenAt ? formatLocal(p.takenAt) : ''}</td>
                <td className="failed-reason">{p ? (p.error ?? 'no reason was recorded') : ''}</td>
                <td>
                  {p && (
                    <button type="button" className="btn small" disabled={retry.busy} onClick={() => start([p.id])}>
                      Retry
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
