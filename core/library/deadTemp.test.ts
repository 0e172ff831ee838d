// The cache sweep a writer runs when it opens a library: temp files of dead writers and the WebP thumbnails and
// previews of versions before JPEG go; finished images, a live writer's temp files and other caches stay.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleCacheFiles } from './deadTemp';

function files(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}

describe('removeStaleCacheFiles', () => {
  it('removes dead temp files and legacy WebP images, keeps the rest', async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-sweep-'));
    const dead = spawnSync('true').pid;
    const live = process.ppid;
    const put = (rel: string) => {
      fs.mkdirSync(path.dirname(path.join(cache, rel)), { recursive: true });
      fs.writeFileSync(path.join(cache, rel), 'x');
    };
    const kept = [
      'thumbs/0/7.jpg',
      'previews/1/1007.jpg',
      `previews/1/1008.jpg.${live}.k3j.tmp`,
      'crops/display/0/7.jpg',
      'clips/0/9.mp4',
      // A .webp that is not an image id's is not ours to judge.
      'thumbs/0/notes.webp',
    ];
    const gone = [
      'thumbs/0/7.webp',
      'previews/1/1007.webp',
      `thumbs/0/8.jpg.${dead}.a1.tmp`,
      `previews/0/8.webp.${dead}.b2.tmp`,
    ];
    for (const rel of [...kept, ...gone]) put(rel);
    expect(await removeStaleCacheFiles(cache)).toBe(gone.length);
    expect(files(cache)).toEqual(kept.map((rel) => path.normalize(rel)).sort());
    expect(await removeStaleCacheFiles(cache)).toBe(0);
  });
});
