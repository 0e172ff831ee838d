// Every crop of an individual, virtualized and paged; a crop opens its photo in the viewer.
import type { IndividualCrop } from '../../../../core/contract/entities';
import { PagedGrid } from '../../components/PagedGrid';
import { Thumb } from '../../components/Thumb';
import { usePagedList } from '../../data/usePagedList';
import { DEFAULT_FILTERS } from '../../lib/filters';
import { formatLocal } from '../../lib/format';
import { navigate } from '../../store/nav';

export function CropGallery({
  individualId,
  selected,
  onToggle,
}: {
  individualId: number;
  selected: ReadonlySet<number>;
  onToggle: (crop: IndividualCrop) => void;
}) {
  const list = usePagedList<IndividualCrop>(
    `crops-${individualId}`,
    (api, offset, limit) => api.call('individuals.crops', { id: individualId, offset, limit }),
    120,
    ['detections', 'individuals'],
  );
  return (
    <div className="crop-gallery">
      <PagedGrid
        list={list}
        what="crops"
        minCellWidth={124}
        cellHeight={(w) => w + 24}
        gap={6}
        renderItem={(c, focused) =>
          c ? (
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
          ) : (
            <div className="cell placeholder" />
          )
        }
        onOpen={(c) => navigate({ view: 'viewer', imageId: c.imageId, filters: DEFAULT_FILTERS })}
        onToggle={onToggle}
        label="Crops"
        initialSize={{ width: 800, height: 420 }}
      />
    </div>
  );
}
