import { describe, expect, it } from 'vitest';
import { deerGroundTruth } from '../../testing/fixtures';
import { groupSequences, type SequencePhoto } from './sequences';

const iso = (gt: string) => gt.replace(/^(\d{4}):(\d{2}):(\d{2}) /, '$1-$2-$3T');

/** The fixture card as the import stores it: cameras numbered by label, Reconyx event and frame from maker notes. */
function fixturePhotos(): { photos: SequencePhoto[]; eventOf: Map<number, string>; cameraOf: Map<number, string> } {
  const gt = deerGroundTruth();
  const cameras = [...new Set(gt.map((g) => g.camera))].sort();
  const photos = gt.map((g, i) => ({
    id: i + 1,
    cameraId: cameras.indexOf(g.camera) + 1,
    takenAt: iso(g.dateTimeOriginal),
    triggerEvent: g.event,
    triggerFrame: g.frame,
  }));
  return {
    photos,
    eventOf: new Map(gt.map((g, i) => [i + 1, `${g.camera}#${g.event}`])),
    cameraOf: new Map(gt.map((g, i) => [i + 1, g.camera])),
  };
}

describe('groupSequences on the fixture card', () => {
  const { photos, eventOf, cameraOf } = fixturePhotos();

  for (const gap of [0, 1, 10, 60, 3600]) {
    it(`never splits a ground-truth trigger event and never spans cameras (gap ${gap} s)`, () => {
      const groups = groupSequences(photos, gap);
      expect(groups.flatMap((g) => g.photoIds).sort((a, b) => a - b)).toEqual(photos.map((p) => p.id));
      const sequenceOfEvent = new Map<string, number>();
      groups.forEach((g, s) => {
        expect(new Set(g.photoIds.map((p) => cameraOf.get(p))).size).toBe(1);
        for (const p of g.photoIds) {
          const event = eventOf.get(p)!;
          expect(sequenceOfEvent.get(event) ?? s, event).toBe(s);
          sequenceOfEvent.set(event, s);
        }
      });
    });
  }

  it('joins events of one camera a minute apart at the default gap and separates them at a short one', () => {
    const stag = (groups: ReturnType<typeof groupSequences>) =>
      groups.filter((g) => g.photoIds.some((p) => /^H6R1-01-V03#(266|267|270|271|272)$/.test(eventOf.get(p)!)));
    expect(stag(groupSequences(photos, 60))).toHaveLength(1);
    // 266 and 267 are 4 s apart, 267 and 270 35 s, 270-272 2 s.
    expect(stag(groupSequences(photos, 10)).map((g) => g.photoIds.length)).toEqual([10, 20]);
    // At gap 0 each trigger event stands alone, although event 271 has a 3 s hole between frames 8 and 9.
    expect(stag(groupSequences(photos, 0))).toHaveLength(5);
  });

  it('gives start and end in capture order', () => {
    const g = groupSequences(photos, 60).find((s) => s.photoIds.some((p) => eventOf.get(p) === 'H4R0-02#9'))!;
    expect([g.start, g.end]).toEqual(['2014-06-28T13:21:40', '2014-06-28T13:21:49']);
    expect(g.photoIds).toHaveLength(10);
  });
});

describe('groupSequences rules', () => {
  const p = (
    id: number,
    cameraId: number | null,
    takenAt: string | null,
    triggerEvent: number | null = null,
  ): SequencePhoto => ({
    id,
    cameraId,
    takenAt,
    triggerEvent,
    triggerFrame: null,
  });

  it('keeps the sampled frames of a clip of unknown time together, in frame order', () => {
    const frame = (id: number, clipId: number, frameMs: number): SequencePhoto => ({
      ...p(id, 1, null),
      clipId,
      frameMs,
    });
    const groups = groupSequences(
      [frame(5, 9, 2000), frame(3, 9, 0), frame(4, 9, 1000), frame(6, 10, 0), p(7, 1, null)],
      60,
    );
    expect(groups.map((g) => g.photoIds).sort((a, b) => a[0]! - b[0]!)).toEqual([[3, 4, 5], [6], [7]]);
  });

  it('puts photos of unknown time or camera in sequences of their own', () => {
    const groups = groupSequences(
      [p(1, 1, '2020-01-01T10:00:00'), p(2, 1, null), p(3, 1, null), p(4, null, '2020-01-01T10:00:01')],
      60,
    );
    expect(groups.map((g) => g.photoIds)).toEqual([[1], [2], [3], [4]]);
  });

  it('never puts two cameras in one sequence, even at the same instant', () => {
    const groups = groupSequences([p(1, 1, '2020-01-01T10:00:00'), p(2, 2, '2020-01-01T10:00:00')], 60);
    expect(groups.map((g) => [g.cameraId, g.photoIds])).toEqual([
      [1, [1]],
      [2, [2]],
    ]);
  });

  it('keeps a slow trigger event together but not an event number reused on another day', () => {
    const photos = [
      p(1, 1, '2020-01-01T10:00:00', 7),
      p(2, 1, '2020-01-01T10:02:00', 7),
      p(3, 1, '2020-03-01T10:00:00', 7),
    ];
    expect(groupSequences(photos, 60).map((g) => g.photoIds)).toEqual([[1, 2], [3]]);
  });

  it('is a function of the photos alone: input order does not matter', () => {
    const photos = fixturePhotos().photos;
    const reversed = [...photos].reverse();
    expect(groupSequences(reversed, 60)).toEqual(groupSequences(photos, 60));
  });
});
