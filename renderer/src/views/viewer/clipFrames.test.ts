import { describe, expect, it } from 'vitest';
import { frameAt, stepFrame } from './clipFrames';

const frames = [{ frameMs: 0 }, { frameMs: 1000 }, { frameMs: 2000 }];

describe('clip frames', () => {
  it('shows the last sampled frame at or before a moment', () => {
    expect(frameAt(frames, 0)).toBe(frames[0]);
    expect(frameAt(frames, 1500)).toBe(frames[1]);
    expect(frameAt(frames, 99_000)).toBe(frames[2]);
    expect(frameAt([], 10)).toBeNull();
  });

  it('steps to the neighbouring frame and stops at the ends', () => {
    expect(stepFrame(frames, 1200, 1)).toBe(frames[2]);
    expect(stepFrame(frames, 1200, -1)).toBe(frames[0]);
    expect(stepFrame(frames, 0, -1)).toBe(frames[0]);
    expect(stepFrame(frames, 2000, 1)).toBe(frames[2]);
  });
});
