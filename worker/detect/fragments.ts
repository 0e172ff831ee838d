// Parts of one animal are not animals. A detector often puts a second box on part of a deer: its head inside the
// body box, its front half beside its rear half, or the middle of a deer that fills the frame inside a weak box
// around all of it. Overlap (IoU) misses these (a head inside a body has IoU 0.1-0.4), so boxes of one category are
// compared by containment and by how they abut:
//   - contained: most of the weaker box lies inside the stronger (or the weaker one encloses the stronger: the
//     weak whole-animal box's extent wins over a strong part's unless it is far weaker, see enclosingConfidence);
//   - abutting: the weaker, smaller box overlaps or touches the stronger side by side over the same height, and the
//     two together have the shape of one deer, not of two in a row.
// A real second animal survives: a fawn in front of a doe is a confident box that stands on the ground (its bottom
// edge is not above the doe's), where a head or a rump fragment is weak or floats in the upper part of the body.
// Suppressed boxes are marked duplicate like cross-class duplicates: kept for transparency, never counted or tracked.
// The box that speaks for the animal is the more confident of the two, and it grows to cover both: a fragment is a
// part of the animal the confident box left out (its antlers, its other half), and a weak box around a confident
// part is the animal's extent (a stag filling the frame, its antlers out to the edges, that COCO has no class for).
// Boxes below the detector's threshold count only as such an extent: a weak box that encloses exactly one kept box
// of its category, and that the rule below lets win over it, grows that box; it is never a detection of its own.
// One the cross-class pass marked duplicate counts too: it is the same object under another label, and its outline
// is no less the animal's (deer-img74: the whole stag is a 0.21 "person" and a 0.11 "cat" around a 0.38 "cat" body).

/** A box in normalised image coordinates with its confidence; `duplicate` as the cross-class pass left it. */
export interface ScoredBox {
  x: number;
  y: number;
  w: number;
  h: number;
  confidence: number;
  category: string;
  duplicate: boolean;
}

export const FRAGMENT_RULES = {
  /** Share of the smaller box inside the larger for "contained". */
  contained: 0.75,
  /**
   * A weaker enclosing box is the whole animal when its confidence is at least this share of the part's. COCO models
   * score the whole of a large, odd-looking animal far below its middle: a stag seen from above, antlers to the
   * frame's edges, is split among "cat", "dog" and "person" over coarse cells (0.08-0.11 against 0.38-0.43 for its
   * body, deer-img74 and 76). On the fixture card no box matched its deer worse at any share from 0.5 down to 0.1,
   * for YOLOX-nano and YOLOv8n alike (bench/boxesVsTruth.ts); a box far weaker still is the background.
   */
  enclosingConfidence: 0.15,
  /** A contained box is an animal of its own (a fawn in front) only at this confidence ... */
  ownAnimalConfidence: 0.4,
  /** ... and this share of the stronger box's confidence ... */
  ownAnimalRelative: 0.6,
  /** ... and with its bottom edge no higher than this share of the larger box's height above its bottom. */
  ownAnimalFooting: 0.15,
  /** Boxes closer than this (share of the image width) touch. */
  touch: 0.02,
  /** Same height band: the weaker box's vertical overlap with the stronger, as a share of its own height. */
  sameBand: 0.6,
  /** Two boxes whose union is wider than this (width / height in pixels) are two animals side by side. */
  oneAnimalAspect: 2,
} as const;

const area = (b: ScoredBox) => b.w * b.h;
const bottom = (b: ScoredBox) => b.y + b.h;

function intersection(a: ScoredBox, b: ScoredBox): { w: number; h: number } {
  return {
    w: Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)),
    h: Math.max(0, Math.min(bottom(a), bottom(b)) - Math.max(a.y, b.y)),
  };
}

/** Share of `inner` that lies inside `outer`. */
export function containment(inner: ScoredBox, outer: ScoredBox): number {
  const i = intersection(inner, outer);
  return area(inner) > 0 ? (i.w * i.h) / area(inner) : 0;
}

/** A contained box that is an animal of its own: confident, and standing on the ground in front of the other. */
function ownAnimal(part: ScoredBox, whole: ScoredBox, stronger: ScoredBox): boolean {
  const r = FRAGMENT_RULES;
  return (
    part.confidence >= r.ownAnimalConfidence &&
    part.confidence >= r.ownAnimalRelative * stronger.confidence &&
    bottom(part) >= bottom(whole) - r.ownAnimalFooting * whole.h
  );
}

/**
 * Which of two same-category boxes is a fragment of the other: 'weaker' (a part of the stronger one's animal),
 * 'stronger' (the weaker box is the whole animal and the stronger a part of it), 'background' (the weaker box
 * encloses the stronger but is too weak to be its animal), or null when they may be two animals. `aspect` is the image's
 * width / height, to judge the union's shape in pixels.
 */
export type FragmentVerdict = 'weaker' | 'stronger' | 'background' | null;

export function fragmentOf(stronger: ScoredBox, weaker: ScoredBox, aspect: number): FragmentVerdict {
  const r = FRAGMENT_RULES;
  if (containment(weaker, stronger) >= r.contained && area(weaker) <= area(stronger))
    return ownAnimal(weaker, stronger, stronger) ? null : 'weaker';
  if (containment(stronger, weaker) >= r.contained) {
    // Both confident and the smaller one standing in front: a fawn before a doe.
    if (ownAnimal(stronger, weaker, stronger) && weaker.confidence >= r.ownAnimalConfidence) return null;
    return weaker.confidence >= r.enclosingConfidence * stronger.confidence ? 'stronger' : 'background';
  }
  // Side by side: overlapping or touching horizontally, over the same height band.
  const gapX = Math.max(stronger.x, weaker.x) - Math.min(stronger.x + stronger.w, weaker.x + weaker.w);
  const vertical = Math.min(bottom(stronger), bottom(weaker)) - Math.max(stronger.y, weaker.y);
  if (gapX > r.touch || vertical < r.sameBand * weaker.h) return null;
  if (area(weaker) > area(stronger) || weaker.h > 1.15 * stronger.h) return null;
  const unionW = Math.max(stronger.x + stronger.w, weaker.x + weaker.w) - Math.min(stronger.x, weaker.x);
  const unionH = Math.max(bottom(stronger), bottom(weaker)) - Math.min(stronger.y, weaker.y);
  return (unionW * aspect) / unionH <= r.oneAnimalAspect ? 'weaker' : null;
}

const union = (a: ScoredBox, b: ScoredBox) => {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(bottom(a), bottom(b)) - y };
};

/**
 * Marks fragments duplicate, strongest boxes first, and grows the box kept for the animal over its fragments; boxes
 * already duplicate, and boxes of other categories, are left alone. Boxes below `threshold`, duplicate or not, only
 * lend their extent (see above) and are not returned. Returns new objects in the input order. Deterministic: ties in
 * confidence keep input order.
 */
export function markFragments<T extends ScoredBox>(boxes: readonly T[], aspect: number, threshold = 0): T[] {
  const all = boxes.map((b) => ({ ...b }));
  const out = all.filter((b) => b.confidence >= threshold);
  const order = out.map((_, i) => i).sort((a, b) => out[b]!.confidence - out[a]!.confidence || a - b);
  for (let n = 0; n < order.length; n++) {
    const weaker = out[order[n]!]!;
    if (weaker.duplicate) continue;
    for (let m = 0; m < n; m++) {
      const stronger = out[order[m]!]!;
      if (stronger.duplicate || stronger.category !== weaker.category) continue;
      const verdict = fragmentOf(stronger, weaker, aspect);
      if (verdict === null) continue;
      weaker.duplicate = true;
      if (verdict !== 'background') Object.assign(stronger, union(stronger, weaker));
      break;
    }
  }
  const weak = all.filter((b) => b.confidence < threshold).sort((a, b) => b.confidence - a.confidence);
  for (const extent of weak) {
    const inside = out.filter(
      (b) => !b.duplicate && b.category === extent.category && containment(b, extent) >= FRAGMENT_RULES.contained,
    );
    if (inside.length === 1 && fragmentOf(inside[0]!, extent, aspect) === 'stronger')
      Object.assign(inside[0]!, union(inside[0]!, extent));
  }
  return out;
}
