// What can be done with selected crops of a profile: make one the cover, split them off into a new individual, or
// move them to another individual. Each is one undoable edit.
import { useState } from 'react';
import { useEdit } from '../../data/useEdit';
import { useQuery } from '../../data/useQuery';
import { formatCount } from '../../lib/format';

export function CropActions({
  individualId,
  selected,
  onDone,
}: {
  individualId: number;
  selected: ReadonlySet<number>;
  onDone: () => void;
}) {
  const edit = useEdit();
  const [target, setTarget] = useState('');
  const others = useQuery(
    'individuals-by-name',
    (api) => api.call('individuals.query', { sort: 'name', offset: 0, limit: 500 }),
    ['individuals'],
  );
  const ids = [...selected];
  if (ids.length === 0)
    return <span className="muted small">Ctrl-click or Space selects crops; double-click opens the photo</span>;
  const finish = (r: unknown) => r && onDone();
  return (
    <div className="crop-actions" role="toolbar" aria-label="Selected crops">
      <strong>{formatCount(ids.length, 'crop')} selected</strong>
      {ids.length === 1 && (
        <button
          type="button"
          className="btn small"
          onClick={() =>
            edit('Cover changed.', (api) => api.call('edits.setCover', { individualId, detectionId: ids[0]! })).then(
              finish,
            )
          }
        >
          Set as cover
        </button>
      )}
      <button
        type="button"
        className="btn small"
        onClick={() =>
          edit('Split into a new individual.', (api) => api.call('edits.split', { detectionIds: ids })).then(finish)
        }
        data-testid="split-crops"
      >
        Split into new individual
      </button>
      <select aria-label="Move to individual" value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value="">Move to…</option>
        {others.data?.items
          .filter((i) => i.id !== individualId)
          .map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
      </select>
      {target && (
        <button
          type="button"
          className="btn small"
          onClick={() =>
            edit('Moved.', (api) =>
              api.call('edits.split', { detectionIds: ids, intoIndividualId: Number(target) }),
            ).then(finish)
          }
        >
          Move
        </button>
      )}
      <button type="button" className="btn ghost small" onClick={onDone}>
        Clear
      </button>
    </div>
  );
}
