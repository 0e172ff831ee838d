// An embedder model: one onnxruntime session (worker/models/session.ts), batched inference over crops that share an
// input size, L2-normalised outputs. Which model is swappable: everything it needs comes from its catalog entry.
import * as ort from 'onnxruntime-node';
import type { EmbedderEntry } from '../../core/models/catalog';
import { l2normalize } from '../../core/reid/vectorMath';
import { letterbox } from '../models/letterbox';
import { createSession, type ModelSession, type SessionOptions } from '../models/session';
import { fillInput } from '../models/tensor';

/** A crop already resized to the model input (RGB, interleaved). */
export interface PreparedCrop {
  width: number;
  height: number;
  rgb: Uint8Array;
}

export const DEFAULT_BATCH = 16;

export class Embedder {
  private constructor(
    readonly entry: EmbedderEntry,
    readonly model: ModelSession,
    readonly maxBatch: number,
  ) {}

  static async load(
    entry: EmbedderEntry,
    file: string,
    options: SessionOptions & { maxBatch?: number } = {},
  ): Promise<Embedder> {
    const model = await createSession(file, options);
    const batch = entry.input.batch === 'dynamic' ? (options.maxBatch ?? DEFAULT_BATCH) : entry.input.batch;
    return new Embedder(entry, model, batch);
  }

  get id(): string {
    return this.entry.id;
  }

  get dimensions(): number {
    return this.entry.dimensions;
  }

  /** One vector per crop, in input order. Crops are batched by input size (a batch tensor has one shape). */
  async embed(crops: PreparedCrop[]): Promise<Float32Array[]> {
    const out = new Array<Float32Array>(crops.length);
    const byShape = new Map<string, number[]>();
    crops.forEach((c, i) => {
      const key = `${c.width}x${c.height}`;
      byShape.set(key, [...(byShape.get(key) ?? []), i]);
    });
    for (const indices of byShape.values()) {
      for (let s = 0; s < indices.length; s += this.maxBatch) {
        const slice = indices.slice(s, s + this.maxBatch);
        const vectors = await this.run(slice.map((i) => crops[i]!));
        slice.forEach((i, k) => (out[i] = vectors[k]!));
      }
    }
    return out;
  }

  private async run(batch: PreparedCrop[]): Promise<Float32Array[]> {
    const { width: W, height: H } = batch[0]!;
    const spec = this.entry.input;
    const data = new Float32Array(batch.length * 3 * W * H);
    const lb = letterbox(W, H, W, H, 'top-left');
    batch.forEach((c, slot) => fillInput(c.rgb, lb, spec, data, slot));
    const input = new ort.Tensor('float32', data, [batch.length, 3, H, W]);
    const result = await this.model.session.run({ [spec.name]: input }, [this.entry.output]);
    const output = result[this.entry.output]!;
    try {
      const flat = output.data as Float32Array;
      const d = this.entry.dimensions;
      if (flat.length !== batch.length * d) {
        throw new Error(
          `embedder ${this.entry.id} returned ${flat.length / batch.length} values per crop, expected ${d}`,
        );
      }
      return batch.map((_, k) => l2normalize(flat.subarray(k * d, (k + 1) * d)));
    } finally {
      input.dispose();
      for (const t of Object.values(result)) t.dispose();
    }
  }

  async release(): Promise<void> {
    await this.model.session.release();
  }
}
