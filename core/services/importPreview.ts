// What is on a card before importing: photos per camera with date ranges, videos, and photos the library already
// has. Reading every photo's EXIF is cheap (the header only), but a huge card is sampled to answer within seconds.
import path from 'node:path';
import type { ImportPreview } from '../contract';
import type { Db } from '../db/open';
import { mapOrdered } from '../util/mapOrdered';
import { identifyCamera } from '../photos/camera';
import { readPhotoMetadata } from '../photos/metadata';
import { scanSources, type SourceFile } from '../photos/scan';

const MAX_READ = 3000;
const CONCURRENCY = 8;

interface CameraTally {
  name: string;
  photos: number;
  from: string | null;
  to: string | null;
}

const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null || a < b ? a : b);
const later = (a: string | null, b: string | null) => (a === null ? b : b === null || a > b ? a : b);

export async function previewImport(db: Db, sources: string[], camera?: string): Promise<ImportPreview> {
  const scan = await scanSources(sources);
  const step = Math.max(1, Math.ceil(scan.photos.length / MAX_READ));
  const sample = scan.photos.filter((_, i) => i % step === 0);
  const known = {
    byTime: db.$client.prepare('SELECT 1 FROM images WHERE taken_at = ? AND file_name = ? AND bytes = ? LIMIT 1'),
    bySource: db.$client.prepare(
      'SELECT 1 FROM images WHERE source_path = ? AND bytes = ? AND sha256 IS NOT NULL LIMIT 1',
    ),
  };
  const cameras = new Map<string, CameraTally>();
  const unreadable = scan.unreadable.map((u) => ({ file: u.path, reason: `folder could not be read: ${u.reason}` }));
  let unknownTime = 0;
  let already = 0;
  const read = async (file: SourceFile) => {
    const format = /\.png$/i.test(file.path) ? 'png' : 'jpeg';
    return readPhotoMetadata(file.path, format, path.basename(file.path));
  };
  for await (const outcome of mapOrdered(sample, CONCURRENCY, read)) {
    const file = outcome.item;
    if ('error' in outcome) {
      unreadable.push({ file: file.path, reason: (outcome.error as Error).message });
      continue;
    }
    const meta = outcome.result;
    const identity = identifyCamera(meta, camera, file.path);
    const tally = cameras.get(identity.key) ?? { name: identity.name, photos: 0, from: null, to: null };
    const takenAt = meta.time.takenAt;
    tally.photos += step;
    tally.from = earlier(tally.from, takenAt);
    tally.to = later(tally.to, takenAt);
    cameras.set(identity.key, tally);
    if (takenAt === null) unknownTime += step;
    const seen =
      takenAt !== null
        ? known.byTime.get(takenAt, path.basename(file.path), file.bytes)
        : known.bySource.get(file.path, file.bytes);
    if (seen) already += step;
  }
  const list = [...cameras.values()].sort((a, b) => b.photos - a.photos);
  const photos = scan.photos.length;
  return {
    sources: sources.map((s) => path.resolve(s)),
    photos,
    bytes: scan.photos.reduce((sum, f) => sum + f.bytes, 0),
    // Sampled tallies are scaled up; keep them within the real count.
    cameras: list.map((c) => ({ ...c, photos: Math.min(c.photos, photos) })),
    from: list.reduce<string | null>((m, c) => earlier(m, c.from), null),
    to: list.reduce<string | null>((m, c) => later(m, c.to), null),
    unknownTime: Math.min(unknownTime, photos),
    videos: scan.videos.length,
    otherFiles: scan.otherFiles,
    alreadyInLibrary: Math.min(already, photos),
    unreadable,
    sampled: step > 1,
  };
}
