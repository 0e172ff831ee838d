// Text that becomes a field on click; Enter (or blur) saves through `save`, Escape cancels; errors show in place.
import { useEffect, useState } from 'react';
import { Icon } from '../../components/Icon';

export function EditableText({
  value,
  save,
  multiline = false,
  placeholder,
  label,
  className,
}: {
  value: string;
  save: (next: string) => Promise<unknown>;
  multiline?: boolean;
  placeholder: string;
  label: string;
  className?: string;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(value), [value]);

  const commit = () => {
    if (draft === value) {
      setEditing(false);
      return;
    }
    setBusy(true);
    save(draft).then(
      () => {
        setBusy(false);
        setEditing(false);
        setError(null);
      },
      (e: Error) => {
        setBusy(false);
        setError(e.message);
      },
    );
  };
  const cancel = () => {
    setDraft(value);
    setEditing(false);
    setError(null);
  };

  if (!editing) {
    return (
      <button
        type="button"
        className={`editable ${className ?? ''}`}
        onClick={() => setEditing(true)}
        aria-label={`Edit ${label}`}
        title={`Edit ${label}`}
      >
        {value ? (
          <span className={multiline ? 'prewrap' : undefined}>{value}</span>
        ) : (
          <span className="muted">{placeholder}</span>
        )}
        <Icon name="edit" size={13} />
      </button>
    );
  }
  const common = {
    value: draft,
    disabled: busy,
    autoFocus: true,
    'aria-label': label,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Escape') cancel();
      if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        commit();
      }
    },
  };
  return (
    <div className={`editing ${className ?? ''}`}>
      {multiline ? <textarea rows={4} {...common} /> : <input type="text" {...common} />}
      {multiline && <span className="muted small">Ctrl+Enter to save, Esc to cancel</span>}
      {error && <p className="inline-error small">{error}</p>}
    </div>
  );
}
