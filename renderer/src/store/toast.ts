// One line at the bottom of the window after an edit: what happened, with Undo; or why it failed.
import { create } from 'zustand';

export interface Toast {
  id: number;
  text: string;
  error: boolean;
  undoable: boolean;
}

interface ToastState {
  toast: Toast | null;
  show: (text: string, options?: { error?: boolean; undoable?: boolean }) => void;
  dismiss: (id?: number) => void;
}

let next = 1;

export const useToast = create<ToastState>((set, get) => ({
  toast: null,
  show: (text, options) =>
    set({ toast: { id: next++, text, error: options?.error ?? false, undoable: options?.undoable ?? false } }),
  dismiss: (id) => {
    if (id === undefined || get().toast?.id === id) set({ toast: null });
  },
}));
