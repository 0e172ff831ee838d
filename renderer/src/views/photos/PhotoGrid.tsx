// The photo grid over the paged API: only visible cells exist in the DOM, only pages near the viewport in memory.
import type { PhotoSummary } from '../../../../core/contract/entities';
import { PagedGrid } from '../../components/PagedGrid';
import type { PagedList } from '../../data/usePagedList';
import { PhotoCell } from './PhotoCell';

export function PhotoGrid({
  list,
  onOpen,
  initialFocus,
}: {
  list: PagedList<PhotoSummary>;
  onOpen: (index: number, photo: PhotoSummary) => void;
  initialFocus: number;
}) {
  return (
    <PagedGrid
      list={list}
      what="photos"
      minCellWidth={196}
      cellHeight={(w) => Math.round(w * 0.75) + 40}
      renderItem={(photo, focused) => <PhotoCell photo={photo} focused={focused} />}
      onOpen={(photo, index) => onOpen(index, photo)}
      initialFocus={initialFocus}
      autoFocus
      label="Photos"
    />
  );
}
