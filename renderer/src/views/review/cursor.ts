// Where the review desk is: the pair shown and the pairs decided here that the server may not reflect yet. A store,
// not component state, so it survives navigating away and an undo made anywhere can bring the desk back to its pair.
import { create } from 'zustand';

interface ReviewCursor {
  currentId: number | null;
  decided: ReadonlySet<number>;
  show: (id: number | null) => void;
  decide: (id: number, next: number | null) => void;
  /** A decision failed or was undone: the pair is open again and shown. */
  reopen: (id: number) => void;
  /** Forget local decisions the server's page no longer holds (it caught up). */
  keepOnly: (ids: ReadonlySet<number>) => void;
}

export const useReviewCursor = create<ReviewCursor>((set) => ({
  currentId: null,
  decided: new Set(),
  show: (id) => set({ currentId: id }),
  decide: (id, next) => set((s) => ({ decided: new Set(s.decided).add(id), currentId: next })),
  reopen: (id) =>
    set((s) => {
      const decided = new Set(s.decided);
      decided.delete(id);
      return { decided, currentId: id };
    }),
  keepOnly: (ids) =>
    set((s) => {
      const kept = [...s.decided].filter((id) => ids.has(id));
      return kept.length === s.decided.size ? s : { decided: new Set(kept) };
    }),
}));
