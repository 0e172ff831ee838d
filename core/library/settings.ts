// Library settings with their defaults: the single place that knows which keys exist.
import { eq } from 'drizzle-orm';
import type { DeerSpecies } from '../contract';
import type { Db } from '../db/open';
import { settings } from '../db/schema';

export const DEFAULT_SETTINGS = {
  detector: 'yolox_nano_416',
  embedder: 'mobilenetv2_gem',
  /** Photos of one camera closer than this belong to one sequence. */
  sequenceGapSeconds: 60,
  /** Off until the user switches it on after calibration. */
  autoAccept: false,
  autoAcceptThreshold: null as number | null,
  /** The embedder auto-accept was calibrated for: scores of another embedder do not compare, so it stays idle then. */
  autoAcceptEmbedder: null as string | null,
  /** The deer species the library is about (exports' scientific name); "other" says only "deer" (Cervidae). */
  deerSpecies: 'other' as DeerSpecies,
  /** Animal photos of one camera this close count as one independent detection (relative abundance). */
  independenceMinutes: 30,
  /** Frames sampled from each second of a clip after its first frame (detection runs on each). */
  clipFramesPerSecond: 1,
};

export type Settings = typeof DEFAULT_SETTINGS;
export type SettingKey = keyof Settings;

export function getSetting<K extends SettingKey>(db: Db, key: K): Settings[K] {
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  return row ? (row.value as Settings[K]) : DEFAULT_SETTINGS[key];
}

export function getSettings(db: Db): Settings {
  // Only known keys: the table also holds runtime records (core/models/providerRecord.ts) that are not settings.
  const stored = Object.fromEntries(
    db
      .select()
      .from(settings)
      .all()
      .filter((r) => r.key in DEFAULT_SETTINGS)
      .map((r) => [r.key, r.value]),
  );
  return { ...DEFAULT_SETTINGS, ...stored } as Settings;
}

export function setSetting<K extends SettingKey>(db: Db, key: K, value: Settings[K]): void {
  db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}
