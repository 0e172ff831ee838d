import { describe, expect, it } from 'vitest';
import { fitView, projectionOf, scaleBar, tilesFor, WORLD_VIEW, zoomView } from './geometry';

describe('map geometry', () => {
  const cameras: [number, number][] = [
    [-73.16, 44.05],
    [-73.15, 44.06],
  ];

  it('fits a property: every camera inside the map with its margin, the world when there is none', () => {
    const view = fitView(cameras, 800, 400);
    const p = projectionOf(view, 800, 400);
    for (const c of cameras) {
      const [x, y] = p(c)!;
      expect(x).toBeGreaterThanOrEqual(47);
      expect(x).toBeLessThanOrEqual(753);
      expect(y).toBeGreaterThanOrEqual(47);
      expect(y).toBeLessThanOrEqual(353);
    }
    expect(fitView([], 800, 400)).toEqual(WORLD_VIEW);
    // One camera still shows its surroundings (about half a kilometre), not a single pixel of the world.
    expect(scaleBar(fitView([cameras[0]!], 800, 400), 800).metres).toBeLessThanOrEqual(200);
  });

  it('zooms about the pointer: the point under it stays', () => {
    const view = fitView(cameras, 800, 400);
    const before = projectionOf(view, 800, 400).invert!([200, 100])!;
    const zoomed = zoomView(view, 800, 400, 2, [200, 100]);
    const after = projectionOf(zoomed, 800, 400)(before)!;
    expect(after[0]).toBeCloseTo(200, 3);
    expect(after[1]).toBeCloseTo(100, 3);
    expect(zoomed.scale).toBeCloseTo(view.scale * 2);
  });

  it('covers the map with slippy tiles that line up with the projection', () => {
    const view = fitView(cameras, 800, 400);
    const tiles = tilesFor(view, 800, 400, (z, x, y) => `${z}/${x}/${y}`);
    expect(tiles.length).toBeGreaterThan(0);
    const [z, x, y] = tiles[0]!.url.split('/').map(Number) as [number, number, number];
    // The tile's north-west corner in degrees (the slippy-map formula) projects where the tile is drawn.
    const lon = (x / 2 ** z) * 360 - 180;
    const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI;
    const [px, py] = projectionOf(view, 800, 400)([lon, lat])!;
    expect(px).toBeCloseTo(tiles[0]!.x, 1);
    expect(py).toBeCloseTo(tiles[0]!.y, 1);
    for (const t of tiles) {
      expect(t.x + t.size).toBeGreaterThan(0);
      expect(t.x).toBeLessThan(800);
    }
  });
});
