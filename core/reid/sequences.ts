// Sequences: one visit at one camera. Photos of a camera, in capture order, belong together while consecutive
// capture times are at most `gapSeconds` apart. Two rules come before the gap:
// - frames of one camera trigger event (Reconyx maker notes: event number, "3 of 10") are never split, even when
//   a slow frame leaves a gap, because the camera itself says they are one burst;
// - a photo whose time or camera is unknown is its own sequence (nothing says what it belongs with), except the
//   sampled frames of one clip, which are one visit in frame order whether or not the clip's time is known.
// Sequences never span cameras. The grouping is a pure function of the photos, so changing the gap and recomputing
// gives the same answer as grouping from scratch.
import { localMillis } from './time';

export interface SequencePhoto {
  id: number;
  cameraId: number | null;
  takenAt: string | null;
  triggerEvent: number | null;
  triggerFrame: number | null;
  /** A sampled frame's clip and its time in it (null for photos). */
  clipId?: number | null;
  frameMs?: number | null;
}

export interface SequenceGroup {
  cameraId: number | null;
  start: string | null;
  end: string | null;
  /** In capture order. */
  photoIds: number[];
}

/**
 * Two frames with the same event number further apart than this are different events: Reconyx event counters
 * restart when a camera is reset, so the same number can come back on another day.
 */
const SAME_EVENT_WINDOW_MS = 10 * 60 * 1000;

interface Timed extends SequencePhoto {
  ms: number;
}

const byCaptureOrder = (a: Timed, b: Timed) =>
  a.ms - b.ms || (a.triggerFrame ?? 0) - (b.triggerFrame ?? 0) || a.id - b.id;

function groupCamera(photos: Timed[], gapMs: number): Timed[][] {
  const sorted = [...photos].sort(byCaptureOrder);
  // keep[i]: photos i and i+1 stay together.
  const keep = sorted.slice(1).map((p, i) => p.ms - sorted[i]!.ms <= gapMs);
  const lastOfEvent = new Map<number, number>();
  sorted.forEach((p, i) => {
    if (p.triggerEvent === null) return;
    const j = lastOfEvent.get(p.triggerEvent);
    if (j !== undefined && p.ms - sorted[j]!.ms <= SAME_EVENT_WINDOW_MS) for (let k = j; k < i; k++) keep[k] = true;
    lastOfEvent.set(p.triggerEvent, i);
  });
  const groups: Timed[][] = [];
  sorted.forEach((p, i) => {
    if (i === 0 || !keep[i - 1]) groups.push([p]);
    else groups[groups.length - 1]!.push(p);
  });
  return groups;
}

export function groupSequences(photos: SequencePhoto[], gapSeconds: number): SequenceGroup[] {
  const out: SequenceGroup[] = [];
  const perCamera = new Map<number, Timed[]>();
  const timelessClips = new Map<number, SequencePhoto[]>();
  for (const p of photos) {
    const ms = localMillis(p.takenAt);
    if ((ms === null || p.cameraId === null) && p.clipId != null) {
      timelessClips.set(p.clipId, [...(timelessClips.get(p.clipId) ?? []), p]);
      continue;
    }
    if (ms === null || p.cameraId === null) {
      out.push({ cameraId: p.cameraId, start: p.takenAt, end: p.takenAt, photoIds: [p.id] });
      continue;
    }
    const list = perCamera.get(p.cameraId) ?? [];
    list.push({ ...p, ms });
    perCamera.set(p.cameraId, list);
  }
  for (const [cameraId, list] of perCamera) {
    for (const g of groupCamera(list, gapSeconds * 1000)) {
      out.push({ cameraId, start: g[0]!.takenAt, end: g[g.length - 1]!.takenAt, photoIds: g.map((p) => p.id) });
    }
  }
  for (const frames of timelessClips.values()) {
    frames.sort((a, b) => (a.frameMs ?? 0) - (b.frameMs ?? 0) || a.id - b.id);
    out.push({ cameraId: frames[0]!.cameraId, start: null, end: null, photoIds: frames.map((f) => f.id) });
  }
  // A stable order (camera, start, first photo) so that stored sequence ids come out the same on every run.
  return out.sort(
    (a, b) =>
      (a.cameraId ?? Infinity) - (b.cameraId ?? Infinity) ||
      (a.start ?? '\uffff').localeCompare(b.start ?? '\uffff') ||
      a.photoIds[0]! - b.photoIds[0]!,
  );
}
