// Runs an edit through the API and reports it in the toast with Undo (every edit is journalled); failures say why.
// Each edit made here is remembered by its journal entry, so an undo (toast, header, u, Ctrl+Z) can say what it undid
// and let the view that made the edit go back to it (the review desk returns to the undone pair).
import { useCallback } from 'react';
import type { ThumperApi } from '../../../core/contract/client';
import type { EditResult } from '../../../core/contract/entities';
import { useToast } from '../store/toast';
import { useApi } from './apiContext';

export interface EditOptions {
  /** What an undo of this edit says it undid ("the merge of Deer 3 and Deer 7"); default: the done text. */
  undoes?: string;
  /** Runs after this edit is undone, wherever the undo came from. */
  onUndone?: () => void;
}

type RunEdit = <R extends EditResult>(
  done: string,
  run: (api: ThumperApi) => Promise<R>,
  options?: EditOptions,
) => Promise<R | null>;

interface Remembered {
  undoes: string;
  onUndone?: () => void;
}

/** Edits of this window by journal entry; entries made elsewhere (another window, the CLI) are named by kind. */
const remembered = new Map<number, Remembered>();
const KEEP = 200;

const KIND_NAMES: Record<string, string> = {
  rename: 'a rename',
  setNotes: 'a notes change',
  setCover: 'a cover change',
  confirm: 'a confirmation',
  merge: 'a merge',
  split: 'a split',
  'review:accept': 'a "same deer" merge',
  'review:reject': 'a "different deer" decision',
  'review:skip': 'a skip',
  correctDetection: 'a box correction',
  addBox: 'a hand-drawn box',
  setSpecies: 'a species change',
  setSexAge: 'a sex/age change',
};

/** How the header Undo and the undo toast name an edit of this kind. */
export function editKindName(kind: string | null): string {
  return (kind && KIND_NAMES[kind]) ?? 'the latest edit';
}

function remember(journalId: number, entry: Remembered): void {
  remembered.set(journalId, entry);
  if (remembered.size > KEEP) remembered.delete(remembered.keys().next().value!);
}

export function useEdit(): RunEdit {
  const api = useApi();
  return useCallback<RunEdit>(
    (done, run, options) =>
      run(api).then(
        (result) => {
          if (result.journalId !== null)
            remember(result.journalId, {
              undoes: options?.undoes ?? done.replace(/\.$/, ''),
              onUndone: options?.onUndone,
            });
          useToast.getState().show(done, { undoable: result.canUndo });
          return result;
        },
        (e: Error) => {
          useToast.getState().show(`${done.replace(/\.$/, '')} failed: ${e.message}`, { error: true });
          return null;
        },
      ),
    [api],
  );
}

/** Undoes the latest edit and says which one; resolves with the result (null when it failed). */
export function useUndo(): () => Promise<EditResult | null> {
  const api = useApi();
  return useCallback(
    () =>
      api
        .call('edits.status', {})
        .then(async (status) => {
          const r = await api.call('edits.undo', {});
          if (r.journalId === null) {
            useToast.getState().show('Nothing to undo.');
            return r;
          }
          const mine = remembered.get(r.journalId);
          remembered.delete(r.journalId);
          useToast.getState().show(`Undone: ${mine?.undoes ?? editKindName(status.undoKind)}.`);
          mine?.onUndone?.();
          return r;
        })
        .catch((e: Error) => {
          useToast.getState().show(`Undo failed: ${e.message}`, { error: true });
          return null;
        }),
    [api],
  );
}
