// Where the user is in the photo list: the viewer's previous/next walk the grid's filtered, sorted list from this
// index, and the grid scrolls back to it on return. Lost on reload, in which case the viewer falls back to the
// photo's sequence.
import { create } from 'zustand';

interface BrowseState {
  /** filtersKey() of the list the index belongs to. */
  listKey: string | null;
  index: number;
  setPosition: (listKey: string, index: number) => void;
}

export const useBrowse = create<BrowseState>((set) => ({
  listKey: null,
  index: 0,
  setPosition: (listKey, index) => set({ listKey, index }),
}));
