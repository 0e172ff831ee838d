import { describe, expect, it } from 'vitest';
import {
  boxToScreen,
  clampTransform,
  fitTransform,
  keyTransform,
  MAX_PIXEL_ZOOM,
  needsFullResolution,
  panBy,
  screenRectToBox,
  pinch,
  toggleZoom,
  zoomAt,
  type Transform,
} from './viewTransform';

// A non-square image in a viewport of another aspect ratio: square inputs would hide axis mix-ups.
const image = { width: 2048, height: 1536 };
const viewport = { width: 1000, height: 500 };

/** Image-space point under a screen point. */
const toImage = (t: Transform, p: { x: number; y: number }) => ({ x: (p.x - t.x) / t.scale, y: (p.y - t.y) / t.scale });

describe('fitTransform', () => {
  it('fits the limiting axis and centres the other', () => {
    const t = fitTransform(viewport, image);
    expect(t.scale).toBeCloseTo(500 / 1536);
    expect(t.y).toBeCloseTo(0);
    expect(t.x).toBeCloseTo((1000 - 2048 * t.scale) / 2);
    expect(t.x).toBeGreaterThan(0);
  });
});

describe('zoomAt', () => {
  it('keeps the image point under the cursor fixed', () => {
    const fit = fitTransform(viewport, image);
    const anchor = { x: 600, y: 200 };
    const before = toImage(fit, anchor);
    const z = zoomAt(fit, 3, anchor, viewport, image);
    expect(z.scale).toBeCloseTo(fit.scale * 3);
    const after = toImage(z, anchor);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('never zooms out past fit nor in past the pixel limit', () => {
    const fit = fitTransform(viewport, image);
    expect(zoomAt(fit, 0.1, { x: 10, y: 10 }, viewport, image)).toEqual(fit);
    expect(zoomAt(fit, 1e6, { x: 10, y: 10 }, viewport, image).scale).toBe(MAX_PIXEL_ZOOM);
  });
});

describe('panBy / clampTransform', () => {
  it('moves a zoomed image but never past its edges', () => {
    const z = zoomAt(fitTransform(viewport, image), 4, { x: 500, y: 250 }, viewport, image);
    const moved = panBy(z, -30, 20, viewport, image);
    expect(moved.x).toBeCloseTo(z.x - 30);
    expect(moved.y).toBeCloseTo(z.y + 20);
    const far = panBy(z, 1e5, 1e5, viewport, image);
    expect(far.x).toBe(0);
    expect(far.y).toBe(0);
    const other = panBy(z, -1e5, -1e5, viewport, image);
    expect(other.x).toBeCloseTo(viewport.width - image.width * z.scale);
    expect(other.y).toBeCloseTo(viewport.height - image.height * z.scale);
  });

  it('keeps an image narrower than the viewport centred on that axis', () => {
    const t = clampTransform({ scale: 0.4, x: -500, y: -100 }, viewport, image);
    expect(t.x).toBeCloseTo((1000 - 2048 * 0.4) / 2);
    expect(t.y).toBeLessThanOrEqual(0);
  });
});

describe('pinch', () => {
  it('zooms by the distance ratio about the fingers and follows their midpoint', () => {
    const fit = fitTransform(viewport, image);
    const before: [{ x: number; y: number }, { x: number; y: number }] = [
      { x: 450, y: 250 },
      { x: 550, y: 250 },
    ];
    const after: typeof before = [
      { x: 400, y: 250 },
      { x: 600, y: 250 },
    ];
    const t = pinch(fit, before, after, viewport, image);
    expect(t.scale).toBeCloseTo(fit.scale * 2);
    const under = toImage(t, { x: 500, y: 250 });
    const was = toImage(fit, { x: 500, y: 250 });
    expect(under.x).toBeCloseTo(was.x);
    expect(under.y).toBeCloseTo(was.y);
  });
});

describe('toggleZoom', () => {
  it('zooms in from fit and back to fit', () => {
    const fit = fitTransform(viewport, image);
    const z = toggleZoom(fit, { x: 300, y: 300 }, viewport, image);
    expect(z.scale).toBeGreaterThanOrEqual(1);
    expect(toggleZoom(z, { x: 300, y: 300 }, viewport, image)).toEqual(fit);
  });
});

describe('keyTransform', () => {
  it('handles + - 0 and pans with arrows only when zoomed', () => {
    const fit = fitTransform(viewport, image);
    expect(keyTransform(fit, 'ArrowLeft', viewport, image)).toBeNull();
    const plus = keyTransform(fit, '+', viewport, image)!;
    expect(plus.scale).toBeCloseTo(fit.scale * 1.25);
    // At 1.25x fit the image is still narrower than the viewport (centred) but taller, so only vertical pans move it.
    expect(keyTransform(plus, 'ArrowLeft', viewport, image)!.x).toBeCloseTo(plus.x);
    const down = keyTransform(plus, 'ArrowDown', viewport, image)!;
    expect(down.y).toBeLessThan(plus.y);
    expect(keyTransform(plus, '-', viewport, image)!.scale).toBeCloseTo(fit.scale);
    expect(keyTransform(plus, '0', viewport, image)).toEqual(fit);
    expect(keyTransform(fit, 'x', viewport, image)).toBeNull();
  });
});

describe('boxToScreen', () => {
  it('moves and scales boxes with the image', () => {
    const box = { x: 0.25, y: 0.5, w: 0.1, h: 0.2 };
    const fit = fitTransform(viewport, image);
    const z = zoomAt(fit, 2, { x: 100, y: 100 }, viewport, image);
    for (const t of [fit, z]) {
      const r = boxToScreen(box, t, image);
      expect(r.left).toBeCloseTo(t.x + 0.25 * 2048 * t.scale);
      expect(r.top).toBeCloseTo(t.y + 0.5 * 1536 * t.scale);
      expect(r.width).toBeCloseTo(0.1 * 2048 * t.scale);
      expect(r.height).toBeCloseTo(0.2 * 1536 * t.scale);
    }
    const a = boxToScreen(box, fit, image);
    const b = boxToScreen(box, z, image);
    expect(b.width / a.width).toBeCloseTo(2);
  });
});

describe('needsFullResolution', () => {
  const preview = { width: 1024, height: 768 };
  it('keeps the preview at fit and asks for the photo when zoomed in', () => {
    const fit = fitTransform(viewport, image);
    expect(needsFullResolution(fit, image, preview)).toBe(false);
    expect(needsFullResolution(zoomAt(fit, 4, { x: 0, y: 0 }, viewport, image), image, preview)).toBe(true);
    expect(needsFullResolution(fit, image, preview, 4)).toBe(true);
    expect(needsFullResolution({ scale: 8, x: 0, y: 0 }, image, image)).toBe(false);
  });
});

describe('screenRectToBox', () => {
  it('inverts boxToScreen whichever corners are dragged, at any zoom', () => {
    const box = { x: 0.2, y: 0.3, w: 0.25, h: 0.4 };
    for (const t of [
      fitTransform(viewport, image),
      zoomAt(fitTransform(viewport, image), 3, { x: 400, y: 200 }, viewport, image),
    ]) {
      const r = boxToScreen(box, t, image);
      const back = screenRectToBox({ x: r.left + r.width, y: r.top }, { x: r.left, y: r.top + r.height }, t, image);
      expect(back.x).toBeCloseTo(box.x);
      expect(back.y).toBeCloseTo(box.y);
      expect(back.w).toBeCloseTo(box.w);
      expect(back.h).toBeCloseTo(box.h);
    }
  });

  it('clips a drag that leaves the image', () => {
    const t = fitTransform(viewport, image);
    const b = screenRectToBox({ x: -50, y: -50 }, { x: t.x + 10, y: 5000 }, t, image);
    expect(b.x).toBe(0);
    expect(b.y).toBe(0);
    expect(b.h).toBe(1);
    expect(b.w).toBeCloseTo(10 / (2048 * t.scale));
  });
});
