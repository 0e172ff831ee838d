import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelsDir } from '../../testing/fixtures';
import { findEmbedder } from './catalog';
import { addGemEmbedding } from './gemEmbedding';
import { reconstructMobilenetOriginal } from '../../testing/models/mobilenetOriginal';

describe('addGemEmbedding', () => {
  it('turns the original MobileNetV2 int8 into the catalog embedder, byte for byte', () => {
    const entry = findEmbedder('mobilenetv2_gem');
    const original = reconstructMobilenetOriginal(fs.readFileSync(path.join(modelsDir(), entry.file)));
    expect(createHash('sha256').update(addGemEmbedding(original)).digest('hex')).toBe(entry.sha256);
  });

  it('refuses a graph that is not the expected one', () => {
    expect(() => addGemEmbedding(Buffer.from([0x3a, 0x00]))).toThrow(/no tensor "627"/);
  });
});
