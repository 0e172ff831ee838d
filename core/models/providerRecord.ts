// Which execution provider the library's models last ran on (and why not CUDA), so `thumper stats` and the app can
// say where detection runs without loading a model. Kept in the settings table under a key that is not a setting.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { settings } from '../db/schema';

export const PROVIDER_KEY = 'runtime.provider';

export interface ProviderRecord {
  provider: string;
  /** Why the models are not on CUDA, when CUDA was possible or wanted. */
  note: string | null;
  model: string;
  at: string;
}

export function recordProvider(db: Db, record: Omit<ProviderRecord, 'at'>): void {
  const value = { ...record, at: new Date().toISOString() };
  db.insert(settings)
    .values({ key: PROVIDER_KEY, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } })
    .run();
}

export function lastProvider(db: Db): ProviderRecord | null {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, PROVIDER_KEY)).get();
  // Only recordProvider writes this key.
  return row ? (row.value as ProviderRecord) : null;
}
