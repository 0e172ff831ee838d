// The toast: bottom centre, dismissed after a while (errors stay until closed); Undo runs edits.undo.
import { useEffect } from 'react';
import { useUndo } from '../data/useEdit';
import { useToast } from '../store/toast';
import { Icon } from './Icon';

const VISIBLE_MS = 6000;

export function ToastBar() {
  const { toast, dismiss } = useToast();
  const undo = useUndo();
  useEffect(() => {
    if (!toast || toast.error) return;
    const timer = setTimeout(() => dismiss(toast.id), VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  if (!toast) return null;
  return (
    <div className={toast.error ? 'toast error' : 'toast'} role={toast.error ? 'alert' : 'status'} data-testid="toast">
      {toast.error && <Icon name="alert" size={16} />}
      <span>{toast.text}</span>
      {toast.undoable && (
        <button
          type="button"
          className="btn small"
          onClick={() => {
            dismiss(toast.id);
            undo();
          }}
        >
          Undo
        </button>
      )}
      <button type="button" className="chip-x" aria-label="Close" onClick={() => dismiss(toast.id)}>
        <Icon name="close" size={12} />
      </button>
    </div>
  );
}
