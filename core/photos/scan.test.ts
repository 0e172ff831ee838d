import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
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

  it('skips FIFOs, sockets, devices and folders named like photos with a reason, also as the direct source', async () => {
    const dir = card();
    const fifo = path.join(dir, 'DCIM/100RECNX/IMG_0009.JPG');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const socketPath = path.join(dir, 'DCIM/cam.sock');
    const server = net.createServer().listen(socketPath);
    await new Promise((r) => server.once('listening', r));
    fs.mkdirSync(path.join(dir, 'DCIM/IMG_0100.JPG'));
    fs.writeFileSync(path.join(dir, 'DCIM/IMG_0100.JPG/inside.jpg'), 'x');
    try {
      const started = Date.now();
      const direct = await scanSources([fifo, '/dev/null']);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(direct.photos).toEqual([]);
      expect(direct.skipped).toEqual([
        { path: fifo, reason: 'a named pipe (FIFO), not a photo file' },
        { path: '/dev/null', reason: 'a device, not a photo file' },
      ]);
      const walked = await scanSources([dir]);
      expect(walked.photos.map((p) => path.basename(p.path))).toEqual(['IMG_0001.JPG', 'IMG_0002.jpeg', 'scan.png']);
      expect(Object.fromEntries(walked.skipped.map((s) => [path.basename(s.path), s.reason]))).toEqual({
        'IMG_0009.JPG': 'a named pipe (FIFO), not a photo file',
        'cam.sock': 'a socket, not a photo file',
        'IMG_0100.JPG': 'a folder named like a photo, not a photo file',
      });
    } finally {
      server.close();
    }
  });

  it('follows symbolic links once, skipping loops and broken links with a reason', async () => {
    const dir = card();
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-scan-linked-'));
    fs.writeFileSync(path.join(elsewhere, 'linked.jpg'), 'x');
    fs.symlinkSync(elsewhere, path.join(dir, 'DCIM/more'));
    fs.symlinkSync(dir, path.join(dir, 'DCIM/100RECNX/loop'));
    fs.symlinkSync(path.join(dir, 'gone.jpg'), path.join(dir, 'DCIM/broken.jpg'));
    const result = await scanSources([dir]);
    expect(result.photos.map((p) => path.basename(p.path))).toEqual([
      'IMG_0001.JPG',
      'IMG_0002.jpeg',
      'scan.png',
      'linked.jpg', // DCIM/more/, after DCIM/101RECNX/
    ]);
    expect(Object.fromEntries(result.skipped.map((s) => [path.basename(s.path), s.reason]))).toEqual({
      loop: 'a link back into a folder above it (loop), not followed',
      'broken.jpg': 'a link to something that no longer exists',
    });
  });
});
