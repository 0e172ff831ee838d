import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DetectorEntry } from '../../core/models/catalog';
import { findDetector } from '../../core/models/catalog';
import { resolveModelsFolder } from '../../core/models/folder';
import { deerGroundTruth, deerImagesDir, modelsDir } from '../../testing/fixtures';
import { decodeImage, type DecodedImage } from '../../core/photos/decode';
import { tinyYolov5Model } from '../../testing/models/tinyYolov5';
import { classMappings } from '../../core/models/labels';
import { letterbox } from '../models/letterbox';
import { loadDetector, postProcess } from './detector';
import { matchBoxes } from './matchBoxes';

const blank = (width: number, height: number): DecodedImage => ({
  data: Buffer.alloc(width * height * 3, 90),
  width,
  height,
});

describe('loadDetector with a YOLOv5/MegaDetector-shaped graph', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-tiny-'));
  fs.mkdirSync(path.join(dir, 'detectors'));
  fs.writeFileSync(
    path.join(dir, 'detectors', 'tiny.onnx'),
    tinyYolov5Model({
      size: 64,
      names: "{0: 'animal', 1: 'person', 2: 'vehicle'}",
      rows: [
        [32, 32, 20, 10, 0.9, 0.9, 0.1, 0], // an animal
        [33, 32, 20, 10, 0.9, 0.1, 0.8, 0], // the same place read as a person: a duplicate
        [10, 10, 4, 4, 0.1, 1, 0, 0], // below threshold
      ],
    }),
  );
  const entry: DetectorEntry = {
    id: 'tiny_md',
    name: 'tiny',
    kind: 'detector',
    family: 'yolov5',
    file: 'detectors/tiny.onnx',
    sha256: '',
    licence: 'test',
    source: 'test',
    input: {
      name: 'images',
      width: 64,
      height: 64,
      channels: 'rgb',
      scale: 255,
      anchor: 'center',
      pad: 114,
      batch: 'dynamic',
    },
    output: 'output',
  };

  it('reads labels from ONNX names, batches, and maps boxes back per image shape', async () => {
    const det = await loadDetector(entry, resolveModelsFolder(dir), { provider: 'cpu', maxBatch: 2 });
    expect(det.batchSize).toBe(2);
    expect(det.threshold).toBe(0.2);
    expect(det.classes.map((c) => c.category)).toEqual(['animal', 'person', 'vehicle']);
    const [wide, tall, square] = await det.detect([blank(128, 64), blank(64, 128), blank(64, 64)]);
    // 128x64 -> 64x32 centred at y 16..48: input box x 22..42, y 27..37.
    expect(wide).toHaveLength(2);
    expect(wide![0]).toMatchObject({
      rawLabel: 'animal',
      category: 'animal',
      duplicate: false,
      confidence: expect.closeTo(0.81, 5),
    });
    expect(wide![0]!.x).toBeCloseTo(22 / 64);
    expect(wide![0]!.y).toBeCloseTo(11 / 32);
    expect(wide![0]!.w).toBeCloseTo(20 / 64);
    expect(wide![0]!.h).toBeCloseTo(10 / 32);
    expect(wide![1]).toMatchObject({ category: 'person', duplicate: true });
    // 64x128 -> 32x64 centred at x 16..48.
    expect(tall![0]!.x).toBeCloseTo(6 / 32);
    expect(tall![0]!.y).toBeCloseTo(27 / 64);
    expect(tall![0]!.w).toBeCloseTo(20 / 32);
    expect(square![0]!.h).toBeCloseTo(10 / 64);
    await det.close();
  });
});

describe('loadDetector with YOLOX-nano', () => {
  it('finds the deer of a real photo where the hand-drawn box is', async () => {
    const det = await loadDetector(findDetector('yolox_nano_416'), resolveModelsFolder(modelsDir()), {
      provider: 'cpu',
    });
    expect(det.batchSize).toBe(1);
    const gt = deerGroundTruth().find((g) => g.file === 'deer-img10.JPG')!;
    const [boxes] = await det.detect([await decodeImage(path.join(deerImagesDir(), gt.file))]);
    const animals = boxes!.filter((b) => b.category === 'animal' && !b.duplicate);
    const truth = gt.boxes.map((b) => ({ x: b.cx - b.w / 2, y: b.cy - b.h / 2, w: b.w, h: b.h }));
    expect(matchBoxes(animals, truth).matched).toBe(1);
    await det.close();
  });
});

describe('postProcess', () => {
  const coco = classMappings('coco80');
  const cow = coco.findIndex((c) => c.label === 'cow');
  const candidate = (x1: number, y1: number, side: number, score: number) => ({
    x1,
    y1,
    x2: x1 + side,
    y2: y1 + side,
    score,
    classIndex: cow,
  });

  it('drops a weak box too small for the detector to resolve, and keeps a confident one of that size', () => {
    const lb = letterbox(2048, 1536, 416, 416, 'top-left');
    const kept = postProcess(
      [candidate(100, 200, 12, 0.16), candidate(300, 200, 12, 0.5), candidate(200, 100, 40, 0.16)],
      lb,
      coco,
      0.15,
    ).map((d) => d.confidence);
    expect(kept).toEqual([0.5, 0.16]);
  });
});
