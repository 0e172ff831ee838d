// Photos grouped by visit: one card per sequence (its first photo, camera, time, frame count).
import { useCallback, useEffect } from 'react';
import type { Sequence } from '../../../../core/contract/entities';
import { ErrorNote } from '../../components/States';
import { Thumb } from '../../components/Thumb';
import { VirtualGrid } from '../../components/VirtualGrid';
import { usePagedList } from '../../data/usePagedList';
import { filtersKey, type PhotoFilters } from '../../lib/filters';
import { formatCount, formatLocal } from '../../lib/format';
import { navigate } from '../../store/nav';

export function SequenceGrid({ filters, onTotal }: { filters: PhotoFilters; onTotal?: (n: number | null) => void }) {
  const list = usePagedList<Sequence>(
    `seq:${filtersKey(filters)}`,
    (api, offset, limit) =>
      api.call('sequences.query', {
        offset,
        limit,
        ...(filters.cameraIds.length ? { cameraIds: filters.cameraIds } : {}),
        ...(filters.from ? { from: filters.from } : {}),
        ...(filters.to ? { to: filters.to } : {}),
      }),
    120,
    ['photos'],
  );
  useEffect(() => onTotal?.(list.total), [onTotal, list.total]);
  const { item, version } = list;
  const renderCell = useCallback(
    (index: number, _w: number, focused: boolean) => {
      const s = item(index);
      if (!s) return <div className="cell placeholder" />;
      return (
        <div className={focused ? 'cell sequence focused' : 'cell sequence'}>
          {s.coverPhotoId ? <Thumb media={{ kind: 'thumbnail', id: s.coverPhotoId }} alt={`Visit at ${s.camera ?? 'unknown camera'}`} /> : <div className="thumb" />}
          <div className="cell-badges">
            <span className="badge dark">{formatCount(s.photoCount, 'photo')}</span>
            {s.detections > 0 && <span className="badge dark">{formatCount(s.detections, 'detection')}</span>}
          </div>
          <div className="cell-caption">
            <span className="tabular">{formatLocal(s.start)}</span>
            <span className="muted ellipsis">{s.camera ?? 'unknown camera'}</span>
          </div>
        </div>
      );
    },
    // Re-render when pages arrive.
    [item, version],
  );
  return (
    <>
      {list.error && <ErrorNote what="visits" error={list.error} />}
      <VirtualGrid
        count={list.total ?? 0}
        minCellWidth={220}
        cellHeight={(w) => Math.round(w * 0.75) + 40}
        renderCell={renderCell}
        onRangeChange={list.setRange}
        onOpen={(i) => {
          const s = item(i);
          if (s?.coverPhotoId) navigate({ view: 'viewer', imageId: s.coverPhotoId, filters });
        }}
        label="Visits"
      />
    </>
  );
}
