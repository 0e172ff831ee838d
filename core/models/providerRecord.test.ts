import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { getSettings } from '../library/settings';
import { lastProvider, recordProvider } from './providerRecord';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-provider-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('keeps the last provider the models ran on, apart from the settings', () => {
  const db = openDatabase(path.join(dir, 'p.db'));
  expect(lastProvider(db)).toBeNull();
  recordProvider(db, { provider: 'cuda', note: null, model: 'md' });
  recordProvider(db, { provider: 'cpu', note: 'no CUDA device', model: 'yolox_nano_416' });
  expect(lastProvider(db)).toMatchObject({ provider: 'cpu', note: 'no CUDA device', model: 'yolox_nano_416' });
  expect(lastProvider(db)!.at).toMatch(/^\d{4}-\d\d-\d\dT/);
  expect(getSettings(db)).not.toHaveProperty('runtime.provider');
  db.$client.close();
});
