// Every crop of an individual, virtualized and paged; a crop opens its photo in the viewer.
import { useCallback } from 'react';
import type { IndividualCrop } from '../../../../core/contract/entities';
import { ErrorNote } from '../../components/States';
import { Thumb } from '../../components/Thumb';
import { VirtualGrid } from '../../components/VirtualGrid';
import { usePagedList } from '../../data/usePagedList';
import { DEFAULT_FILTERS } from '../../lib/filters';
import { formatLocal } from '../../lib/format';
import { navigate } from '../../store/nav';

export function CropGallery({ individualId, selected, onToggle }: { individualId: number; selected: ReadonlySet<number>; onToggle: (crop: IndividualCrop) => void }) {
  const list = usePagedList<IndividualCrop>(
    `crops-${individualId}`,
    (api, offset, limit) => api.call('individuals.crops', { id: individualId, offset, limit }),
    120,
    ['detections', 'individuals'],
  );
  const { item, version } = list;
  const renderCell = useCallback(
    (index: number, _w: number, focused: boolean) => {
      const c = item(index);
      if (!c) return <div className="cell placeholder" />;
      return (
        <div
          className={`cell crop${focused ? ' focused' : ''}${selected.has(c.detectionId) ? ' selected' : ''}`}
          title={`${formatLocal(c.takenAt)} · confidence ${Math.round(c.confidence * 100)}%`}
          data-detection-id={c.detectionId}
        >
          <Thumb media={{ kind: 'crop', id: c.detectionId }} alt={`Crop from ${formatLocal(c.takenAt)}`} />
          <div className="cell-caption">
            <span className="tabular small">{formatLocal(c.takenAt)}</span>
          </div>
        </div>
      );
    },
    // Re-render when pages arrive.
    [item, version, selected],
  );
  return (
    <div className="crop-gallery">
      {list.error && <ErrorNote what="crops" error={list.error} />}
      <VirtualGrid
        count={list.total ?? 0}
        minCellWidth={124}
        cellHeight={(w) => w + 24}
        gap={6}
        renderCell={renderCell}
        onRangeChange={list.setRange}
        onOpen={(i) => {
          const c = item(i);
          if (c) navigate({ view: 'viewer', imageId: c.imageId, filters: DEFAULT_FILTERS });
        }}
        onToggle={(i) => {
          const c = item(i);
          if (c) onToggle(c);
        }}
        label="Crops"
        initialSize={{ width: 800, height: 420 }}
      />
    </div>
  );
}
