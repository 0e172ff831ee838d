// `thumper serve` refuses what it must refuse before touching anything.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../main';

describe('thumper serve', () => {
  it('needs --allow-remote to bind beyond loopback, and a valid port', async () => {
    const dir = path.join(os.tmpdir(), `thumper-serve-cli-${process.pid}`);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['serve', '--library', dir, '--host', '0.0.0.0'])).toBe(2);
      expect(String(stderr.mock.calls.at(-1)![0])).toMatch(/--allow-remote/);
      expect(await main(['serve', '--library', dir, '--port', '99999'])).toBe(2);
      expect(fs.existsSync(dir)).toBe(false);
    } finally {
      stderr.mockRestore();
    }
  });
});
