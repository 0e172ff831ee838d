// The map's arithmetic, pure: a Web Mercator view (centre and scale) fitted to points, the slippy-map tiles that cover
// it, and a scale bar in metres. d3-geo's Mercator is spherical Web Mercator, so online tiles line up with it.
import { geoMercator, type GeoProjection } from 'd3-geo';

export interface View {
  /** [longitude, latitude] at the centre of the map. */
  center: [number, number];
  /** d3 scale: the world is 2π·scale pixels wide. */
  scale: number;
}

export type LonLat = [number, number];

const EARTH_RADIUS_M = 6_378_137;
/** The smallest box a view is fitted to, in degrees (~500 m): one camera still shows its surroundings. */
const MIN_SPAN_DEG = 0.005;
export const MIN_SCALE = 100;
/** About tile zoom 21: a few metres across the map. */
export const MAX_SCALE = 2 ** 29 / (2 * Math.PI);

export const WORLD_VIEW: View = { center: [0, 20], scale: 150 };

export function projectionOf(view: View, width: number, height: number): GeoProjection {
  return geoMercator()
    .center(view.center)
    .scale(view.scale)
    .translate([width / 2, height / 2]);
}

export const clampScale = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/** The view that shows every point with `pad` pixels to spare (a property: its cameras); the world when none. */
export function fitView(points: readonly LonLat[], width: number, height: number, pad = 48): View {
  if (points.length === 0 || width <= 2 * pad || height <= 2 * pad) return WORLD_VIEW;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const half = (lo: number, hi: number) => Math.max(hi - lo, MIN_SPAN_DEG) / 2;
  const mid = (lo: number, hi: number) => (lo + hi) / 2;
  const [lon0, lon1, lat0, lat1] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const cx = mid(lon0, lon1);
  const cy = mid(lat0, lat1);
  const box = {
    type: 'MultiPoint' as const,
    coordinates: [
      [cx - half(lon0, lon1), cy - half(lat0, lat1)],
      [cx + half(lon0, lon1), cy + half(lat0, lat1)],
    ],
  };
  const fitted = geoMercator().fitExtent(
    [
      [pad, pad],
      [width - pad, height - pad],
    ],
    box,
  );
  return { center: [cx, cy], scale: clampScale(fitted.scale()) };
}

/** Moves the view so the point under `from` ends under `to` (a drag). */
export function panView(view: View, width: number, height: number, dx: number, dy: number): View {
  const p = projectionOf(view, width, height);
  const c = p.invert!([width / 2 - dx, height / 2 - dy]);
  return c ? { ...view, center: [c[0], Math.max(-85, Math.min(85, c[1]))] } : view;
}

/** Zooms by `factor` keeping the point under the pixel `at` in place. */
export function zoomView(view: View, width: number, height: number, factor: number, at?: [number, number]): View {
  const scale = clampScale(view.scale * factor);
  if (!at) return { ...view, scale };
  const before = projectionOf(view, width, height).invert!(at)!;
  const zoomed = { ...view, scale };
  const shifted = projectionOf(zoomed, width, height)(before)!;
  return panView(zoomed, width, height, at[0] - shifted[0], at[1] - shifted[1]);
}

export interface Tile {
  key: string;
  url: string;
  x: number;
  y: number;
  size: number;
}

/** The slippy-map tiles (z/x/y) covering the view, placed in map pixels. */
export function tilesFor(
  view: View,
  width: number,
  height: number,
  urlOf: (z: number, x: number, y: number) => string,
): Tile[] {
  const z = Math.max(0, Math.min(19, Math.round(Math.log2((2 * Math.PI * view.scale) / 256))));
  const n = 2 ** z;
  const worldPx = 2 * Math.PI * view.scale;
  const size = worldPx / n;
  // Pixel of the world's top-left corner (lon -180, the Mercator limit ~85.0511°).
  const origin = projectionOf(view, width, height)([-180, 85.0511287798])!;
  const x0 = Math.max(0, Math.floor(-origin[0] / size));
  const x1 = Math.min(n - 1, Math.floor((width - origin[0]) / size));
  const y0 = Math.max(0, Math.floor(-origin[1] / size));
  const y1 = Math.min(n - 1, Math.floor((height - origin[1]) / size));
  const tiles: Tile[] = [];
  for (let x = x0; x <= x1; x++)
    for (let y = y0; y <= y1; y++)
      tiles.push({
        key: `${z}/${x}/${y}`,
        url: urlOf(z, x, y),
        x: origin[0] + x * size,
        y: origin[1] + y * size,
        size,
      });
  return tiles.length > 64 ? [] : tiles;
}

/** A round length in metres about a fifth of the map wide, and its width in pixels. */
export function scaleBar(view: View, width: number): { metres: number; px: number; label: string } {
  const metresPerPx = (EARTH_RADIUS_M * Math.cos((view.center[1] * Math.PI) / 180)) / view.scale;
  const target = (width / 5) * metresPerPx;
  const pow = 10 ** Math.floor(Math.log10(target));
  const metres = [5, 2, 1].map((m) => m * pow).find((m) => m <= target) ?? pow;
  return { metres, px: metres / metresPerPx, label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` };
}
