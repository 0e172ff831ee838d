import { describe, expect, it } from 'vitest';
import { deerGroundTruth } from '../../testing/fixtures';
import { groupSequences } from './sequences';
import { DEFAULT_TRACK_OPTIONS, iou, linkTracklets, type TrackFrame } from './tracklets';

const box = (x: number, y: number, w = 0.2, h = 0.2) => ({ x, y, w, h });
const det = (id: number, b: ReturnType<typeof box>, embedding: number[] | null = null, category = 'animal') => ({
  id,
  category,
  box: b,
  embedding: embedding ? Float32Array.from(embedding) : null,
});

describe('linkTracklets', () => {
  it('follows an animal walking across the frame', () => {
    const frames: TrackFrame[] = [0, 1, 2, 3].map((i) => ({
      imageId: i + 1,
      detections: [det(i + 1, box(0.1 + i * 0.05, 0.4))],
    }));
    expect(linkTracklets(frames).map((t) => t.detectionIds)).toEqual([[1, 2, 3, 4]]);
  });

  it('never puts two boxes of one photo in one tracklet, even when they overlap', () => {
    const frames: TrackFrame[] = [
      { imageId: 1, detections: [det(1, box(0.1, 0.1)), det(2, box(0.12, 0.1))] },
      { imageId: 2, detections: [det(3, box(0.11, 0.1))] },
    ];
    const tracks = linkTracklets(frames);
    for (const t of tracks) expect(new Set(t.imageIds).size).toBe(t.imageIds.length);
    expect(tracks).toHaveLength(2);
  });

  it('keeps two crossing deer apart by appearance where overlap alone is ambiguous', () => {
    const a = [1, 0, 0];
    const b = [0, 1, 0];
    const frames: TrackFrame[] = [
      { imageId: 1, detections: [det(1, box(0.3, 0.4), a), det(2, box(0.5, 0.4), b)] },
      // They have swapped sides: box overlap prefers the wrong pairing, appearance the right one.
      { imageId: 2, detections: [det(3, box(0.46, 0.4), a), det(4, box(0.34, 0.4), b)] },
    ];
    expect(linkTracklets(frames, { ...DEFAULT_TRACK_OPTIONS, minIoU: 0 }).map((t) => t.detectionIds)).toEqual([
      [1, 3],
      [2, 4],
    ]);
  });

  it('links across a jump only when the crops look alike, and never across categories', () => {
    const frames: TrackFrame[] = [
      { imageId: 1, detections: [det(1, box(0.0, 0.0), [1, 0.1, 0]), det(2, box(0.0, 0.7), [0, 0, 1], 'person')] },
      { imageId: 2, detections: [det(3, box(0.7, 0.7), [1, 0.12, 0]), det(4, box(0.7, 0.0), [0, 1, 0])] },
    ];
    expect(linkTracklets(frames).map((t) => t.detectionIds)).toEqual([[1, 3], [2], [4]]);
  });

  it('closes a track after too many frames without it', () => {
    const frames: TrackFrame[] = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => ({
      imageId: i,
      detections: i === 1 || i === 8 ? [det(i, box(0.4, 0.4))] : [],
    }));
    expect(linkTracklets(frames, { ...DEFAULT_TRACK_OPTIONS, maxMissedFrames: 3 }).map((t) => t.detectionIds)).toEqual([
      [1],
      [8],
    ]);
    expect(linkTracklets(frames, { ...DEFAULT_TRACK_OPTIONS, maxMissedFrames: 6 }).map((t) => t.detectionIds)).toEqual([
      [1, 8],
    ]);
  });

  it('computes IoU on non-square boxes', () => {
    expect(iou(box(0, 0, 0.4, 0.2), box(0.2, 0, 0.4, 0.2))).toBeCloseTo(1 / 3, 9);
    expect(iou(box(0, 0, 0.1, 0.1), box(0.5, 0.5, 0.1, 0.1))).toBe(0);
  });
});

describe('linkTracklets on the fixture ground-truth boxes (box overlap only)', () => {
  const gt = deerGroundTruth();
  const iso = (s: string) => s.replace(/^(\d{4}):(\d{2}):(\d{2}) /, '$1-$2-$3T');
  const cameras = [...new Set(gt.map((g) => g.camera))].sort();
  const photos = gt.map((g, i) => ({
    id: i,
    cameraId: cameras.indexOf(g.camera),
    takenAt: iso(g.dateTimeOriginal),
    triggerEvent: g.event,
    triggerFrame: g.frame,
  }));
  let nextId = 1;
  const boxes = gt.map((g) =>
    g.boxes.map((b) => ({ id: nextId++, box: { x: b.cx - b.w / 2, y: b.cy - b.h / 2, w: b.w, h: b.h } })),
  );
  const tracks = groupSequences(photos, 60).flatMap((s) =>
    linkTracklets(s.photoIds.map((p) => ({ imageId: p, detections: boxes[p]!.map((b) => det(b.id, b.box)) }))),
  );

  it("puts at least 90% of the boxes of single-deer events in their event's main tracklet", () => {
    // Counted over all single-deer events together: a 2-frame event where the deer jumped clear across the frame
    // (H5R0-04 #22) cannot be linked by overlap alone and would be 50% on its own; appearance links it in the
    // pipeline test.
    const trackOf = new Map(tracks.flatMap((t, i) => t.detectionIds.map((d) => [d, i] as const)));
    const events = new Map<string, number[]>();
    gt.forEach((g, i) => events.set(`${g.camera}#${g.event}`, [...(events.get(`${g.camera}#${g.event}`) ?? []), i]));
    let inMain = 0;
    let total = 0;
    for (const members of events.values()) {
      if (members.some((i) => gt[i]!.boxes.length !== 1)) continue;
      const counts = new Map<number, number>();
      for (const i of members)
        for (const b of boxes[i]!) counts.set(trackOf.get(b.id)!, (counts.get(trackOf.get(b.id)!) ?? 0) + 1);
      inMain += Math.max(...counts.values());
      total += members.length;
    }
    expect(total).toBeGreaterThan(50);
    expect(inMain / total).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps the two deer of the two-deer frames in different tracklets', () => {
    for (const t of tracks) expect(new Set(t.imageIds).size).toBe(t.imageIds.length);
    const twoDeer = gt.map((g, i) => (g.boxes.length === 2 ? i : -1)).filter((i) => i >= 0);
    expect(twoDeer.length).toBeGreaterThan(0);
  });
});
