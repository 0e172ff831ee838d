import { describe, expect, it } from 'vitest';
import { containment, fragmentOf, markFragments, type ScoredBox } from './fragments';

// Reconyx photos are 4:3.
const ASPECT = 4 / 3;
const box = (x: number, y: number, w: number, h: number, confidence: number, category = 'animal'): ScoredBox => ({
  x,
  y,
  w,
  h,
  confidence,
  category,
  duplicate: false,
});
const kept = (boxes: ScoredBox[]) =>
  markFragments(boxes, ASPECT)
    .filter((b) => !b.duplicate)
    .map((b) => b.confidence);

describe('fragments: parts of one animal are not animals', () => {
  it('suppresses the front half beside the rear half of one stag (H6R1-01-V03 event 266, IoU 0.06-0.2)', () => {
    // Boxes as YOLOX-nano put them on deer-img57..60; one stag spans both.
    expect(kept([box(0.54, 0.323, 0.387, 0.437, 0.74), box(0.321, 0.313, 0.253, 0.424, 0.57)])).toEqual([0.74]);
    expect(kept([box(0.453, 0.287, 0.427, 0.509, 0.62), box(0.238, 0.305, 0.351, 0.47, 0.23)])).toEqual([0.62]);
    expect(kept([box(0.479, 0.258, 0.356, 0.535, 0.4), box(0.314, 0.338, 0.284, 0.128, 0.18)])).toEqual([0.4]);
  });

  it('suppresses a head wholly inside the body box (deer-img22: a "bird" on the deer, IoU 0.14)', () => {
    const body = box(0.453, 0.201, 0.538, 0.761, 0.5);
    const head = box(0.466, 0.201, 0.19, 0.297, 0.2);
    expect(containment(head, body)).toBeGreaterThan(0.95);
    expect(fragmentOf(body, head, ASPECT)).toBe('weaker');
  });

  it('grows the strong box on the middle of a deer that fills the frame to the weak box around it (deer-img75)', () => {
    const middle = box(0.362, 0.166, 0.4, 0.777, 0.3);
    const whole = box(0.041, 0.169, 0.945, 0.81, 0.17);
    const out = markFragments([middle, whole], ASPECT);
    expect(out.map((b) => b.duplicate)).toEqual([false, true]);
    expect(out[0]).toMatchObject({ x: 0.041, y: 0.166, confidence: 0.3 });
    expect(out[0]!.w).toBeCloseTo(0.945);
    expect(out[0]!.h).toBeCloseTo(0.813);
    // A far weaker enclosing box is the background, not the animal: the strong box stays as it is.
    expect(fragmentOf(middle, { ...whole, confidence: 0.04 }, ASPECT)).toBe('background');
    expect(markFragments([middle, { ...whole, confidence: 0.04 }], ASPECT)[0]).toEqual(middle);
  });

  it("grows the kept box over a fragment beside it, the stag's antlers (deer-img60)", () => {
    const out = markFragments([box(0.479, 0.258, 0.356, 0.535, 0.4), box(0.314, 0.338, 0.284, 0.128, 0.18)], ASPECT);
    expect(out.map((b) => b.duplicate)).toEqual([false, true]);
    expect(out[0]!.x).toBeCloseTo(0.314);
    expect(out[0]!.w).toBeCloseTo(0.521);
    expect(out[0]!.y).toBeCloseTo(0.258);
  });

  it('takes a box below the threshold only as the extent of the one kept box inside it (deer-img67)', () => {
    const head = box(0.42, 0.25, 0.26, 0.55, 0.26);
    const stag = box(0.14, 0.15, 0.82, 0.79, 0.148);
    const out = markFragments([head, stag], ASPECT, 0.15);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ x: 0.14, y: 0.15, w: 0.82, confidence: 0.26, duplicate: false });
    expect(out[0]!.h).toBeCloseTo(0.79);
    // Too weak to be the extent of so confident a box, and a weak box around two animals is neither's extent.
    expect(
      markFragments(
        [
          { ...head, confidence: 0.4 },
          { ...stag, confidence: 0.05 },
        ],
        ASPECT,
        0.15,
      ),
    ).toEqual([{ ...head, confidence: 0.4 }]);
    const other = box(0.7, 0.5, 0.2, 0.4, 0.3);
    expect(markFragments([head, other, stag], ASPECT, 0.15)).toEqual([head, other]);
    // Nothing inside it: not a detection.
    expect(markFragments([other, box(0.05, 0.05, 0.3, 0.3, 0.1)], ASPECT, 0.15)).toEqual([other]);
  });

  it('takes a weak box the cross-class pass marked duplicate as the extent too (deer-img74)', () => {
    // YOLOX-nano on deer-img74: the stag's body as a 0.38 "cat"; the whole stag, antlers to the frame's edges, as a
    // 0.21 "person" and a 0.11 "cat" that the cross-class pass made the person's duplicate.
    const body = box(0.359, 0.167, 0.421, 0.76, 0.376);
    const person = box(0, 0.136, 1, 0.842, 0.212, 'person');
    const whole = { ...box(0.031, 0.166, 0.956, 0.805, 0.105), duplicate: true };
    const out = markFragments([body, person, whole], ASPECT, 0.15);
    expect(out.map((b) => [b.category, b.duplicate])).toEqual([
      ['animal', false],
      ['person', false],
    ]);
    expect(out[0]).toMatchObject({ x: 0.031, y: 0.166, confidence: 0.376 });
    expect(out[0]!.w).toBeCloseTo(0.956);
    expect(out[0]!.h).toBeCloseTo(0.805);
  });

  it('keeps a fawn standing in front of a doe, and two deer side by side', () => {
    const doe = box(0.3, 0.2, 0.4, 0.5, 0.8);
    const fawn = box(0.42, 0.45, 0.2, 0.27, 0.6);
    expect(containment(fawn, doe)).toBeGreaterThan(0.9);
    expect(kept([doe, fawn])).toEqual([0.8, 0.6]);
    // A weak box floating in the doe's upper half is her head, not a fawn.
    expect(kept([doe, box(0.32, 0.2, 0.15, 0.2, 0.3)])).toEqual([0.8]);
    // Two deer in a row: their union is far wider than one deer.
    expect(kept([box(0.1, 0.4, 0.3, 0.3, 0.8), box(0.38, 0.42, 0.3, 0.28, 0.5)])).toEqual([0.8, 0.5]);
    // Apart: nothing to do with each other.
    expect(kept([box(0.028, 0.22, 0.526, 0.71, 0.8), box(0.679, 0.197, 0.321, 0.574, 0.4)])).toEqual([0.8, 0.4]);
  });

  it('compares boxes of one category only and leaves cross-class duplicates as they were', () => {
    const deer = box(0.3, 0.2, 0.4, 0.5, 0.8);
    const person = box(0.32, 0.2, 0.15, 0.2, 0.3, 'person');
    expect(kept([deer, person])).toEqual([0.8, 0.3]);
    const dup = { ...box(0.31, 0.2, 0.4, 0.5, 0.5), duplicate: true };
    expect(markFragments([deer, dup], ASPECT).map((b) => b.duplicate)).toEqual([false, true]);
  });
});
