// Pixels -> model input: a resized RGB image placed in the padded input, in the channel order and scale the model
// wants, planar (CHW), written into a batch buffer at the image's slot.
import type { InputSpec } from '../../core/models/catalog';
import type { Letterbox } from './letterbox';

export function fillInput(rgb: Uint8Array, lb: Letterbox, spec: InputSpec, out: Float32Array, slot: number): void {
  const { inputWidth: W, inputHeight: H, resizedWidth: rw, resizedHeight: rh, padX, padY } = lb;
  const plane = W * H;
  const base = slot * 3 * plane;
  const mean = spec.mean ?? [0, 0, 0];
  const std = spec.std ?? [1, 1, 1];
  // Output channel k reads source channel order[k]: BGR models take RGB reversed.
  const order = spec.channels === 'bgr' ? [2, 1, 0] : [0, 1, 2];
  for (let k = 0; k < 3; k++) {
    const src = order[k]!;
    const m = mean[src]!;
    const s = std[src]!;
    const padValue = ((spec.pad ?? 0) / spec.scale - m) / s;
    out.fill(padValue, base + k * plane, base + (k + 1) * plane);
    for (let y = 0; y < rh; y++) {
      let o = base + k * plane + (y + padY) * W + padX;
      let i = y * rw * 3 + src;
      for (let x = 0; x < rw; x++, o++, i += 3) out[o] = (rgb[i]! / spec.scale - m) / s;
    }
  }
}
