import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanSources } from './scan';

function card(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-scan-'));
  const files = [
    'DCIM/100RECNX/IMG_0001.JPG',
    'DCIM/100RECNX/IMG_0002.jpeg',
    'DCIM/100RECNX/._IMG_0001.JPG',
    'DCIM/100RECNX/.hidden.jpg',
    'DCIM/100RECNX/IMG_0003.MP4',
    'DCIM/100RECNX/IMG_0003.THM',
    'DCIM/101RECNX/scan.png',
    'System Volume Information/IndexerVolumeGuid.jpg',
    '.Trashes/old.jpg',
    'notes.txt',
  ];
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), f);
  }
  return dir;
}

describe('scanSources', () => {
  it('finds photos recursively, lists videos, skips hidden and system files', async () => {
    const dir = card();
    const result = await scanSources([dir]);
    expect(result.photos.map((p) => path.relative(dir, p.path))).toEqual([
      'DCIM/100RECNX/IMG_0001.JPG',
      'DCIM/100RECNX/IMG_0002.jpeg',
      'DCIM/101RECNX/scan.png',
    ]);
    expect(result.videos.map((v) => path.basename(v.path))).toEqual(['IMG_0003.MP4']);
    expect(result.otherFiles).toBe(2); // the .THM thumbnail and notes.txt are counted, not imported
    expect(result.unreadable).toEqual([]);
  });

  it('accepts single files, ignores repeats and reports missing sources', async () => {
    const dir = card();
    const file = path.join(dir, 'DCIM/100RECNX/IMG_0001.JPG');
    const result = await scanSources([file, dir, path.join(dir, 'missing')]);
    expect(result.photos).toHaveLength(3);
    expect(result.unreadable).toHaveLength(1);
    expect(result.unreadable[0]!.reason).toMatch(/ENOENT/);
  });
});
