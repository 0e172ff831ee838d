// Runs an edit through the API and reports it in the toast with Undo (every edit is journalled); failures say why.
import { useCallback } from 'react';
import type { ThumperApi } from '../../../core/contract/client';
import type { EditResult } from '../../../core/contract/entities';
import { useToast } from '../store/toast';
import { useApi } from './apiContext';

type RunEdit = <R extends EditResult>(done: string, run: (api: ThumperApi) => Promise<R>) => Promise<R | null>;

export function useEdit(): RunEdit {
  const api = useApi();
  return useCallback<RunEdit>(
    (done, run) =>
      run(api).then(
        (result) => {
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

export function useUndo(): () => void {
  const api = useApi();
  return useCallback(() => {
    api.call('edits.undo', {}).then(
      (r) => useToast.getState().show(r.journalId === null ? 'Nothing to undo.' : 'Undone.'),
      (e: Error) => useToast.getState().show(`Undo failed: ${e.message}`, { error: true }),
    );
  }, [api]);
}
