// The Failed filter: every file that could not be imported or processed, one row each, with the reason a person can
// act on (not a photo, truncated, unreadable card) rather than a thumbnail that cannot exist.
import { useEffect } from 'react';
import type { PhotoSummary } from '../../../../core/contract/entities';
import type { PagedList } from '../../data/usePagedList';
import { formatLocal } from '../../lib/format';

/** Rows shown at once: a card rarely has more failures; the count above says when there are. */
const SHOWN = 500;

export function FailedList({ list }: { list: PagedList<PhotoSummary> }) {
  const { total, setRange } = list;
  const shown = Math.min(total ?? 0, SHOWN);
  useEffect(() => setRange(0, shown), [setRange, shown]);
  return (
    <div className="failed-list-wrap scroll">
      <table className="table failed-list" data-testid="failed-list">
        <thead>
          <tr>
            <th>File</th>
            <th>Camera</th>
            <th>Taken</th>
            <th>Why it failed</th>
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
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
