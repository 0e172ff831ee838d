// One thumbnail in the grid: the photo, what was found on it, when and where.
import { memo } from 'react';
import type { PhotoSummary } from '../../../../core/contract/entities';
import { Thumb } from '../../components/Thumb';
import { formatLocal } from '../../lib/format';

export const PhotoCell = memo(function PhotoCell({
  photo,
  focused,
}: {
  photo: PhotoSummary | undefined;
  focused: boolean;
}) {
  if (!photo) return <div className="cell placeholder" aria-busy="true" />;
  const failed = photo.state === 'failed';
  return (
    <div className={focused ? 'cell focused' : 'cell'} data-photo-id={photo.id} title={photo.error ?? photo.fileName}>
      {photo.hasOriginal ? (
        <Thumb media={{ kind: 'thumbnail', id: photo.id }} alt={photo.fileName} />
      ) : (
        <div className="thumb error">
          {/* A file the import refused never had a copy in the library: say why rather than "missing". */}
          <span className="thumb-missing">{failed ? (photo.error ?? 'could not be imported') : 'file missing'}</span>
        </div>
      )}
      <div className="cell-badges">
        {failed && <span className="badge danger">failed</span>}
        {!failed && photo.state !== 'done' && <span className="badge">processing</span>}
        {photo.detections > 0 && (
          <span className="badge dark" title={photo.categories.join(', ')}>
            {photo.detections}{' '}
            {photo.categories.includes('animal')
              ? photo.detections === 1
                ? 'animal'
                : 'animals'
              : photo.categories[0]}
          </span>
        )}
      </div>
      <div className="cell-caption">
        <span className="tabular">{formatLocal(photo.takenAt)}</span>
        <span className="muted ellipsis">{photo.camera ?? 'unknown camera'}</span>
      </div>
    </div>
  );
});
