import { describe, expect, it } from 'vitest';
import { decodeYolov5 } from './yolov5';
import { decodeYolov8 } from './yolov8';
import { decodeYolox } from './yolox';

const wanted = [true, true, false];

describe('decodeYolox', () => {
  it('decodes a grid cell into input pixels with objectness x class score', () => {
    // 32x32 input: 4x4 cells at stride 8, 2x2 at 16, 1x1 at 32 = 21 rows of 5 + 3.
    const rows = 21;
    const data = new Float32Array(rows * 8);
    // Stride-8 cell (gx 2, gy 1) = row 1 * 4 + 2 = 6: centre offset (0.5, 0.5), w = exp(1) * 8, h = exp(0) * 8.
    data.set([0.5, 0.5, 1, 0, 0.9, 0.1, 0.8, 0.99], 6 * 8);
    // A weak cell that must fall under the threshold, and an ignored class that must not win.
    data.set([0, 0, 0, 0, 0.2, 0.9, 0, 0], 0);
    const [c, ...rest] = decodeYolox(
      { data, dims: [1, rows, 8] },
      { threshold: 0.25, wanted, inputWidth: 32, inputHeight: 32 },
    );
    expect(rest).toHaveLength(0);
    expect(c!.classIndex).toBe(1);
    expect(c!.score).toBeCloseTo(0.72);
    const w = Math.exp(1) * 8;
    expect(c!.x1).toBeCloseTo(2.5 * 8 - w / 2);
    expect(c!.y1).toBeCloseTo(1.5 * 8 - 4);
    expect(c!.x2).toBeCloseTo(2.5 * 8 + w / 2);
    expect(c!.y2).toBeCloseTo(1.5 * 8 + 4);
  });

  it('refuses an output whose cell count does not fit the input size', () => {
    expect(() =>
      decodeYolox(
        { data: new Float32Array(20 * 8), dims: [1, 20, 8] },
        { threshold: 0.5, wanted, inputWidth: 32, inputHeight: 32 },
      ),
    ).toThrow(/cells/);
  });
});

describe('decodeYolov8', () => {
  it('reads the channel-major [1, 4 + C, N] layout', () => {
    const n = 3;
    const channels = [
      [10, 20, 30], // cx
      [11, 21, 31], // cy
      [4, 6, 8], // w
      [2, 2, 2], // h
      [0.1, 0.6, 0.05], // class 0
      [0.3, 0.1, 0.02], // class 1
      [0.9, 0.9, 0.9], // class 2 (ignored)
    ];
    const data = Float32Array.from(channels.flat());
    const out = decodeYolov8({ data, dims: [1, 7, n] }, { threshold: 0.25, wanted, inputWidth: 64, inputHeight: 64 });
    expect(out).toEqual([
      { x1: 8, y1: 10, x2: 12, y2: 12, score: expect.closeTo(0.3, 5), classIndex: 1 },
      { x1: 17, y1: 20, x2: 23, y2: 22, score: expect.closeTo(0.6, 5), classIndex: 0 },
    ]);
  });
});

describe('decodeYolov5', () => {
  it('reads the row-major [1, N, 5 + C] layout', () => {
    const data = Float32Array.from(
      [
        [50, 40, 20, 10, 0.5, 0.9, 0.1, 0],
        [5, 5, 2, 2, 0.1, 1, 0, 0],
      ].flat(),
    );
    const out = decodeYolov5({ data, dims: [1, 2, 8] }, { threshold: 0.2, wanted, inputWidth: 64, inputHeight: 64 });
    expect(out).toEqual([{ x1: 40, y1: 35, x2: 60, y2: 45, score: expect.closeTo(0.45, 5), classIndex: 0 }]);
  });
});
