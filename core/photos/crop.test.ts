import { describe, expect, it } from 'vitest';
import { DISPLAY_MARGINS, displayRegion } from './crop';

describe('display crops', () => {
  it('reach above the box for antlers, a little around it, and keep its shape (no square cut)', () => {
    // A 2048x1536 photo, a box 0.4 x 0.3 in the middle: x scales by the width, y by the height.
    const r = displayRegion({ width: 2048, height: 1536 }, { x: 0.3, y: 0.4, w: 0.4, h: 0.3 });
    expect(r.top).toBe(Math.floor((0.4 - 0.3 * DISPLAY_MARGINS.top) * 1536));
    expect(r.left).toBe(Math.floor((0.3 - 0.4 * DISPLAY_MARGINS.side) * 2048));
    expect(r.top + r.height).toBe(Math.ceil((0.7 + 0.3 * DISPLAY_MARGINS.bottom) * 1536));
    // Wider than tall, like the box (819 x 461 px): not a square.
    expect(r.width / r.height).toBeGreaterThan(1.5);
    // More room above the box than below it.
    expect(0.4 * 1536 - r.top).toBeGreaterThan(r.top + r.height - 0.7 * 1536);
  });

  it('clips at the photo edges and never returns an empty region', () => {
    expect(displayRegion({ width: 1000, height: 500 }, { x: 0, y: 0.02, w: 1, h: 0.98 })).toEqual({
      left: 0,
      top: 0,
      width: 1000,
      height: 500,
    });
    const corner = displayRegion({ width: 1000, height: 500 }, { x: 1, y: 1, w: 0, h: 0 });
    expect(corner.width).toBeGreaterThanOrEqual(1);
    expect(corner.height).toBeGreaterThanOrEqual(1);
  });
});
