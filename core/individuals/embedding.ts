// Embedding vectors as stored in the database (float32 little-endian blobs) and the one way an aggregate is formed:
// the mean of the members' L2-normalised vectors, renormalised, so a member with a larger raw norm does not dominate.

export function decodeVector(blob: Buffer): Float32Array {
  // Copy: a Buffer's byteOffset need not be 4-aligned, which a Float32Array view requires.
  const out = new Float32Array(blob.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = blob.readFloatLE(i * 4);
  return out;
}

export function encodeVector(vector: Float32Array): Buffer {
  const out = Buffer.alloc(vector.length * 4);
  for (let i = 0; i < vector.length; i++) out.writeFloatLE(vector[i]!, i * 4);
  return out;
}

function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

/** Mean of the normalised vectors, renormalised; null when there is nothing (or only zero vectors) to average. */
export function meanOfNormalised(vectors: readonly Float32Array[]): Float32Array | null {
  const first = vectors[0];
  if (!first) return null;
  const sum = new Float64Array(first.length);
  let used = 0;
  for (const v of vectors) {
    if (v.length !== first.length) throw new Error(`embedding dimensions differ: ${v.length} vs ${first.length}`);
    const n = norm(v);
    if (n === 0) continue;
    for (let i = 0; i < v.length; i++) sum[i]! += v[i]! / n;
    used++;
  }
  const total = norm(sum);
  if (used === 0 || total === 0) return null;
  return Float32Array.from(sum, (x) => x / total);
}
