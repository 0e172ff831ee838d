// The photo browser: filters, a virtualized grid over the paged API, optionally grouped by visit.
import { useState } from 'react';
import type { PhotoSummary } from '../../../core/contract/entities';
import { EmptyState, LoadingBar } from '../components/States';
import { ViewHeader } from '../components/ViewHeader';
import { usePagedList } from '../data/usePagedList';
import { useQuery } from '../data/useQuery';
import { activeFilterCount, clearFilters, filtersKey, toPhotoQuery, type PhotoFilters } from '../lib/filters';
import { formatCount } from '../lib/format';
import { useBrowse } from '../store/browse';
import { navigate } from '../store/nav';
import { FailedList } from './photos/FailedList';
import { FilterBar, SortControls } from './photos/FilterBar';
import { PhotoGrid } from './photos/PhotoGrid';
import { SequenceGrid } from './photos/SequenceGrid';

export function Photos({ filters }: { filters: PhotoFilters }) {
  const key = filtersKey(filters);
  const list = usePagedList<PhotoSummary>(
    key,
    (api, offset, limit) => api.call('photos.query', toPhotoQuery(filters, offset, limit)),
    120,
    ['photos', 'detections'],
  );
  // Failed files are counted apart from the photos (many are not photos at all) and have their own filter.
  const failed = useQuery(
    'photos-failed-count',
    (api) => api.call('photos.query', { filter: { states: ['failed'] }, offset: 0, limit: 1 }),
    ['photos'],
  );
  const failedCount = failed.data?.total ?? 0;
  const browse = useBrowse();
  const [visits, setVisits] = useState<number | null>(null);
  const setFilters = (f: PhotoFilters) => navigate({ view: 'photos', filters: f }, { replace: true });
  const filtered = activeFilterCount(filters) > 0;
  const subtitle = filters.groupBySequence
    ? visits === null
      ? '…'
      : formatCount(visits, 'visit')
    : list.total === null
      ? '…'
      : filters.content === 'failed'
        ? `${formatCount(list.total, 'file')} could not be imported or processed`
        : filtered
          ? `${formatCount(list.total, 'photo')} match the filters`
          : `${formatCount(list.total - failedCount, 'photo')}${failedCount ? ` · ${formatCount(failedCount, 'failed file')}` : ''}`;

  return (
    <div className="view photos" data-testid="view-photos">
      <ViewHeader title="Photos" subtitle={<span data-testid="photo-count">{subtitle}</span>}>
        <SortControls filters={filters} onChange={setFilters} />
      </ViewHeader>
      <FilterBar filters={filters} onChange={setFilters} />
      {filters.groupBySequence && filtered && (
        <p className="inline-note">Grouped by visit: only the camera and date filters apply.</p>
      )}
      <div className="view-body grid-body">
        <LoadingBar active={list.loading} />
        {filters.groupBySequence ? (
          <SequenceGrid filters={filters} onTotal={setVisits} />
        ) : filters.content === 'failed' && list.total !== 0 ? (
          <FailedList list={list} />
        ) : list.total === 0 ? (
          filtered ? (
            <EmptyState
              icon="filter"
              title="No photos match these filters"
              action={
                <button type="button" className="btn" onClick={() => setFilters(clearFilters(filters))}>
                  Clear filters
                </button>
              }
            >
              Widen the date range, pick more cameras or clear the filters.
            </EmptyState>
          ) : (
            <EmptyState
              icon="photos"
              title="No photos yet"
              action={
                <button type="button" className="btn primary" onClick={() => navigate({ view: 'import' })}>
                  Import photos
                </button>
              }
            >
              Photos appear here as soon as an import starts copying them.
            </EmptyState>
          )
        ) : (
          <PhotoGrid
            key={key}
            list={list}
            initialFocus={browse.listKey === key ? browse.index : 0}
            onOpen={(index, photo) => {
              browse.setPosition({ listKey: key, index, total: list.total, peek: list.item });
              navigate({ view: 'viewer', imageId: photo.id, filters });
            }}
          />
        )}
      </div>
    </div>
  );
}
