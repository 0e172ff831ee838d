// Clips through the whole app path (the CLI's import, the supervised worker, real models): a clip made from the
// 2015-02-03 stag burst, beside that burst's photos, is imported as a clip, its frames are detected and tracked in
// the burst's visit, and its deer ends up in the stag's individual or a suggestion to it; a truncated MP4 and a
// zero-byte clip fail with their reasons while the rest goes on. The exports carry the clip (MegaDetector's in its
// video convention, passing its validator's checks).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCamtrapPackage, interopDir, parseCsv } from '../../core/exports/camtrapSchemaCheck';
import { DB_FILE, openLibrary } from '../../core/library/library';
import { queryPhotos } from '../../core/queries/photos';
import { burstFrames, makeBurstClip, truncatedCopy } from '../../testing/clips';
import { modelsDir } from '../../testing/fixtures';
import { validateBatchResults } from '../../testing/megadetectorValidate';
import { runCli as cli } from '../../testing/cli';

let dir: string;
let library: string;
let db: Database.Database;

beforeAll(async () => {
  process.env.THUMPER_MODELS_DIR = modelsDir();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-clip-import-'));
  const card = path.join(dir, 'card', 'DCIM');
  fs.mkdirSync(card, { recursive: true });
  // The photos of the stag's two visits that evening, and a clip of the second one.
  for (const event of [266, 267, 270, 271, 272])
    for (const photo of burstFrames('H6R1-01-V03', event).photos)
      fs.copyFileSync(photo, path.join(card, path.basename(photo)));
  const clip = makeBurstClip(card, 'STAG0271.AVI', 'H6R1-01-V03', 271);
  const mp4 = makeBurstClip(dir, 'doe.mp4', 'H6R1-05', 202);
  truncatedCopy(mp4.file, path.join(card, 'CUT0001.MP4'));
  fs.writeFileSync(path.join(card, 'EMPTY001.MP4'), '');
  expect(fs.existsSync(clip.file)).toBe(true);
  library = path.join(dir, 'library');
  const imported = await cli('import', card, '--library', library, '--create');
  expect(imported.code, imported.err).toBe(0);
  db = new Database(path.join(library, DB_FILE), { readonly: true });
}, 600_000);

afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const row = (name: string) =>
  db.prepare('SELECT * FROM images WHERE file_name = ?').get(name) as Record<string, string | number | null>;

describe('clips on a card', () => {
  it('imports the clip with its time and the camera of the photos beside it; bad clips fail with reasons', () => {
    const clip = row('STAG0271.AVI');
    expect(clip).toMatchObject({
      media_type: 'clip',
      state: 'done',
      taken_at: '2015-02-03T18:57:01',
      duration_ms: 10_000,
    });
    expect(clip.camera_id).toBe(row('deer-img71.JPG').camera_id);
    expect(row('CUT0001.MP4')).toMatchObject({ state: 'failed', error: expect.stringMatching(/truncated or damaged/) });
    expect(row('EMPTY001.MP4')).toMatchObject({ state: 'failed', error: 'empty file (0 bytes)' });
  });

  it('processes the sampled frames in the visit of the burst, and the deer joins the stag', () => {
    const clip = row('STAG0271.AVI');
    const frames = db
      .prepare("SELECT id, state, sequence_id AS sequenceId FROM images WHERE clip_id = ? AND media_type = 'frame'")
      .all(clip.id) as { id: number; state: string; sequenceId: number }[];
    expect(frames.length).toBe(10);
    expect(frames.every((f) => f.state === 'done')).toBe(true);
    expect(new Set(frames.map((f) => f.sequenceId))).toEqual(new Set([row('deer-img71.JPG').sequence_id]));
    const individualsOf = (ids: number[]) =>
      new Set(
        (
          db
            .prepare(
              `SELECT DISTINCT t.individual_id AS id FROM detections d JOIN tracklets t ON t.id = d.tracklet_id
               WHERE d.image_id IN (SELECT value FROM json_each(?)) AND d.category = 'animal' AND NOT d.duplicate`,
            )
            .all(JSON.stringify(ids)) as { id: number }[]
        ).map((r) => r.id),
      );
    const clipDeer = individualsOf(frames.map((f) => f.id));
    const photoIds = (db.prepare("SELECT id FROM images WHERE media_type = 'photo'").all() as { id: number }[]).map(
      (r) => r.id,
    );
    const stag = individualsOf(photoIds);
    expect(clipDeer.size).toBeGreaterThan(0);
    const linked = [...clipDeer].every((id) => {
      if (stag.has(id)) return true;
      const pair = db
        .prepare(
          `SELECT 1 FROM suggestions WHERE (individual_id = ? AND candidate_id IN (SELECT value FROM json_each(?)))
           OR (candidate_id = ? AND individual_id IN (SELECT value FROM json_each(?)))`,
        )
        .get(id, JSON.stringify([...stag]), id, JSON.stringify([...stag]));
      return pair !== undefined;
    });
    expect(linked, `clip individuals ${[...clipDeer]} vs the stag's ${[...stag]}`).toBe(true);
  });

  it('lists the clip, not its frames, and counts it once', async () => {
    const listed = await cli('images', '--library', library, '--json');
    const names = (JSON.parse(listed.out) as { fileName: string }[]).map((i) => i.fileName);
    expect(names).toContain('STAG0271.AVI');
    expect(names.some((n) => n.includes(' @ '))).toBe(false);
  });

  it("finds the clip by its frames' boxes in the grid's filters and sorts, counting the most of one frame", () => {
    const lib = openLibrary(library);
    try {
      const clipId = row('STAG0271.AVI').id as number;
      const ids = (filter: Parameters<typeof queryPhotos>[1]['filter'], sort: '-detections' | 'takenAt' = 'takenAt') =>
        queryPhotos(lib.db, { filter, sort, offset: 0, limit: 100 }).items.map((p) => p.id);
      expect(ids({ empty: false })).toContain(clipId);
      expect(ids({ category: 'animal' })).toContain(clipId);
      expect(ids({ empty: true })).not.toContain(clipId);
      const deer = db
        .prepare(
          `SELECT t.individual_id AS id FROM detections d JOIN images f ON f.id = d.image_id
           JOIN tracklets t ON t.id = d.tracklet_id WHERE f.clip_id = ? AND t.individual_id IS NOT NULL LIMIT 1`,
        )
        .get(clipId) as { id: number };
      expect(ids({ individualId: deer.id })).toContain(clipId);
      const perFrame = (
        db
          .prepare(
            `SELECT count(*) AS n FROM detections d JOIN images f ON f.id = d.image_id
             WHERE f.clip_id = ? AND NOT d.duplicate AND NOT d.false_positive GROUP BY f.id`,
          )
          .all(clipId) as { n: number }[]
      ).map((r) => r.n);
      const clip = queryPhotos(lib.db, { filter: {}, sort: 'takenAt', offset: 0, limit: 100 }).items.find(
        (p) => p.id === clipId,
      )!;
      expect(clip.detections).toBe(Math.max(...perFrame));
      // Sorted by boxes, the clip stands among the photos with boxes, before every photo without.
      const sorted = ids({}, '-detections');
      const firstEmpty = sorted.findIndex((id) => ids({ empty: true }).includes(id));
      expect(sorted.indexOf(clipId)).toBeGreaterThanOrEqual(0);
      if (firstEmpty >= 0) expect(sorted.indexOf(clipId)).toBeLessThan(firstEmpty);
    } finally {
      lib.close();
    }
  });

  it('exports the clip to Camtrap DP as video media with event-level observations, and validates', async () => {
    const cameras = JSON.parse((await cli('cameras', 'list', '--library', library, '--json')).out) as { id: number }[];
    for (const c of cameras) {
      const set = await cli(
        'cameras',
        'set',
        String(c.id),
        '--library',
        library,
        '--location',
        '52.1,5.2',
        '--utc-offset',
        '+01:00',
      );
      expect(set.code, set.err).toBe(0);
    }
    const out = path.join(dir, 'camtrap');
    const exported = await cli('export', '--library', library, '--format', 'camtrap-dp', '--out', out);
    expect(exported.code, exported.err).toBe(0);
    expect(checkCamtrapPackage(out, interopDir()).errors).toEqual([]);
    const table = (name: string) => {
      const [head, ...rows] = parseCsv(fs.readFileSync(path.join(out, name), 'utf8')).filter((r) => r.length > 1);
      return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]])));
    };
    const clipMedia = table('media.csv').find((m) => m.fileName === 'STAG0271.AVI')!;
    expect(clipMedia.fileMediatype).toBe('video/x-msvideo');
    expect(table('media.csv').some((m) => m.fileName!.includes(' @ '))).toBe(false);
    expect(table('observations.csv').some((o) => o.mediaID === clipMedia.mediaID)).toBe(false);
    // The visit holding the clip ends no earlier than the clip does (18:57:01 + 10 s).
    const events = table('observations.csv').filter(
      (o) =>
        o.observationLevel === 'event' &&
        o.eventStart! <= '2015-02-03T18:57:01' &&
        o.eventEnd! >= '2015-02-03T18:57:11',
    );
    expect(events.length).toBeGreaterThan(0);
  });

  it("exports the clips in MegaDetector's video convention and passes validate_batch_results", async () => {
    const out = path.join(dir, 'md.json');
    const exported = await cli('export', '--library', library, '--format', 'megadetector', '--out', out);
    expect(exported.code, exported.err).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(validateBatchResults(text)).toEqual({ errors: [], warnings: [] });
    const entries = (JSON.parse(text) as { images: Record<string, unknown>[] }).images;
    // Every file read is where `file` says, relative to photos/ (a zero-byte file was never kept).
    for (const e of entries.filter((e) => !e.failure))
      expect(fs.existsSync(path.join(library, 'photos', String(e.file))), String(e.file)).toBe(true);
    const entry = (name: string) => entries.find((e) => path.posix.basename(String(e.file)) === name)!;
    // The test clip runs at 2 frames a second; a frame is sampled every second: frames 0, 2, ..., 18.
    const clip = entry('STAG0271.AVI') as { frame_rate: number; frames_processed: number[]; detections: Det[] };
    type Det = { category: string; conf: number; frame_number: number };
    expect(clip.frame_rate).toBe(2);
    expect(clip.frames_processed).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    const animals = clip.detections.filter((d) => d.category === '1');
    expect(animals.length).toBeGreaterThan(0);
    for (const d of clip.detections) expect(clip.frames_processed).toContain(d.frame_number);
    expect(entries.some((e) => String(e.file).includes(' @ '))).toBe(false);
    expect(entry('CUT0001.MP4')).toMatchObject({ detections: null, failure: expect.stringMatching(/truncated/) });
    expect(entry('EMPTY001.MP4')).toMatchObject({
      frame_rate: -1,
      frames_processed: [],
      failure: 'empty file (0 bytes)',
    });
    expect(entry('deer-img71.JPG')).not.toHaveProperty('frame_rate');

    // Read back (import-detections), the clip's boxes go to its frames by frame_number, none to the clip itself.
    const back = await cli(
      'import-detections',
      out,
      '--root',
      path.join(library, 'photos'),
      '--library',
      library,
      '--json',
    );
    expect(back.code, back.err).toBe(0);
    const summary = JSON.parse(back.out) as { unmatched: string[]; threshold: number; model: string };
    // Every box found its frame; only the zero-byte clip, never kept, is not in the library.
    expect(summary.unmatched).toEqual(['EMPTY001.MP4']);
    const clipRow = row('STAG0271.AVI');
    const onFrames = db
      .prepare(
        `SELECT f.frame_ms AS frameMs, d.confidence FROM detections d JOIN images f ON f.id = d.image_id
         WHERE f.clip_id = ? AND d.model = ? ORDER BY f.frame_ms, d.confidence DESC`,
      )
      .all(clipRow.id, summary.model) as { frameMs: number; confidence: number }[];
    const kept = clip.detections.filter((d) => d.conf >= summary.threshold);
    expect(onFrames.map((d) => d.frameMs / 500)).toEqual(kept.map((d) => d.frame_number));
    expect(db.prepare('SELECT count(*) AS n FROM detections WHERE image_id = ?').get(clipRow.id)).toEqual({ n: 0 });
  });
});
