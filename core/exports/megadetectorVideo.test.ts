// A clip in MegaDetector's video convention, and the validate_batch_results checks (testing/megadetectorValidate.ts)
// that the export of a library with clips must pass: the checks are shown to fail on what MegaDetector refuses.
import { describe, expect, it } from 'vitest';
import { validateBatchResults } from '../../testing/megadetectorValidate';
import { megadetectorJson, type MdDetection, type MdFile } from './megadetector';
import { frameNumber, mdVideoEntry, type ClipFrame } from './megadetectorVideo';

const box = (d: { frameMs: number | null; conf: number }): MdDetection => ({
  category: '1',
  conf: d.conf,
  bbox: [0.1, 0.2, 0.3, 0.4],
});
const frames = (ms: number[], detection: ClipFrame['detection'] = 'done'): ClipFrame[] =>
  ms.map((frameMs) => ({ frameMs, detection }));
const done = { state: 'done', error: null, frameRate: 30 };

function file(images: unknown[]): string {
  const md = {
    info: {
      format_version: '1.6',
      detector: 'thumper:yolox_nano_416',
      detection_completion_time: '2026-12-03 23:00:00',
      detector_metadata: { typical_detection_threshold: 0.3, conservative_detection_threshold: 0.075 },
    },
    detection_categories: { 1: 'animal', 2: 'person', 3: 'vehicle' },
    images,
  } as unknown as MdFile;
  return megadetectorJson(md);
}

describe("a clip in MegaDetector's video convention", () => {
  it('numbers the sampled frames at the clip rate and gives each box its frame', () => {
    expect(frameNumber(1000, 29.97)).toBe(30);
    expect(frameNumber(0, 25)).toBe(0);
    const entry = mdVideoEntry(
      done,
      'cam/2015-02-03/STAG0271.AVI',
      frames([0, 1000, 2000]),
      [
        { frameMs: 1000, conf: 0.9 },
        { frameMs: 2000, conf: 1 },
      ],
      box,
    );
    expect(entry).toEqual({
      file: 'cam/2015-02-03/STAG0271.AVI',
      frame_rate: 30,
      frames_processed: [0, 30, 60],
      detections: [
        { category: '1', conf: 0.9, bbox: [0.1, 0.2, 0.3, 0.4], frame_number: 30 },
        { category: '1', conf: 1, bbox: [0.1, 0.2, 0.3, 0.4], frame_number: 60 },
      ],
    });
    expect(validateBatchResults(file([entry]))).toEqual({ errors: [], warnings: [] });
  });

  it('leaves out a clip whose frames wait for detection, and a failed frame from frames_processed', () => {
    expect(mdVideoEntry(done, 'a.mp4', [...frames([0]), ...frames([1000], 'waiting')], [], box)).toBeNull();
    expect(mdVideoEntry({ ...done, state: 'imported' }, 'a.mp4', [], [], box)).toBeNull();
    const entry = mdVideoEntry(done, 'a.mp4', [...frames([0]), ...frames([1000], 'failed')], [], box);
    expect(entry).toMatchObject({ frames_processed: [0], detections: [] });
  });

  it('writes a failed clip with its reason, and an unknown rate as MegaDetector does (negative, beside a failure)', () => {
    const cut = mdVideoEntry(
      { state: 'failed', error: 'truncated or damaged clip', frameRate: null },
      'CUT0001.MP4',
      [],
      [],
      box,
    );
    expect(cut).toEqual({
      file: 'CUT0001.MP4',
      frame_rate: -1,
      frames_processed: [],
      detections: null,
      failure: 'truncated or damaged clip',
    });
    expect(validateBatchResults(file([cut]))).toEqual({ errors: [], warnings: [] });
  });
});

describe('the validate_batch_results checks', () => {
  const video = { file: 'v.mp4', frame_rate: 2, frames_processed: [0, 2], detections: [] as unknown[] };
  const det = { category: '1', conf: 0.5, bbox: [0.1, 0.1, 0.2, 0.2], frame_number: 2 };

  it('refuse what MegaDetector refuses', () => {
    const errors = (images: unknown[]) => validateBatchResults(file(images)).errors;
    expect(errors([{ ...video, frames_processed: undefined }])).toEqual([
      'Video without frames_processed field: v.mp4',
    ]);
    expect(errors([{ ...video, frame_rate: undefined }])).toEqual(['Video without frame rate: v.mp4']);
    expect(errors([{ ...video, frame_rate: -1 }])).toEqual(['Video with illegal frame rate -1: v.mp4']);
    expect(errors([{ ...video, detections: [{ ...det, frame_number: undefined }] }])).toEqual([
      'Frame without frame number in video v.mp4',
    ]);
    expect(errors([{ ...video, detections: [{ ...det, category: '7' }] }])).toEqual([
      'Image v.mp4 has a detection with an unmapped category 7',
    ]);
    expect(errors([{ file: 'a.jpg', detections: [], failure: 'x' }])).toEqual([
      'Image a.jpg has a failure value but a non-null detections array',
    ]);
    expect(errors([{ file: 'a.jpg' }])).toEqual(["'detections'"]);
    // A confidence written 1 is a Python int: refused. megadetectorJson writes it 1.0.
    const text = JSON.stringify({
      info: { format_version: '1.6' },
      detection_categories: { 1: 'animal' },
      images: [{ file: 'a.jpg', detections: [{ category: '1', conf: 1, bbox: [0, 0, 1, 1] }] }],
    });
    expect(validateBatchResults(text).errors).toEqual(['Image a.jpg has an illegal confidence value']);
    expect(validateBatchResults(text.replace('"conf":1', '"conf":1.0')).errors).toEqual([]);
    expect(validateBatchResults(file([{ file: 'a.jpg', detections: [{ ...det, conf: 1 }] }])).errors).toEqual([]);
  });

  it('an image is not a video: no frame fields needed', () => {
    expect(validateBatchResults(file([{ file: 'a.JPG', detections: [det] }])).errors).toEqual([]);
  });
});
