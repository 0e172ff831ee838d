// Photos grouped by visit: one card per sequence (its first photo, camera, time, frame count).
import { useEffect } from 'react';
import type { Sequence } from '../../../../core/contract/entities';
import { PagedGrid } from '../../components/PagedGrid';
import { Thumb } from '../../components/Thumb';
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
        // Visits follow the grid's sort: only time orders apply to them, newest first unless asked otherwise.
        newestFirst: filters.sort !== 'oldest',
      }),
    120,
    ['photos'],
  );
  useEffect(() => onTotal?.(list.total), [onTotal, list.total]);
  return (
    <PagedGrid
      list={list}
      what="visits"
      minCellWidth={220}
      cellHeight={(w) => Math.round(w * 0.75) + 40}
      renderItem={(s, focused) =>
        s ? (
          <div className={focused ? 'cell sequence focused' : 'cell sequence'}>
            {s.coverPhotoId ? (
              <Thumb
                media={{ kind: 'thumbnail', id: s.coverPhotoId }}
                alt={`Visit at ${s.camera ?? 'unknown camera'}`}
              />
            ) : (
              <div className="thumb" />
            )}
            <div className="cell-badges">
              <span className="badge dark">{formatCount(s.photoCount, 'photo')}</span>
              {s.detections > 0 && <span className="badge dark">{formatCount(s.detections, 'detection')}</span>}
            </div>
            <div className="cell-caption">
              <span className="tabular">{formatLocal(s.start)}</span>
              <span className="muted ellipsis">{s.camera ?? 'unknown camera'}</span>
            </div>
          </div>
        ) : (
          <div className="cell placeholder" />
        )
      }
      onOpen={(s) => s.coverPhotoId && navigate({ view: 'viewer', imageId: s.coverPhotoId, filters })}
      label="Visits"
    />
  );
}
