// Which execution provider the library's models last ran on (and why not CUDA), so `thumper stats` and the app can
// say where detection runs without loading a model. Kept in the settings table under a key that is not a setting.
import type { Db } from '../db/open';

export const PROVIDER_KEY = 'runtime.provider';

export interface ProviderRecord {
  provider: string;
  /** Why the models are not on CUDA, when CUDA was possible or wanted. */
  note: string | null;
  model: string;
  at: string;
}

export function recordProvider(db: Db, record: Omit<ProviderRecord, 'at'>): void {
  db.$client
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(PROVIDER_KEY, JSON.stringify({ ...record, at: new Date().toISOString() }));
}

export function lastProvider(db: Db): ProviderRecord | null {
  const row = db.$client.prepare('SELECT value FROM settings WHERE key = ?').get(PROVIDER_KEY) as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as ProviderRecord) : null;
}
