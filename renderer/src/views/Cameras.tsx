// Cameras: every camera on an offline map sized by relative abundance, a table of what each took, and the selected
// camera's record (name, place, clock offset, notes), its deployments, and merging or splitting identities.
import { useEffect, useMemo, useState } from 'react';
import type { CameraPlace } from '../../../core/contract/cameras';
import { EmptyState, ErrorNote, LoadingBar } from '../components/States';
import { ViewHeader } from '../components/ViewHeader';
import { useApi } from '../data/apiContext';
import { useQuery } from '../data/useQuery';
import { formatLocal } from '../lib/format';
import { CameraEditor } from './cameras/CameraEditor';
import { Deployments } from './cameras/Deployments';
import { IdentityActions } from './cameras/IdentityActions';
import { CameraMap, type MapCamera } from './map/CameraMap';
import './cameras/cameras.css';

const placed = (c: CameraPlace): c is CameraPlace & { latitude: number; longitude: number } =>
  c.latitude !== null && c.longitude !== null;

export function mapCameras(cameras: CameraPlace[]): MapCamera[] {
  return cameras.filter(placed).map((c) => ({
    id: c.id,
    name: c.name,
    latitude: c.latitude,
    longitude: c.longitude,
    weight: c.relativeAbundance ?? 0,
    figure:
      c.relativeAbundance === null
        ? `${c.animalDetections} detection${c.animalDetections === 1 ? '' : 's'}`
        : `RAI ${c.relativeAbundance} · ${c.animalDetections} det.`,
    title: `${c.name}: ${c.animalDetections} animal detections, ${c.independentDetections} independent in ${c.trapNights} trap-nights`,
  }));
}

function IndependenceSetting() {
  const api = useApi();
  const settings = useQuery('settings', (a) => a.call('settings.get', {}), ['settings']);
  const [draft, setDraft] = useState('');
  useEffect(() => setDraft(String(settings.data?.independenceMinutes ?? '')), [settings.data?.independenceMinutes]);
  const save = () => {
    const minutes = Number(draft);
    if (Number.isInteger(minutes) && minutes >= 1 && minutes <= 1440 && minutes !== settings.data?.independenceMinutes)
      api.call('settings.set', { independenceMinutes: minutes }).then(settings.reload);
    else setDraft(String(settings.data?.independenceMinutes ?? ''));
  };
  return (
    <label className="independence" title="Animal photos of one camera closer than this are one independent detection">
      Independent after
      <input
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => e.key === 'Enter' && save()}
        inputMode="numeric"
        aria-label="Independence interval in minutes"
      />
      min
    </label>
  );
}

export function Cameras() {
  const cameras = useQuery('cameras', (a) => a.call('cameras.list', {}), [
    'cameras',
    'photos',
    'detections',
    'settings',
  ]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<{ latitude: number; longitude: number } | null>(null);
  const list = cameras.data;
  const selected = list?.find((c) => c.id === selectedId) ?? list?.[0] ?? null;
  const onMap = useMemo(() => mapCameras(list ?? []), [list]);
  const select = (id: number) => {
    setSelectedId(id);
    setPicking(false);
    setPicked(null);
  };

  return (
    <div className="view cameras" data-testid="view-cameras">
      <ViewHeader
        title="Cameras"
        subtitle={
          list
            ? `${list.length} cameras · ${list.filter(placed).length} placed · relative abundance = independent detections per 100 trap-nights`
            : undefined
        }
      >
        <IndependenceSetting />
      </ViewHeader>
      <div className="view-body scroll">
        <LoadingBar active={cameras.loading && list !== undefined} />
        {cameras.error && <ErrorNote what="the cameras" error={cameras.error} retry={cameras.reload} />}
        {list && list.length === 0 ? (
          <EmptyState icon="photos" title="No cameras yet">
            Cameras appear here when their photos are imported.
          </EmptyState>
        ) : (
          <div className="cameras-layout">
            <section className="panel cameras-map-panel">
              <CameraMap
                cameras={onMap}
                unplaced={(list ?? []).length - onMap.length}
                selectedId={selected?.id}
                onSelect={select}
                onPick={
                  picking
                    ? (latitude, longitude) => {
                        setPicked({ latitude, longitude });
                        setPicking(false);
                      }
                    : undefined
                }
                height={400}
                label="Map of the cameras; circle size is relative abundance"
              />
            </section>
            <section className="panel cameras-table-panel">
              <table className="table cameras-table">
                <thead>
                  <tr>
                    <th>Camera</th>
                    <th className="num">Photos</th>
                    <th>First → last</th>
                    <th>UTC</th>
                    <th>Coordinates</th>
                    <th className="num">Animal det.</th>
                    <th className="num" title="Independent detections per 100 trap-nights">
                      RAI
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {(list ?? []).map((c) => (
                    <tr
                      key={c.id}
                      className={c.id === selected?.id ? 'selected' : undefined}
                      onClick={() => select(c.id)}
                      data-testid="camera-row"
                    >
                      <td>
                        <strong>{c.name}</strong>
                        <div className="muted small">{[c.make, c.model].filter(Boolean).join(' ') || c.key}</div>
                      </td>
                      <td className="num">{c.photos}</td>
                      <td className="small">
                        {formatLocal(c.firstTaken, false)} → {formatLocal(c.lastTaken, false)}
                      </td>
                      <td>{c.utcOffset ?? <span className="badge attention">missing</span>}</td>
                      <td className="small">
                        {placed(c) ? (
                          `${c.latitude.toFixed(5)}, ${c.longitude.toFixed(5)}`
                        ) : (
                          <span className="badge attention">missing</span>
                        )}
                      </td>
                      <td className="num">{c.animalDetections}</td>
                      <td className="num">{c.relativeAbundance ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            {selected && (
              <section className="panel cameras-detail-panel">
                <header className="panel-header">
                  <h2>{selected.name}</h2>
                </header>
                <CameraEditor
                  camera={selected}
                  picked={picked}
                  picking={picking}
                  onPicking={setPicking}
                  onSaved={cameras.reload}
                />
                <h3 className="cameras-subhead">Deployments</h3>
                <Deployments camera={selected} onChanged={cameras.reload} />
                <h3 className="cameras-subhead">Identity</h3>
                <IdentityActions
                  camera={selected}
                  others={(list ?? []).filter((c) => c.id !== selected.id)}
                  onChanged={(id) => {
                    setSelectedId(id);
                    cameras.reload();
                  }}
                />
              </section>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
