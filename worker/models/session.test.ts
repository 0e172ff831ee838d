import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { modelsDir } from '../../testing/fixtures';
import { createSession, cudaProviderInstalled } from './session';

describe('createSession', () => {
  const file = path.join(modelsDir(), 'detectors', 'yolox_nano_416.onnx');

  it('loads on the CPU when asked and reports it', async () => {
    const s = await createSession(file, { provider: 'cpu', threads: 1 });
    expect(s.provider).toBe('cpu');
    expect(s.fallbackReason).toBeNull();
    expect(s.inputNames).toEqual(['images']);
    const out = await s.session.run({
      images: new ort.Tensor('float32', new Float32Array(3 * 416 * 416), [1, 3, 416, 416]),
    });
    expect(out.output!.dims).toEqual([1, 3549, 85]);
    await s.session.release();
  });

  it('falls back to the CPU with a reason when CUDA cannot be used', async () => {
    const s = await createSession(file, { provider: cudaProviderInstalled() ? 'auto' : 'cuda', threads: 1 });
    if (cudaProviderInstalled()) expect(['cuda', 'cpu']).toContain(s.provider);
    else {
      expect(s.provider).toBe('cpu');
      expect(s.fallbackReason).toMatch(/CUDA/);
    }
    await s.session.release();
  });
});
