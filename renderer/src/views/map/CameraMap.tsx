// An SVG map of cameras that needs no server: Natural Earth outlines drawn with d3-geo, cameras as circles sized by a
// value (relative abundance, or a deer's sightings), an optional path between them (a deer over time), drag to pan,
// wheel or buttons to zoom, "Fit cameras" to zoom to the property, and online tiles only when the user turns them on.
// With `onPick`, a click on the map gives its coordinates (placing a camera).
import { geoPath } from 'd3-geo';
import { useEffect, useMemo, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import {
  fitView,
  panView,
  projectionOf,
  scaleBar,
  tilesFor,
  WORLD_VIEW,
  zoomView,
  type LonLat,
  type View,
} from './geometry';
import { tileUrl, TILE_ATTRIBUTION, useOnlineTiles } from './tiles';
import { useLand } from './useLand';
import './map.css';

export interface MapCamera {
  id: number;
  name: string;
  latitude: number;
  longitude: number;
  /** 0..1: the circle's size. */
  weight: number;
  /** A short figure under the name ("RAI 12.5", "4 sightings"). */
  figure?: string;
  /** The tooltip. */
  title: string;
}

interface Props {
  cameras: MapCamera[];
  /** Cameras the map has no place for (no coordinates), to say so. */
  unplaced?: number;
  selectedId?: number | null;
  onSelect?: (id: number) => void;
  /** Click-to-place: called with the clicked point's coordinates. */
  onPick?: (latitude: number, longitude: number) => void;
  /** Points visited in order (a deer's path). */
  path?: LonLat[];
  height?: number;
  label: string;
  /** Extra controls in the map's toolbar. */
  children?: ReactNode;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export function CameraMap({
  cameras,
  unplaced = 0,
  selectedId,
  onSelect,
  onPick,
  path,
  height = 420,
  label,
  children,
}: Props) {
  const [boxRef, width] = useWidth();
  const { land, error } = useLand();
  const [tilesOn, setTilesOn] = useOnlineTiles();
  const points = useMemo(() => cameras.map((c): LonLat => [c.longitude, c.latitude]), [cameras]);
  const [view, setView] = useState<View | null>(null);
  const fitted = useMemo(() => fitView(points, width, height), [points, width, height]);
  // Until the user pans or zooms, the map follows its cameras (zoomed to the property).
  const current = view ?? fitted;
  const drag = useRef<{ x: number; y: number; moved: boolean; view: View } | null>(null);

  const projection = useMemo(
    () =>
      projectionOf(current, width, height).clipExtent([
        [0, 0],
        [width, height],
      ]),
    [current, width, height],
  );
  const draw = useMemo(() => geoPath(projection), [projection]);
  const countries = useMemo(() => (land ? draw(land.countries) : null), [land, draw]);
  const borders = useMemo(() => (land ? draw(land.borders) : null), [land, draw]);
  const tiles = tilesOn && width > 0 ? tilesFor(current, width, height, tileUrl) : [];
  const bar = scaleBar(current, width || 600);
  // The path as straight legs between cameras, each with an arrow halfway along it (the ends lie under the circles).
  const legs = (path ?? []).flatMap((p, i, all) => {
    const from = i > 0 ? projection(all[i - 1]!) : null;
    const to = projection(p);
    return from && to ? [{ from, to, angle: (Math.atan2(to[1] - from[1], to[0] - from[0]) * 180) / Math.PI }] : [];
  });

  const at = (e: { clientX: number; clientY: number }): [number, number] => {
    const r = boxRef.current!.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, y: e.clientY, moved: false, view: current };
    (e.currentTarget as Element).setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 4) return;
    d.moved = true;
    setView(panView(d.view, width, height, dx, dy));
  };
  const onPointerUp = (e: PointerEvent) => {
    const d = drag.current;
    drag.current = null;
    if (!d || d.moved || !onPick) return;
    const where = projection.invert?.(at(e));
    if (where) onPick(round6(where[1]), round6(where[0]));
  };

  useEffect(() => {
    // React's onWheel is passive: preventDefault needs a listener of our own.
    const el = boxRef.current;
    if (!el) return;
    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      setView((v) =>
        zoomView(v ?? fitted, width, height, e.deltaY < 0 ? 1.25 : 0.8, [e.clientX - r.left, e.clientY - r.top]),
      );
    };
    el.addEventListener('wheel', wheel, { passive: false });
    return () => el.removeEventListener('wheel', wheel);
  }, [boxRef, fitted, width, height]);

  const max = Math.max(1e-9, ...cameras.map((c) => c.weight));
  // Zoomed out, cameras crowd: only those with room around them (and the selected one) are labelled.
  const projected = cameras.flatMap((camera) => {
    const p = projection([camera.longitude, camera.latitude]);
    return p ? [{ camera, p }] : [];
  });
  const placedCameras = projected.map(({ camera, p }) => ({
    camera,
    p,
    labelled:
      camera.id === selectedId ||
      projected.every((o) => o.camera === camera || Math.hypot(o.p[0] - p[0], o.p[1] - p[1]) > 36),
  }));
  return (
    <div className={onPick ? 'camera-map picking' : 'camera-map'} data-testid="camera-map">
      <div className="map-toolbar">
        <button type="button" className="btn small" onClick={() => setView(null)} title="Zoom to the cameras">
          Fit cameras
        </button>
        <button type="button" className="btn small" onClick={() => setView(WORLD_VIEW)} title="The whole world">
          World
        </button>
        <span className="map-zoom">
          <button
            type="button"
            className="btn small"
            aria-label="Zoom in"
            onClick={() => setView(zoomView(current, width, height, 2))}
          >
            +
          </button>
          <button
            type="button"
            className="btn small"
            aria-label="Zoom out"
            onClick={() => setView(zoomView(current, width, height, 0.5))}
          >
            −
          </button>
        </span>
        <label className="map-tiles-switch" title="Loads map tiles from OpenStreetMap over the internet">
          <input type="checkbox" checked={tilesOn} onChange={(e) => setTilesOn(e.target.checked)} /> Online map tiles
        </label>
        {children}
      </div>
      <div
        ref={boxRef}
        className="map-box"
        style={{ height }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
      >
        <svg width={width} height={height} role="img" aria-label={label}>
          <rect className="map-water" width={width} height={height} />
          {countries && <path className="map-land" d={countries} />}
          {borders && <path className="map-borders" d={borders} />}
          {tiles.map((t) => (
            <image key={t.key} href={t.url} x={t.x} y={t.y} width={t.size + 0.5} height={t.size + 0.5} />
          ))}
          {legs.map((l, i) => (
            <g key={i} className="map-path">
              <line x1={l.from[0]} y1={l.from[1]} x2={l.to[0]} y2={l.to[1]} />
              <path
                className="map-arrow"
                d="M-7,-6 L7,0 L-7,6 z"
                transform={`translate(${(l.from[0] + l.to[0]) / 2},${(l.from[1] + l.to[1]) / 2}) rotate(${l.angle})`}
              />
            </g>
          ))}
          {placedCameras.map(({ camera: c, p, labelled }) => {
            const r = 6 + 12 * Math.sqrt(c.weight / max);
            return (
              <g
                key={c.id}
                className={c.id === selectedId ? 'map-camera selected' : 'map-camera'}
                transform={`translate(${p[0]},${p[1]})`}
                onPointerDown={(e) => e.stopPropagation()}
                onClick={() => onSelect?.(c.id)}
                data-testid="map-camera"
              >
                <title>{c.title}</title>
                <circle r={r} />
                {labelled && (
                  <text className="map-label" y={r + 13}>
                    {c.name}
                  </text>
                )}
                {labelled && c.figure && (
                  <text className="map-figure" y={r + 26}>
                    {c.figure}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
        <div className="map-scale" aria-hidden>
          <span style={{ width: bar.px }} />
          {bar.label}
        </div>
        <div className="map-notes">
          {error && <span className="inline-error">{error}</span>}
          {unplaced > 0 && (
            <span>
              {unplaced} camera{unplaced === 1 ? ' has' : 's have'} no coordinates
            </span>
          )}
          {onPick && <span>Click the map to place the camera</span>}
          {tilesOn && <span>{TILE_ATTRIBUTION}</span>}
          {!tilesOn && <span>Outlines: Natural Earth</span>}
        </div>
      </div>
    </div>
  );
}
