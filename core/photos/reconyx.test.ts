import path from 'node:path';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { deerGroundTruth, deerImagesDir } from '../../testing/fixtures';
import { parseReconyxMakerNote } from './reconyx';

describe('Reconyx HyperFire maker notes', () => {
  it('gives label, serial, event and frame equal to the ground truth for every fixture photo', async () => {
    const truth = deerGroundTruth();
    expect(truth.length).toBe(78);
    for (const gt of truth) {
      const meta = await sharp(path.join(deerImagesDir(), gt.file)).metadata();
      const note = (exifReader(meta.exif!).Photo as Record<string, unknown>).MakerNote as Buffer;
      expect(parseReconyxMakerNote(note), gt.file).toEqual({
        serial: gt.serial,
        label: gt.camera,
        event: gt.event,
        frame: gt.frame,
        frames: gt.framesInEvent,
      });
    }
  });

  it('ignores other maker notes and short buffers', () => {
    expect(parseReconyxMakerNote(undefined)).toBeNull();
    expect(parseReconyxMakerNote(Buffer.from('Nikon\0\x02\x10\0\0'))).toBeNull();
    expect(parseReconyxMakerNote(Buffer.alloc(200))).toBeNull();
  });
});
