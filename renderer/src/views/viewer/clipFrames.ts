// Which sampled frame a moment of a clip shows, and the neighbours for stepping: pure, so the player stays simple.
export interface FrameRef {
  frameMs: number;
}

/** The last sampled frame at or before `ms` (the first frame before it starts). */
export function frameAt<T extends FrameRef>(frames: readonly T[], ms: number): T | null {
  let found: T | null = frames[0] ?? null;
  for (const f of frames) {
    if (f.frameMs <= ms + 1) found = f;
    else break;
  }
  return found;
}

/** The sampled frame one step before or after the one shown at `ms`. */
export function stepFrame<T extends FrameRef>(frames: readonly T[], ms: number, dir: -1 | 1): T | null {
  const current = frameAt(frames, ms);
  const index = current ? frames.indexOf(current) : -1;
  return frames[Math.min(frames.length - 1, Math.max(0, index + dir))] ?? null;
}
