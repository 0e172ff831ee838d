import { describe, expect, it } from 'vitest';
import { CROP_MARGIN, dynamicInputSize, planCrop } from './cropPlan';

const dynamicSpec = {
  name: 'input',
  width: 448,
  height: 288,
  channels: 'rgb',
  scale: 255,
  dynamicSize: true,
  batch: 'dynamic',
} as const;
const fixedSpec = { name: 'images', width: 128, height: 256, channels: 'rgb', scale: 255, batch: 'dynamic' } as const;

describe('crop plan', () => {
  it('adds the context margin in pixels of each axis on a non-square image', () => {
    // 2048x1536: x is scaled by the width, y by the height.
    expect(CROP_MARGIN).toBe(0.1);
    expect(planCrop({ x: 0.25, y: 0.5, w: 0.5, h: 0.25 }, 2048, 1536, fixedSpec).region).toEqual({
      left: 409,
      top: 729,
      width: 1230,
      height: 462,
    });
  });

  it('clips at the borders and never returns an empty region', () => {
    expect(planCrop({ x: 0.9, y: 0.9, w: 0.2, h: 0.2 }, 1000, 500, fixedSpec).region).toEqual({
      left: 880,
      top: 440,
      width: 120,
      height: 60,
    });
    expect(planCrop({ x: 1, y: 1, w: 0, h: 0 }, 100, 50, fixedSpec).region).toEqual({
      left: 99,
      top: 49,
      width: 1,
      height: 1,
    });
  });

  it('sizes free-size inputs near the preferred area, keeping the aspect ratio, in multiples of 32', () => {
    const wide = dynamicInputSize(800, 400, dynamicSpec);
    expect(wide.width % 32).toBe(0);
    expect(wide.height % 32).toBe(0);
    expect(wide.width / wide.height).toBeCloseTo(2, 0);
    expect(wide.width * wide.height).toBeGreaterThan(448 * 288 * 0.85);
    expect(wide.width * wide.height).toBeLessThan(448 * 288 * 1.15);
    const tall = dynamicInputSize(100, 300, dynamicSpec);
    expect(tall.height).toBeGreaterThan(tall.width);
    // Extreme shapes are clamped to 4:1.
    expect(dynamicInputSize(4000, 10, dynamicSpec).width / dynamicInputSize(4000, 10, dynamicSpec).height).toBeCloseTo(
      4,
      0,
    );
  });

  it('stretches to a fixed-size model input', () => {
    expect(planCrop({ x: 0.1, y: 0.1, w: 0.5, h: 0.2 }, 2048, 1536, fixedSpec)).toMatchObject({
      inputWidth: 128,
      inputHeight: 256,
    });
  });
});
