// What the benchmarks time: a piece of work's wall and CPU seconds (all threads of this process: libuv's for sharp,
// onnxruntime's for the models) and how busy the main thread's event loop was, and the raw detector, the reference a
// pipeline's rate is held against.
import { performance } from 'node:perf_hooks';
import * as ort from 'onnxruntime-node';
import { createSession, type SessionOptions } from '../worker/models/session';

export interface Measure {
  name: string;
  photos: number;
  seconds: number;
  cpuSeconds: number;
  /**
   * Fraction of the wall time the event loop was busy. onnxruntime-node runs each inference on this thread, and every
   * JavaScript step of the pipeline runs here too: near 1, this one thread bounds the work whatever the cores.
   */
  loopBusy: number;
}

export async function measure(name: string, photos: number, fn: () => Promise<unknown>): Promise<Measure> {
  const cpu = process.cpuUsage();
  const loop = performance.eventLoopUtilization();
  const start = process.hrtime.bigint();
  await fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  const loopBusy = performance.eventLoopUtilization(loop).utilization;
  return { name, photos, seconds, cpuSeconds: (used.user + used.system) / 1e6, loopBusy };
}

export const rate = (m: Measure) => m.photos / m.seconds;
export const cpuMsPerPhoto = (m: Measure) => (m.cpuSeconds * 1000) / m.photos;

/** Runs before the timed ones: CUDA builds its kernels on the first runs. */
const WARM_UP_RUNS = 10;

/**
 * onnxruntime alone: the detector's session run `count` times on one ready input (batch 1, as the graph fixes),
 * after a few untimed runs.
 */
export async function rawDetector(
  file: string,
  spec: { name: string; width: number; height: number },
  count: number,
  options: SessionOptions,
): Promise<Measure> {
  const model = await createSession(file, options);
  const input = new ort.Tensor('float32', new Float32Array(3 * spec.width * spec.height).fill(0.5), [
    1,
    3,
    spec.height,
    spec.width,
  ]);
  const run = async () => {
    for (const o of Object.values(await model.session.run({ [spec.name]: input }))) o.dispose();
  };
  try {
    for (let i = 0; i < WARM_UP_RUNS; i++) await run();
    return await measure('raw detector', count, async () => {
      for (let i = 0; i < count; i++) await run();
    });
  } finally {
    await model.session.release();
  }
}
