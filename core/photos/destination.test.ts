import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderName } from './camera';
import { chooseDestination, photoFolder, shortenFileName } from './destination';

describe('destination', () => {
  it('files photos by camera and local date', () => {
    expect(photoFolder('H6R1-01-V03', '2015-02-03T18:56:10')).toBe(path.join('photos', 'H6R1-01-V03', '2015-02-03'));
    expect(photoFolder('North: feeder/2', null)).toBe(path.join('photos', 'North_ feeder_2', 'unknown-date'));
    expect(folderName('...')).toBe('camera');
  });

  it('shortens very long names below file-system limits without breaking characters', () => {
    const long = `${'ñ'.repeat(300)}.JPG`;
    const short = shortenFileName(long);
    expect(Buffer.byteLength(short)).toBeLessThanOrEqual(200);
    expect(short.endsWith('.JPG')).toBe(true);
    expect(short).not.toContain('\uFFFD');
  });

  it('adopts a file holding the same bytes and avoids one holding others', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-dest-'));
    const folder = path.join('photos', 'cam', '2020-01-01');
    fs.mkdirSync(path.join(root, folder), { recursive: true });
    fs.writeFileSync(path.join(root, folder, 'IMG_0001.JPG'), 'other bytes');
    const sha = 'ab'.repeat(32);
    const taken = await chooseDestination(root, folder, 'IMG_0001.JPG', sha, async () => false);
    expect(taken).toEqual({ relPath: path.join(folder, `IMG_0001_${sha.slice(0, 12)}.JPG`), exists: false });
    const adopted = await chooseDestination(root, folder, 'IMG_0001.JPG', sha, async () => true);
    expect(adopted).toEqual({ relPath: path.join(folder, 'IMG_0001.JPG'), exists: true });
  });
});
