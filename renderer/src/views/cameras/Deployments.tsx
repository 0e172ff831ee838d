// A camera's deployments: each move or re-aim from a date on, with the place and the set-up fields Camtrap DP allows.
// Before its first deployment a camera stands where its own coordinates say.
import { useState } from 'react';
import { FEATURE_TYPES, type CameraPlace, type FeatureType } from '../../../../core/contract/cameras';
import { useApi } from '../../data/apiContext';
import { formatLocal } from '../../lib/format';
import { checkPlace } from './placeInput';

const EMPTY = {
  start: '',
  latitude: '',
  longitude: '',
  locationName: '',
  height: '',
  bait: '',
  feature: '',
  habitat: '',
  comments: '',
};

const featureLabel = (f: string) => f.replace(/([A-Z])/g, ' $1').toLowerCase();

export function Deployments({ camera, onChanged }: { camera: CameraPlace; onChanged: () => void }) {
  const api = useApi();
  const [draft, setDraft] = useState(EMPTY);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [k]: e.target.value });

  const add = () => {
    const place = checkPlace({ latitude: draft.latitude, longitude: draft.longitude, utcOffset: '' });
    if ('error' in place) return setError(place.error);
    const height = draft.height.trim() === '' ? null : Number(draft.height);
    if (height !== null && !(height >= 0 && height <= 100))
      return setError('height is metres above the ground, 0 to 100');
    if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/.test(draft.start))
      return setError('give the date (and time) the camera was moved');
    setError(null);
    api
      .call('cameras.addDeployment', {
        cameraId: camera.id,
        start: draft.start,
        latitude: place.values.latitude,
        longitude: place.values.longitude,
        locationName: draft.locationName.trim() || null,
        cameraHeight: height,
        baitUse: draft.bait === '' ? null : draft.bait === 'yes',
        featureType: (draft.feature || null) as FeatureType | null,
        habitat: draft.habitat.trim() || null,
        comments: draft.comments,
      })
      .then(
        () => {
          setDraft(EMPTY);
          setOpen(false);
          onChanged();
        },
        (e: Error) => setError(e.message),
      );
  };
  const remove = (id: number) =>
    api.call('cameras.removeDeployment', { id }).then(onChanged, (e: Error) => setError(e.message));

  return (
    <div className="deployments" data-testid="deployments">
      {camera.deployments.length === 0 ? (
        <p className="muted small">One placement: the camera has not been moved.</p>
      ) : (
        <table className="table compact">
          <thead>
            <tr>
              <th>From</th>
              <th>Place</th>
              <th>Set-up</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {camera.deployments.map((d) => (
              <tr key={d.id}>
                <td>{formatLocal(d.start)}</td>
                <td>
                  {d.locationName ?? '—'}
                  <div className="muted small">
                    {d.latitude === null ? 'camera coordinates' : `${d.latitude}, ${d.longitude}`}
                  </div>
                </td>
                <td className="small">
                  {[
                    d.cameraHeight !== null && `${d.cameraHeight} m high`,
                    d.baitUse !== null && (d.baitUse ? 'baited' : 'no bait'),
                    d.featureType && featureLabel(d.featureType),
                    d.habitat,
                  ]
                    .filter(Boolean)
                    .join(' · ') || '—'}
                </td>
                <td>
                  <button
                    type="button"
                    className="btn ghost small"
                    onClick={() => remove(d.id)}
                    aria-label="Remove deployment"
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open ? (
        <div className="deployment-form">
          <label className="field">
            Moved or re-aimed on
            <input type="datetime-local" value={draft.start} onChange={set('start')} />
          </label>
          <label className="field">
            Place name
            <input value={draft.locationName} onChange={set('locationName')} placeholder="creek crossing" />
          </label>
          <label className="field">
            Latitude
            <input value={draft.latitude} onChange={set('latitude')} inputMode="decimal" />
          </label>
          <label className="field">
            Longitude
            <input value={draft.longitude} onChange={set('longitude')} inputMode="decimal" />
          </label>
          <label className="field">
            Height (m)
            <input value={draft.height} onChange={set('height')} inputMode="decimal" />
          </label>
          <label className="field">
            Bait
            <select value={draft.bait} onChange={set('bait')}>
              <option value="">not recorded</option>
              <option value="yes">baited</option>
              <option value="no">no bait</option>
            </select>
          </label>
          <label className="field">
            Feature
            <select value={draft.feature} onChange={set('feature')}>
              <option value="">none</option>
              {FEATURE_TYPES.map((f) => (
                <option key={f} value={f}>
                  {featureLabel(f)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Habitat
            <input value={draft.habitat} onChange={set('habitat')} placeholder="oak woodland edge" />
          </label>
          <label className="field wide">
            Comments
            <input value={draft.comments} onChange={set('comments')} />
          </label>
          <div className="deployment-form-actions">
            <button type="button" className="btn primary small" onClick={add}>
              Add deployment
            </button>
            <button type="button" className="btn ghost small" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="btn small" onClick={() => setOpen(true)}>
          Camera moved or re-aimed…
        </button>
      )}
      {error && <p className="inline-error">{error}</p>}
    </div>
  );
}
