// One thumbnail in the grid: the photo, what was found on it, when and where.
import { memo } from 'react';
import type { PhotoSummary } from '../../../../core/contract/entities';
import { Thumb } from '../../components/Thumb';
import { formatLocal } from '../../lib/format';

/** A clip's length as people read it on a tile: 0:10, 1:05. */
function formatClipLength(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

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
        {photo.mediaType === 'clip' && (
          <span className="badge dark" title="Video clip">
            ▶ {photo.durationMs === null ? 'clip' : formatClipLength(photo.durationMs)}
          </span>
        )}
        {failed && <span className="badge danger">failed</span>}
        {photo.state === 'missing' && <span className="badge danger">file missing</span>}
        {!failed && photo.state !== 'done' && photo.state !== 'missing' && <span className="badge">processing</span>}
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
