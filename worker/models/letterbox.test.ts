import { describe, expect, it } from 'vitest';
import { inputBoxToSource, letterbox, sourceBoxToInput } from './letterbox';

describe('letterbox', () => {
  it('fits a landscape image by its width, centred, with padding above and below', () => {
    const lb = letterbox(2048, 1536, 640, 640, 'center');
    expect(lb.scale).toBeCloseTo(0.3125);
    expect([lb.resizedWidth, lb.resizedHeight]).toEqual([640, 480]);
    expect([lb.padX, lb.padY]).toEqual([0, 80]);
  });

  it('fits a portrait image by its height, anchored top-left', () => {
    const lb = letterbox(1000, 2000, 416, 416, 'top-left');
    expect([lb.resizedWidth, lb.resizedHeight]).toEqual([208, 416]);
    expect([lb.padX, lb.padY]).toEqual([0, 0]);
  });

  it('maps input pixels back to normalised source boxes on non-square images (x by width, y by height)', () => {
    const lb = letterbox(2048, 1536, 640, 640, 'center');
    // A box covering the left half of the resized image, top quarter of it.
    const b = inputBoxToSource({ x1: 0, y1: 80, x2: 320, y2: 80 + 120 }, lb);
    expect(b.x).toBeCloseTo(0);
    expect(b.y).toBeCloseTo(0);
    expect(b.w).toBeCloseTo(0.5);
    expect(b.h).toBeCloseTo(0.25);

    const portrait = letterbox(1000, 2000, 416, 416, 'top-left');
    const p = inputBoxToSource({ x1: 104, y1: 208, x2: 208, y2: 416 }, portrait);
    expect(p).toEqual({ x: 0.5, y: 0.5, w: 0.5, h: 0.5 });
  });

  it('round-trips boxes and clips what falls into the padding', () => {
    for (const [w, h, anchor] of [
      [2048, 1536, 'center'],
      [1536, 2048, 'top-left'],
      [4000, 1000, 'center'],
      [640, 640, 'top-left'],
    ] as const) {
      const lb = letterbox(w, h, 416, 416, anchor);
      const box = { x: 0.1, y: 0.2, w: 0.3, h: 0.6 };
      const back = inputBoxToSource(sourceBoxToInput(box, lb), lb);
      expect(back.x).toBeCloseTo(box.x, 6);
      expect(back.y).toBeCloseTo(box.y, 6);
      expect(back.w).toBeCloseTo(box.w, 6);
      expect(back.h).toBeCloseTo(box.h, 6);
    }
    const lb = letterbox(2048, 1536, 640, 640, 'center');
    expect(inputBoxToSource({ x1: -10, y1: 0, x2: 700, y2: 640 }, lb)).toEqual({ x: 0, y: 0, w: 1, h: 1 });
  });
});
