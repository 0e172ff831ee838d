import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkCamtrapPackage, interopDir } from '../../core/exports/camtrapSchemaCheck';
import { importFixturePhotos, type TestLibrary } from '../../testing/interopLibrary';
import { main } from '../main';

let t: TestLibrary;

async function cli(...argv: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const code = await main(argv).finally(() => vi.restoreAllMocks());
  return { code, err };
}

beforeAll(async () => {
  t = await importFixturePhotos(2);
});
afterAll(() => t.library.close());

describe('thumper export (interop formats)', () => {
  it('names the cameras missing a UTC offset, then writes a valid Camtrap DP package with the overrides', async () => {
    const out = path.join(t.dir, 'camtrap');
    const refused = await cli('export', '--library', t.library.root, '--format', 'camtrap-dp', '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/camera "H4R0-02" has no UTC offset.*--utc-offset/);
    const ok = await cli(
      'export',
      '--library',
      t.library.root,
      '--format',
      'camtrap-dp',
      '--out',
      out,
      '--utc-offset=-05:00',
      '--coordinates=44.1,-73.2',
    );
    expect(ok.code).toBe(0);
    expect(ok.err).toMatch(/2 deployments, 4 media, 4 observations/);
    expect(checkCamtrapPackage(out, interopDir()).errors).toEqual([]);
  });

  it('writes the CSV tables into a folder', async () => {
    const out = path.join(t.dir, 'tables');
    const { code, err } = await cli('export', '--library', t.library.root, '--format', 'csv', '--out', out);
    expect(code).toBe(0);
    expect(err).toMatch(/0 sightings in sightings.csv, 4 photos in photos.csv/);
    expect(fs.readFileSync(path.join(out, 'photos.csv'), 'utf8').trim().split('\n')).toHaveLength(5);
  });
});
