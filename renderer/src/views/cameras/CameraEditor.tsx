// One camera's record: display name (its identity, the serial or derived key, stays), make/model/serial and what it
// took, coordinates (typed, picked on the map, or from its photos' GPS), UTC offset, place name and notes.
import { useEffect, useState } from 'react';
import type { CameraPlace } from '../../../../core/contract/cameras';
import { WHOLE_HOUR_UTC_OFFSETS } from '../../../../core/contract/utcOffset';
import { useApi } from '../../data/apiContext';
import { formatLocal } from '../../lib/format';
import { useToast } from '../../store/toast';
import { checkPlace, draftOf } from './placeInput';

interface Props {
  camera: CameraPlace;
  /** Coordinates clicked on the map while picking. */
  picked: { latitude: number; longitude: number } | null;
  picking: boolean;
  onPicking: (on: boolean) => void;
  onSaved: () => void;
}

export function CameraEditor({ camera, picked, picking, onPicking, onSaved }: Props) {
  const api = useApi();
  const [name, setName] = useState(camera.name);
  const [place, setPlace] = useState(draftOf(camera));
  const [location, setLocation] = useState(camera.location ?? '');
  const [notes, setNotes] = useState(camera.notes);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setName(camera.name);
    setPlace(draftOf(camera));
    setLocation(camera.location ?? '');
    setNotes(camera.notes);
    setError(null);
  }, [camera]);
  useEffect(() => {
    if (picked) setPlace((p) => ({ ...p, latitude: String(picked.latitude), longitude: String(picked.longitude) }));
  }, [picked]);

  const save = () => {
    const checked = checkPlace(place);
    if ('error' in checked) {
      setError(checked.error);
      return;
    }
    setBusy(true);
    setError(null);
    api
      .call('cameras.update', {
        id: camera.id,
        name: name.trim(),
        ...checked.values,
        location: location.trim() || null,
        notes,
      })
      .then(
        () => {
          useToast.getState().show(`Camera “${name.trim()}” saved.`);
          onPicking(false);
          onSaved();
        },
        (e: Error) => setError(e.message),
      )
      .finally(() => setBusy(false));
  };
  const fromGps = () => {
    setBusy(true);
    setError(null);
    api
      .call('cameras.locateFromPhotos', { id: camera.id })
      .then(
        (c) => {
          setPlace((p) => ({ ...p, ...draftOf({ ...c, utcOffset: p.utcOffset }) }));
          onSaved();
        },
        (e: Error) => setError(e.message),
      )
      .finally(() => setBusy(false));
  };

  return (
    <form
      className="camera-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) save();
      }}
      data-testid="camera-editor"
    >
      <dl className="camera-facts">
        <dt>Identity</dt>
        <dd className="mono" title="Photos are matched to the camera by this; renaming does not change it">
          {camera.key}
        </dd>
        <dt>Make / model</dt>
        <dd>{[camera.make, camera.model].filter(Boolean).join(' ') || '—'}</dd>
        <dt>Serial</dt>
        <dd>{camera.serial ?? '—'}</dd>
        <dt>Photos</dt>
        <dd>
          {camera.photos} · {formatLocal(camera.firstTaken, false)} → {formatLocal(camera.lastTaken, false)}
        </dd>
        <dt>Animals</dt>
        <dd>
          {camera.animalDetections} detections · {camera.independentDetections} independent in{' '}
          {Math.round(camera.trapNights)} trap-nights
          {camera.relativeAbundance !== null && (
            <>
              {' '}
              · <strong>RAI {camera.relativeAbundance}</strong> per 100 trap-nights
            </>
          )}
        </dd>
      </dl>
      <label className="field">
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} data-testid="camera-name" />
      </label>
      <div className="camera-coords">
        <label className="field">
          Latitude
          <input
            value={place.latitude}
            onChange={(e) => setPlace({ ...place, latitude: e.target.value })}
            placeholder="44.1234"
            inputMode="decimal"
            data-testid="camera-latitude"
          />
        </label>
        <label className="field">
          Longitude
          <input
            value={place.longitude}
            onChange={(e) => setPlace({ ...place, longitude: e.target.value })}
            placeholder="-73.5678"
            inputMode="decimal"
            data-testid="camera-longitude"
          />
        </label>
        <label className="field">
          UTC offset
          <input
            value={place.utcOffset}
            onChange={(e) => setPlace({ ...place, utcOffset: e.target.value })}
            placeholder="-05:00"
            list="utc-offsets"
            data-testid="camera-utc-offset"
          />
        </label>
        <datalist id="utc-offsets">
          {WHOLE_HOUR_UTC_OFFSETS.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
      </div>
      <div className="camera-place-actions">
        <button
          type="button"
          className={picking ? 'btn small attention' : 'btn small'}
          onClick={() => onPicking(!picking)}
        >
          {picking ? 'Click the map…' : 'Pick on map'}
        </button>
        <button
          type="button"
          className="btn small"
          onClick={fromGps}
          disabled={busy}
          title="Read the GPS position some cameras write into their photos"
        >
          From photos' GPS
        </button>
      </div>
      <label className="field">
        Place name
        <input
          value={location}
          onChange={(e) => setLocation(e.target.value)}
          placeholder="the feeder, the creek crossing…"
        />
      </label>
      <label className="field">
        Notes
        <textarea
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          rows={3}
          placeholder="Strapped to the big oak, facing north"
        />
      </label>
      {error && (
        <p className="inline-error" role="alert" data-testid="camera-error">
          {error}
        </p>
      )}
      <button type="submit" className="btn primary" disabled={busy} data-testid="camera-save">
        Save camera
      </button>
    </form>
  );
}
