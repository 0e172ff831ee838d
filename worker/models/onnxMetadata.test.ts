import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { modelsDir } from '../../testing/fixtures';
import { parseMetadataProps, parseNames, readOnnxMetadata } from './onnxMetadata';
import { tinyYolov5Model } from '../../testing/models/tinyYolov5';

describe('ONNX metadata', () => {
  it('reads metadata_props written into a model', () => {
    const bytes = tinyYolov5Model({ size: 32, rows: [[1, 1, 1, 1, 1, 1]], names: "{0: 'doe', 1: 'young buck'}" });
    expect(parseMetadataProps(bytes)).toEqual({ names: "{0: 'doe', 1: 'young buck'}", stride: '32' });
  });

  it('parses Ultralytics names and tolerates their absence', async () => {
    expect(parseNames("{0: 'person', 2: \"car\", 1: 'bicycle'}")).toEqual(['person', 'bicycle', 'car']);
    expect(parseNames(undefined)).toBeNull();
    const yolox = await readOnnxMetadata(path.join(modelsDir(), 'detectors', 'yolox_nano_416.onnx'));
    expect(yolox.names).toBeUndefined();
  });
});
