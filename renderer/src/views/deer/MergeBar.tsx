// Bulk actions on selected individuals: compare two side by side, merge several into one (the one with the most
// sightings by default), or set their species. Each is one undoable edit.
import { useState } from 'react';
import type { IndividualSummary } from '../../../../core/contract/entities';
import { useEdit } from '../../data/useEdit';
import { formatCount } from '../../lib/format';
import { navigate } from '../../store/nav';

export function MergeBar({
  selected,
  onDone,
  onSpecies,
}: {
  selected: ReadonlyMap<number, IndividualSummary>;
  onDone: () => void;
  /** Opens the species dialog for the selection (key s). */
  onSpecies: (individuals: IndividualSummary[]) => void;
}) {
  const edit = useEdit();
  const list = [...selected.values()].sort((a, b) => b.detectionCount - a.detectionCount);
  const [targetId, setTargetId] = useState<number | null>(null);
  const target = list.find((i) => i.id === targetId) ?? list[0]!;
  const sources = list.filter((i) => i.id !== target.id);
  return (
    <div className="merge-bar" role="toolbar" aria-label="Selected individuals" data-testid="merge-bar">
      <strong>{formatCount(list.length, 'individual')} selected</strong>
      {list.length === 2 && (
        <button
          type="button"
          className="btn small"
          onClick={() => navigate({ view: 'compare', a: list[0]!.id, b: list[1]!.id })}
        >
          Compare
        </button>
      )}
      {sources.length > 0 && (
        <>
          <span className="muted small">merge into</span>
          <select aria-label="Merge target" value={target.id} onChange={(e) => setTargetId(Number(e.target.value))}>
            {list.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name} ({i.detectionCount})
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn primary small"
            onClick={() =>
              window.confirm(`Merge ${sources.map((s) => s.name).join(', ')} into ${target.name}? It can be undone.`) &&
              edit(`Merged ${formatCount(sources.length, 'individual')} into ${target.name}.`, (api) =>
                api.call('edits.merge', { targetId: target.id, sourceIds: sources.map((s) => s.id) }),
              ).then((r) => r && onDone())
            }
            data-testid="merge-selected"
          >
            Merge
          </button>
        </>
      )}
      <button type="button" className="btn small" onClick={() => onSpecies(list)} title="Set the species (s)">
        Species… <kbd>s</kbd>
      </button>
      <button type="button" className="btn ghost small" onClick={onDone}>
        Clear
      </button>
    </div>
  );
}
