// Camera identities: merge another identity into this one (the same camera seen under two keys), or split this one
// at a time (two cameras that shared a key). Photos, sequences and deployments move with them.
import { useState } from 'react';
import type { CameraPlace } from '../../../../core/contract/cameras';
import { useApi } from '../../data/apiContext';
import { useToast } from '../../store/toast';

export function IdentityActions({
  camera,
  others,
  onChanged,
}: {
  camera: CameraPlace;
  others: CameraPlace[];
  onChanged: (cameraId: number) => void;
}) {
  const api = useApi();
  const [mergeId, setMergeId] = useState('');
  const [splitFrom, setSplitFrom] = useState('');
  const [splitName, setSplitName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fail = (e: Error) => setError(e.message);

  const merge = () => {
    const source = others.find((o) => String(o.id) === mergeId);
    if (!source) return;
    if (
      !window.confirm(`Merge “${source.name}” into “${camera.name}”? Its ${source.photos} photos become this camera's.`)
    )
      return;
    api.call('cameras.merge', { targetId: camera.id, sourceIds: [source.id] }).then((c) => {
      useToast.getState().show(`“${source.name}” merged into “${camera.name}”.`);
      setMergeId('');
      setError(null);
      onChanged(c.id);
    }, fail);
  };
  const split = () => {
    if (!splitFrom || !splitName.trim()) return setError('give the time the other camera starts and its name');
    api.call('cameras.split', { cameraId: camera.id, from: splitFrom, name: splitName.trim() }).then((c) => {
      useToast.getState().show(`${c.photos} photos are now camera “${c.name}”.`);
      setSplitFrom('');
      setSplitName('');
      setError(null);
      onChanged(c.id);
    }, fail);
  };

  return (
    <div className="identity-actions">
      <div className="input-row">
        <select value={mergeId} onChange={(e) => setMergeId(e.target.value)} aria-label="Camera to merge into this one">
          <option value="">Same camera as…</option>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({o.photos} photos)
            </option>
          ))}
        </select>
        <button type="button" className="btn small" disabled={!mergeId} onClick={merge}>
          Merge into this
        </button>
      </div>
      <div className="input-row">
        <input
          type="datetime-local"
          value={splitFrom}
          onChange={(e) => setSplitFrom(e.target.value)}
          aria-label="Split from"
        />
        <input
          value={splitName}
          onChange={(e) => setSplitName(e.target.value)}
          placeholder="Other camera's name"
          aria-label="New camera name"
        />
        <button type="button" className="btn small" onClick={split}>
          Split from then
        </button>
      </div>
      {error && <p className="inline-error">{error}</p>}
    </div>
  );
}
