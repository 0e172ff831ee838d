// Where the user is in the photo list: the viewer's previous/next walk the grid's filtered, sorted list from this
// index (reading the grid's page cache, so stepping through photos costs no query until it leaves the cached pages),
// and the grid scrolls back to it on return. Lost on reload, in which case the viewer falls back to the photo's
// sequence.
import { create } from 'zustand';
import type { PhotoSummary } from '../../../core/contract/entities';

export interface ListPosition {
  /** filtersKey() of the list the index belongs to. */
  listKey: string;
  index: number;
  total: number | null;
  /** The grid's cached items, if still held. */
  peek: ((index: number) => PhotoSummary | undefined) | null;
}

interface BrowseState extends ListPosition {
  setPosition: (position: ListPosition) => void;
  moveTo: (index: number) => void;
}

export const useBrowse = create<BrowseState>((set) => ({
  listKey: '',
  index: 0,
  total: null,
  peek: null,
  setPosition: (position) => set(position),
  moveTo: (index) => set({ index }),
}));
