// The header Undo: enabled whenever the journal holds an edit (asked of the host, so it works after navigating away
// or reloading), named after what it would undo; it runs the app's shared undo.
import { editKindName, useUndo } from '../data/useEdit';
import { useQuery } from '../data/useQuery';

export function UndoButton({ shortcut }: { shortcut?: string }) {
  const status = useQuery('edit-status', (api) => api.call('edits.status', {}), [
    'individuals',
    'suggestions',
    'detections',
  ]);
  const undo = useUndo();
  const can = status.data?.canUndo ?? false;
  const what = editKindName(status.data?.undoKind ?? null);
  return (
    <button
      type="button"
      className="btn"
      onClick={() => void undo().then(status.reload)}
      disabled={!can}
      title={can ? `Undo ${what}${shortcut ? ` (${shortcut})` : ''}` : 'Nothing to undo'}
      data-testid="header-undo"
    >
      Undo
    </button>
  );
}
