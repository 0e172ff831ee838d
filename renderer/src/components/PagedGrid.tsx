// A VirtualGrid over a paged API list: cells read the list's page cache (re-rendered as pages arrive, since the
// list's owner re-renders), the visible range drives paging, and a failed page shows its error above the grid.
import type { ReactNode } from 'react';
import type { PagedList } from '../data/usePagedList';
import { ErrorNote } from './States';
import { VirtualGrid, type VirtualGridProps } from './VirtualGrid';

export interface PagedGridProps<T> extends Omit<
  VirtualGridProps,
  'count' | 'renderCell' | 'onRangeChange' | 'onOpen' | 'onToggle'
> {
  list: PagedList<T>;
  /** What the items are, for the error line ("photos"). */
  what: string;
  /** `item` is undefined while its page loads. */
  renderItem: (item: T | undefined, focused: boolean) => ReactNode;
  onOpen?: (item: T, index: number) => void;
  onToggle?: (item: T, index: number) => void;
}

export function PagedGrid<T>({ list, what, renderItem, onOpen, onToggle, ...grid }: PagedGridProps<T>) {
  const withItem = (fn: ((item: T, index: number) => void) | undefined) =>
    fn &&
    ((index: number) => {
      const item = list.item(index);
      if (item !== undefined) fn(item, index);
    });
  return (
    <>
      {list.error && <ErrorNote what={what} error={list.error} />}
      <VirtualGrid
        {...grid}
        count={list.total ?? 0}
        renderCell={(index, _w, focused) => renderItem(list.item(index), focused)}
        onRangeChange={list.setRange}
        onOpen={withItem(onOpen)}
        onToggle={withItem(onToggle)}
      />
    </>
  );
}
