import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashAndCopy, SourceReadError } from './hashCopy';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-hash-'));

describe('hashAndCopy', () => {
  it('copies and hashes in one pass, keeping head and tail bytes', async () => {
    const dir = tmp();
    const data = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31) & 0xff;
    fs.writeFileSync(path.join(dir, 'a.jpg'), data);
    const result = await hashAndCopy(path.join(dir, 'a.jpg'), path.join(dir, 'copy.part'));
    expect(result.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    expect(result.bytes).toBe(data.length);
    expect(result.head.equals(data.subarray(0, 64))).toBe(true);
    expect(result.tail.equals(data.subarray(data.length - 65536))).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'copy.part')).equals(data)).toBe(true);
  });

  it('reports a vanished source as a source error and leaves no partial copy', async () => {
    const dir = tmp();
    const err = await hashAndCopy(path.join(dir, 'gone.jpg'), path.join(dir, 'x.part')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceReadError);
    expect((err as Error).message).toContain('disappeared');
    expect(fs.existsSync(path.join(dir, 'x.part'))).toBe(false);
  });

  it('hashes without copying when no destination is given', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'b.jpg'), 'abc');
    const result = await hashAndCopy(path.join(dir, 'b.jpg'), null);
    expect(result.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(fs.readdirSync(dir)).toEqual(['b.jpg']);
  });

  it('never removes a destination it did not create', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'c.jpg'), 'new');
    fs.writeFileSync(path.join(dir, 'taken.part'), 'another run');
    const err = await hashAndCopy(path.join(dir, 'c.jpg'), path.join(dir, 'taken.part')).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/taken\.part/);
    expect(fs.readFileSync(path.join(dir, 'taken.part'), 'utf8')).toBe('another run');
  });
});
