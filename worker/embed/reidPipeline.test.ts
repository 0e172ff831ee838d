// The re-identification engine behind the real pipeline: import -> decode -> detect (YOLOX-nano) -> crop+embed ->
// sequence -> track -> match, on the fixture photos of the stag at H6R1-01-V03 (2015-02-03) and of the two-deer
// events at H6R1-05, read back through the CLI.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main';
import { JobControl } from '../../core/jobs/control';
import { ProgressTracker } from '../../core/jobs/progress';
import { openLibrary } from '../../core/library/library';
import { setSetting } from '../../core/library/settings';
import type { IndividualListing, SequenceListing, SuggestionListing } from '../../core/reid/listings';
import { deerGroundTruth, deerImagesDir, modelsDir, type GroundTruthImage } from '../../testing/fixtures';
import { importPhotos } from '../import/importPhotos';
import { processImages } from '../pipeline/processImages';

const picked = deerGroundTruth().filter(
  (g) => (g.camera === 'H6R1-01-V03' && g.dateTimeOriginal.startsWith('2015:02:03')) || g.camera === 'H6R1-05',
);
const dirs: string[] = [];
const tmp = (prefix: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `thumper-${prefix}-`));
  dirs.push(d);
  return d;
};

async function cli<T>(...argv: string[]): Promise<T> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const code = await main(argv);
  vi.restoreAllMocks();
  expect(code).toBe(0);
  return JSON.parse(out) as T;
}

const iou = (a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }) => {
  const ix = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  return (ix * iy) / (a.w * a.h + b.w * b.h - ix * iy);
};

interface Row {
  id: number;
  imageId: number;
  sha256: string;
  tracklet: number | null;
  individual: number | null;
  x: number;
  y: number;
  w: number;
  h: number;
}

describe('re-identification in the pipeline (real detector and embedder)', () => {
  const lib = tmp('reid-lib');
  let rows: Row[] = [];
  const gtBySha = new Map(picked.map((g) => [g.sha256, g]));

  beforeAll(async () => {
    const src = tmp('reid-src');
    for (const g of picked) fs.copyFileSync(path.join(deerImagesDir(), g.file), path.join(src, g.file));
    const library = openLibrary(lib, { create: true });
    try {
      // A short gap makes the stag's two visits (35 s apart) separate sequences, so only a suggestion can link them.
      setSetting(library.db, 'sequenceGapSeconds', 10);
      await importPhotos(library, { sources: [src] }, new ProgressTracker(1, () => undefined), new JobControl());
      const summary = await processImages(
        library,
        { models: modelsDir(), provider: 'cpu', threads: 2 },
        new ProgressTracker(1, () => undefined),
        new JobControl(),
      );
      expect(summary).toMatchObject({ processed: picked.length, failed: 0 });
      expect(summary.reid!.sequencesProcessed).toBe(summary.reid!.sequencesCreated);
      rows = library.db.$client
        .prepare(
          `SELECT d.id, d.image_id AS imageId, i.sha256, d.tracklet_id AS tracklet, t.individual_id AS individual, d.x, d.y, d.w, d.h
           FROM detections d JOIN images i ON i.id = d.image_id LEFT JOIN tracklets t ON t.id = d.tracklet_id
           WHERE d.category = 'animal' AND NOT d.duplicate ORDER BY d.id`,
        )
        .all() as Row[];
    } finally {
      library.close();
    }
  });
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('keeps trigger events whole and cameras apart in the sequences the CLI lists', async () => {
    const sequences = await cli<SequenceListing[]>('sequences', '--library', lib, '--json');
    const shaOf = new Map(rows.map((r) => [r.imageId, r.sha256]));
    const library = openLibrary(lib);
    const images = library.db.$client.prepare('SELECT id, sha256 FROM images').all() as {
      id: number;
      sha256: string;
    }[];
    library.close();
    for (const i of images) shaOf.set(i.id, i.sha256);
    const seqOfEvent = new Map<string, number>();
    for (const s of sequences) {
      expect(Object.keys(s).sort()).toEqual(['camera', 'end', 'id', 'photos', 'start']);
      const gts = s.photos.map((p) => gtBySha.get(shaOf.get(p)!)!);
      expect(new Set(gts.map((g) => g.camera))).toEqual(new Set([s.camera]));
      for (const g of gts) {
        const key = `${g.camera}#${g.event}`;
        expect(seqOfEvent.get(key) ?? s.id).toBe(s.id);
        seqOfEvent.set(key, s.id);
      }
    }
    expect(sequences.flatMap((s) => s.photos)).toHaveLength(picked.length);
  });

  it('links at least 90% of the detections matching a ground-truth box of single-deer events into one tracklet per event', () => {
    const matched = rows.filter((r) => {
      const g = gtBySha.get(r.sha256)!;
      return g.boxes.some((b) => iou(r, { x: b.cx - b.w / 2, y: b.cy - b.h / 2, w: b.w, h: b.h }) >= 0.5);
    });
    const byEvent = new Map<string, Row[]>();
    const eventOf = (g: GroundTruthImage) => `${g.camera}#${g.event}`;
    for (const r of matched)
      byEvent.set(eventOf(gtBySha.get(r.sha256)!), [...(byEvent.get(eventOf(gtBySha.get(r.sha256)!)) ?? []), r]);
    let inMain = 0;
    let total = 0;
    for (const [event, dets] of byEvent) {
      if (picked.some((g) => eventOf(g) === event && g.boxes.length !== 1)) continue;
      const counts = new Map<number | null, number>();
      for (const d of dets) counts.set(d.tracklet, (counts.get(d.tracklet) ?? 0) + 1);
      inMain += Math.max(...counts.values());
      total += dets.length;
    }
    console.log(
      `real pipeline: ${matched.length}/${rows.length} animal boxes match a ground-truth box; single-deer events: ${inMain}/${total} in the event's main tracklet`,
    );
    expect(total).toBeGreaterThan(15);
    expect(inMain / total).toBeGreaterThanOrEqual(0.9);
  });

  it('never puts two boxes of one photo in one tracklet or one individual, and lists individuals and stats', async () => {
    for (const key of ['tracklet', 'individual'] as const) {
      const seen = new Set<string>();
      for (const r of rows) {
        expect(r[key]).not.toBeNull();
        const k = `${r[key]}:${r.imageId}`;
        expect(seen.has(k)).toBe(false);
        seen.add(k);
      }
    }
    const individuals = await cli<IndividualListing[]>('individuals', '--library', lib, '--json');
    expect(individuals.length).toBeGreaterThan(0);
    for (const i of individuals) {
      expect(i.name).toMatch(/^Deer \d+$/);
      expect(i.photos).toHaveLength(i.detections);
      expect(new Set(i.photos).size).toBe(i.photos.length);
    }
    expect(individuals.reduce((n, i) => n + i.detections, 0)).toBe(rows.length);
    const stats = await cli<{ sequences: number; tracklets: number; individuals: number; suggestionsPending: number }>(
      'stats',
      '--library',
      lib,
      '--json',
    );
    expect(stats.individuals).toBe(individuals.length);
    expect(stats.tracklets).toBeGreaterThanOrEqual(individuals.length);
    expect(stats.sequences).toBeGreaterThan(3);
    expect(stats.suggestionsPending).toBeGreaterThan(0);
  });

  it('proposes the stag of the first visit for the second (or the reverse)', async () => {
    const suggestions = await cli<SuggestionListing[]>('suggestions', '--library', lib, '--json');
    const individualsOf = (events: number[]) =>
      new Set(
        rows
          .filter(
            (r) => gtBySha.get(r.sha256)!.camera === 'H6R1-01-V03' && events.includes(gtBySha.get(r.sha256)!.event),
          )
          .map((r) => r.individual),
      );
    const early = individualsOf([266, 267]);
    const late = individualsOf([270, 271, 272]);
    const linking = suggestions.filter(
      (s) => (early.has(s.individual) && late.has(s.candidate)) || (late.has(s.individual) && early.has(s.candidate)),
    );
    console.log('stag suggestions (real pipeline)', linking);
    expect(linking.length).toBeGreaterThan(0);
    for (const s of suggestions)
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['id', 'individual', 'candidate', 'score', 'rank']));
  });
});
