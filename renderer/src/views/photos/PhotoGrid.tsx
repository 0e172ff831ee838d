// The photo grid over the paged API: only visible cells exist in the DOM, only pages near the viewport in memory.
import { useCallback } from 'react';
import type { PhotoSummary } from '../../../../core/contract/entities';
import { ErrorNote } from '../../components/States';
import { VirtualGrid } from '../../components/VirtualGrid';
import type { PagedList } from '../../data/usePagedList';
import { PhotoCell } from './PhotoCell';

export function PhotoGrid({ list, onOpen, initialFocus }: { list: PagedList<PhotoSummary>; onOpen: (index: number, photo: PhotoSummary) => void; initialFocus: number }) {
  const { item, version } = list;
  const renderCell = useCallback(
    (index: number, _w: number, focused: boolean) => <PhotoCell photo={item(index)} focused={focused} />,
    // `version` changes when pages arrive, so cells re-read the cache.
    [item, version],
  );
  const open = (index: number) => {
    const photo = item(index);
    if (photo) onOpen(index, photo);
  };
  return (
    <>
      {list.error && <ErrorNote what="photos" error={list.error} />}
      <VirtualGrid
        count={list.total ?? 0}
        minCellWidth={196}
        cellHeight={(w) => Math.round(w * 0.75) + 40}
        renderCell={renderCell}
        onRangeChange={list.setRange}
        onOpen={open}
        initialFocus={initialFocus}
        label="Photos"
      />
    </>
  );
}
