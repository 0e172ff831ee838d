import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { modelsDir } from '../../testing/fixtures';
import { tinyYolov5Model } from '../../testing/models/tinyYolov5';
import { addModel } from './add';
import { findDetector, findEmbedder, type DetectorEntry } from './catalog';
import { sha256File } from './download';
import { resolveModelsFolder, type ModelsFolder } from './folder';
import { inspectOnnx as inspect } from '../../worker/models/inspect';
import { InvalidModelError } from './inspection';
import { catalogFor, loadUserModels } from './userModels';

let folder: ModelsFolder;
let scratch = '';

beforeEach(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-add-'));
  folder = resolveModelsFolder(path.join(scratch, 'models'));
});

/** A YOLOv5-layout graph ([batch, boxes, 5+classes]) with three deer classes, as a user's own export would be. */
function writeTinyYolov5(names?: string, extraClasses = 0): string {
  const file = path.join(scratch, 'my-deer.onnx');
  const more = new Array<number>(extraClasses).fill(0.01);
  const rows = [
    [100, 100, 50, 80, 0.9, 0.1, 0.8, 0.05, ...more],
    [300, 200, 60, 60, 0.7, 0.6, 0.2, 0.1, ...more],
  ];
  fs.writeFileSync(file, tinyYolov5Model({ size: 320, rows, names }));
  return file;
}

describe('addModel', () => {
  it('registers the Ultralytics YOLOv8 int8 file as a COCO detector', async () => {
    const source = path.join(modelsDir(), 'detectors', 'yolov8n_int8_640.onnx');
    const added = await addModel(source, { folder, inspect, id: 'my_yolov8' });
    const entry = added.entry as DetectorEntry;
    expect(entry).toMatchObject({
      kind: 'detector',
      family: 'yolov8',
      file: 'user/my_yolov8.onnx',
      output: 'output0',
      input: { name: 'images', width: 640, height: 640, channels: 'rgb', scale: 255, anchor: 'center', batch: 1 },
    });
    expect(added.notes).toContain('family yolov8 recognised from the output layout');
    const labels = entry.labels as { label: string; category: string }[];
    expect(labels).toHaveLength(80);
    expect(labels.find((l) => l.label === 'horse')!.category).toBe('animal');
    expect(labels.find((l) => l.label === 'truck')!.category).toBe('vehicle');
    expect(labels.find((l) => l.label === 'cup')!.category).toBe('ignored');
    expect(await sha256File(path.join(folder.dir, entry.file))).toBe(await sha256File(source));
    expect(findDetector('my_yolov8', catalogFor(folder)).sha256).toBe(entry.sha256);
  });

  it('reads the class names of a YOLOv5-format graph from its metadata and maps deer sex/age classes', async () => {
    const added = await addModel(writeTinyYolov5("{0: 'doe', 1: 'fawn', 2: 'buck'}"), { folder, inspect });
    expect(added.entry).toMatchObject({
      id: 'my_deer',
      family: 'yolov5',
      input: { width: 320, height: 320, batch: 'dynamic' },
      labels: [
        { label: 'doe', category: 'animal', sexAge: 'doe' },
        { label: 'fawn', category: 'animal', sexAge: 'fawn' },
        { label: 'buck', category: 'animal', sexAge: 'buck' },
      ],
    });
    expect(added.notes).toContain('class names from the model metadata (names)');
    // The registry is plain JSON the user may edit: a re-add replaces the entry instead of adding a second one.
    await addModel(writeTinyYolov5(), { folder, inspect, labels: ['doe', 'fawn', 'person'] });
    const user = loadUserModels(folder);
    expect(user).toHaveLength(1);
    expect((user[0] as DetectorEntry).labels).toEqual([
      { label: 'doe', category: 'animal', sexAge: 'doe' },
      { label: 'fawn', category: 'animal', sexAge: 'fawn' },
      { label: 'person', category: 'person' },
    ]);
  });

  it('takes YOLOX when told, with its own pre-processing', async () => {
    const added = await addModel(writeTinyYolov5(), { folder, inspect, family: 'yolox', labels: ['a', 'b', 'c'] });
    expect(added.entry).toMatchObject({ family: 'yolox', input: { channels: 'bgr', scale: 1, anchor: 'top-left' } });
  });

  it('refuses labels that do not match the class count, and a model without names', async () => {
    await expect(addModel(writeTinyYolov5(), { folder, inspect, labels: ['doe', 'fawn'] })).rejects.toThrow(
      /outputs 3 classes but 2 names/,
    );
    await expect(addModel(writeTinyYolov5(undefined, 1), { folder, inspect })).rejects.toThrow(
      /4 classes and no class names.*--labels/,
    );
    expect(loadUserModels(folder)).toEqual([]);
  });

  it('reads three unnamed classes as the MegaDetector classes', async () => {
    const added = await addModel(writeTinyYolov5(), { folder, inspect, id: 'md_v5a' });
    expect((added.entry as DetectorEntry).labels).toEqual([
      { label: 'animal', category: 'animal' },
      { label: 'person', category: 'person' },
      { label: 'vehicle', category: 'vehicle' },
    ]);
    expect(added.notes).toContain('class names assumed from the class count (MegaDetector)');
  });

  it('registers an embedder with its vector length', async () => {
    const added = await addModel(path.join(modelsDir(), 'reid', 'osnet_x0_25_msmt17.onnx'), {
      folder,
      inspect,
      family: 'osnet',
      id: 'my_osnet',
    });
    expect(added.entry).toMatchObject({
      kind: 'embedder',
      family: 'osnet',
      dimensions: 512,
      input: { width: 128, height: 256, batch: 'dynamic' },
    });
    expect(findEmbedder('my_osnet', catalogFor(folder)).dimensions).toBe(512);
  });

  it('rejects a file onnxruntime cannot load, and built-in ids', async () => {
    const junk = path.join(scratch, 'junk.onnx');
    fs.writeFileSync(junk, 'not a model');
    await expect(addModel(junk, { folder, inspect })).rejects.toThrow(InvalidModelError);
    await expect(
      addModel(writeTinyYolov5(), { folder, inspect, id: 'yolox_nano_416', labels: ['a', 'b', 'c'] }),
    ).rejects.toThrow(/built-in/);
  });
});
