// One embedder shared by every photo in flight, batching across photos: while a batch runs, the crops of other photos
// wait, and the next run takes the oldest crop's input shape and as many waiting crops of that shape as the model's
// batch allows (a batch tensor has one shape). Batches grow when the model is the bottleneck (a GPU fed by the
// crops of several photos) and a lone crop runs at once: no timer, no added latency. Runs never overlap, so on a
// CPU the embedder's threads do not compete with a second run of their own.
import type { Embedder, PreparedCrop } from './embedder';

/** What embedBoxes needs of an embedder: its input spec and vectors for crops, in order. */
export type CropEmbedder = Pick<Embedder, 'entry' | 'embed'>;

interface Waiting {
  crop: PreparedCrop;
  resolve: (vector: Float32Array) => void;
  reject: (err: unknown) => void;
  /** Which embed() call (photo) the crop came from. */
  caller: number;
}

export interface QueueStats {
  runs: number;
  crops: number;
  /** Runs that held crops of more than one call (photo). */
  crossPhotoRuns: number;
}

const shapeOf = (c: PreparedCrop) => `${c.width}x${c.height}`;

export class EmbedQueue implements CropEmbedder {
  private waiting: Waiting[] = [];
  private running = false;
  private calls = 0;
  readonly stats: QueueStats = { runs: 0, crops: 0, crossPhotoRuns: 0 };

  constructor(private readonly embedder: Pick<Embedder, 'entry' | 'embed' | 'maxBatch'>) {}

  get entry() {
    return this.embedder.entry;
  }

  /** One vector per crop, in input order, from runs shared with other callers' crops. */
  embed(crops: PreparedCrop[]): Promise<Float32Array[]> {
    const caller = this.calls++;
    const vectors = Promise.all(
      crops.map(
        (crop) => new Promise<Float32Array>((resolve, reject) => this.waiting.push({ crop, resolve, reject, caller })),
      ),
    );
    // After all of this call's crops wait: a photo's crops of one shape go in one run.
    void this.drain();
    return vectors;
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.take();
        this.stats.runs++;
        this.stats.crops += batch.length;
        if (new Set(batch.map((w) => w.caller)).size > 1) this.stats.crossPhotoRuns++;
        try {
          const vectors = await this.embedder.embed(batch.map((w) => w.crop));
          batch.forEach((w, i) => w.resolve(vectors[i]!));
        } catch (err) {
          // Only the crops of this run fail: the photos they belong to fail, the others go on.
          for (const w of batch) w.reject(err);
        }
      }
    } finally {
      this.running = false;
    }
  }

  /** The oldest crop and the next waiting crops of its shape, up to the model's batch, in arrival order. */
  private take(): Waiting[] {
    const shape = shapeOf(this.waiting[0]!.crop);
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    for (const w of this.waiting) {
      if (batch.length < this.embedder.maxBatch && shapeOf(w.crop) === shape) batch.push(w);
      else rest.push(w);
    }
    this.waiting = rest;
    return batch;
  }
}
