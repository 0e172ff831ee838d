// A deer's cameras on the offline map: each camera where it was seen, sized by its sightings there, and its path over
// time from visit to visit. Self-contained (it loads what it shows), for the deer profile.
import { useMemo } from 'react';
import { useQuery } from '../../data/useQuery';
import { CameraMap, type MapCamera } from './CameraMap';
import type { LonLat } from './geometry';

export function DeerPathMap({ individualId }: { individualId: number }) {
  const detail = useQuery(`individual-${individualId}`, (a) => a.call('individuals.get', { id: individualId }), [
    'individuals',
    'detections',
  ]);
  const cameras = useQuery('cameras', (a) => a.call('cameras.list', {}), ['cameras']);
  const d = detail.data;

  const { onMap, path, unplaced, moves } = useMemo(() => {
    const where = new Map(
      (cameras.data ?? []).flatMap((c) =>
        c.latitude !== null && c.longitude !== null ? [[c.id, [c.longitude, c.latitude] as LonLat] as const] : [],
      ),
    );
    const seen = d?.cameras ?? [];
    const onMap: MapCamera[] = seen.flatMap((c) => {
      const p = where.get(c.cameraId);
      return p
        ? [
            {
              id: c.cameraId,
              name: c.name,
              longitude: p[0],
              latitude: p[1],
              weight: c.detections,
              figure: `${c.detections} sightings`,
              title: `${d?.name}: ${c.detections} sightings at ${c.name}`,
            },
          ]
        : [];
    });
    // Visits oldest first; a run of visits at one camera is one stop on the path.
    const stops: number[] = [];
    for (const s of [...(d?.sightings ?? [])]
      .filter((s) => s.start && s.cameraId)
      .sort((a, b) => a.start!.localeCompare(b.start!)))
      if (stops.at(-1) !== s.cameraId) stops.push(s.cameraId!);
    const path = stops.flatMap((id) => (where.has(id) ? [where.get(id)!] : []));
    return { onMap, path, unplaced: seen.length - onMap.length, moves: Math.max(0, path.length - 1) };
  }, [cameras.data, d]);

  return (
    <section className="panel" data-testid="deer-path-map">
      <header className="panel-header">
        <h2>Where it was seen</h2>
        <span className="muted small">
          {onMap.length} camera{onMap.length === 1 ? '' : 's'} · {moves} move{moves === 1 ? '' : 's'} between cameras
        </span>
      </header>
      <CameraMap
        cameras={onMap}
        unplaced={unplaced}
        path={path}
        height={300}
        label={`Cameras where ${d?.name ?? 'this deer'} was seen, and its path`}
      />
    </section>
  );
}
