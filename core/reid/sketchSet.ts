// An in-memory set of 1-bit sketches (one per individual), grouped by category, scanned by hamming distance.
// A scan over 100,000 x 512-bit sketches in JS takes a few ms (1280 bits: ~10-15 ms) and, unlike a sqlite-vec vec0
// KNN (whose cost grows with k: ~20 ms for 80 candidates, ~50 ms for 300 over 100,000 x 1280 bits), costs the same
// whatever the number of candidates asked for, so the exact re-ranking can afford a generous pool. Grouping by category makes a filtered
// scan touch only that category's rows.

interface Segment {
  ids: Int32Array;
  words: Uint32Array;
  size: number;
}

/** Number of set bits in a 32-bit word (SWAR; JS has no popcount). */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

export class SketchSet {
  private readonly segments = new Map<string, Segment>();
  private readonly where = new Map<number, { category: string; pos: number }>();

  /** 32-bit words per sketch: set by the first sketch stored. */
  private words = 0;

  get size(): number {
    return this.where.size;
  }

  put(id: number, category: string, sketch: Uint32Array): void {
    if (this.segments.size === 0) this.words = sketch.length;
    if (sketch.length !== this.words)
      throw new Error(`sketch of ${sketch.length} words where ${this.words} are stored`);
    this.remove(id);
    let seg = this.segments.get(category);
    if (!seg)
      this.segments.set(
        category,
        (seg = { ids: new Int32Array(64), words: new Uint32Array(64 * this.words), size: 0 }),
      );
    if (seg.size === seg.ids.length) {
      const ids = new Int32Array(seg.ids.length * 2);
      ids.set(seg.ids);
      const words = new Uint32Array(ids.length * this.words);
      words.set(seg.words);
      seg.ids = ids;
      seg.words = words;
    }
    seg.ids[seg.size] = id;
    seg.words.set(sketch, seg.size * this.words);
    this.where.set(id, { category, pos: seg.size++ });
  }

  /** Removes by moving the segment's last row into the hole (row order carries no meaning: ties break by id). */
  remove(id: number): void {
    const at = this.where.get(id);
    if (!at) return;
    this.where.delete(id);
    const seg = this.segments.get(at.category)!;
    const last = --seg.size;
    if (at.pos === last) return;
    const moved = seg.ids[last]!;
    seg.ids[at.pos] = moved;
    seg.words.copyWithin(at.pos * this.words, last * this.words, (last + 1) * this.words);
    this.where.get(moved)!.pos = at.pos;
  }

  /**
   * The `count` ids nearest to the query by hamming distance (all of them when fewer are stored), in one category or
   * all, in ascending id order. Which ids tie at the cut-off is decided by id, so the pool does not depend on
   * insertion history.
   */
  nearest(query: Uint32Array, count: number, category?: string): number[] {
    const segs =
      category === undefined
        ? [...this.segments.values()]
        : [this.segments.get(category)].filter((s) => s !== undefined);
    const total = segs.reduce((n, s) => n + s.size, 0);
    const distances = new Uint16Array(total);
    const histogram = new Uint32Array(this.words * 32 + 1);
    const W = this.words;
    let r = 0;
    for (const seg of segs) {
      const words = seg.words;
      for (let i = 0, o = 0; i < seg.size; i++, o += W) {
        let d = 0;
        for (let j = 0; j < W; j++) d += popcount(words[o + j]! ^ query[j]!);
        distances[r++] = d;
        histogram[d]!++;
      }
    }
    let cut = 0;
    for (let seen = histogram[0]!; seen < count && cut < histogram.length - 1;) seen += histogram[++cut]!;
    const below: number[] = [];
    const at: number[] = [];
    r = 0;
    for (const seg of segs) {
      for (let i = 0; i < seg.size; i++, r++) {
        if (distances[r]! < cut) below.push(seg.ids[i]!);
        else if (distances[r] === cut) at.push(seg.ids[i]!);
      }
    }
    at.sort((a, b) => a - b);
    return below.concat(at.slice(0, Math.max(0, count - below.length))).sort((a, b) => a - b);
  }
}
