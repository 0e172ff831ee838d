// A small but realistic library for the tests of individuals and edits: real migrations in a temp folder, cameras,
// photos in trigger sequences (some of unknown time), several animals per photo, tracklets linking each animal
// through its sequence, detection vectors in sqlite-vec, tracklet embeddings, individuals made of one or more
// tracklets and their pending suggestions. Deterministic for a seed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inTransaction } from '../core/db/open';
import { DB_FILE, openLibrary, type Library } from '../core/library/library';
import { getSetting } from '../core/library/settings';
import { individualsChanged } from '../core/reid/maintain';
import { ensureVectorTables, getDetectionEmbeddings, putDetectionEmbeddings } from '../core/db/vectorIndex';
import { seededRandom } from '../core/util/seededRandom';
import { createIndividual } from '../core/individuals/assign';
import { encodeVector, meanOfNormalised } from '../core/individuals/embedding';

export interface TestLibraryShape {
  cameras?: number;
  sequencesPerCamera?: number;
  seed?: number;
}

export interface TestLibrary extends Library {
  remove(): void;
}

const DIM = 8;

const tempRoot = () => fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-individuals-'));

function withRemove(library: Library): TestLibrary {
  return { ...library, remove: () => fs.rmSync(library.root, { recursive: true, force: true }) };
}

/** A fresh copy of a test library (much cheaper than building one: property tests start every run from a copy). */
export function copyTestLibrary(source: TestLibrary): TestLibrary {
  source.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  const root = tempRoot();
  fs.copyFileSync(path.join(source.root, DB_FILE), path.join(root, DB_FILE));
  return withRemove(openLibrary(root));
}

export function makeTestLibrary(shape: TestLibraryShape = {}): TestLibrary {
  const library = openLibrary(tempRoot(), { create: true });
  const random = seededRandom(shape.seed ?? 1);
  const c = library.db.$client;
  const embedder = getSetting(library.db, 'embedder');
  const vector = (around?: Float32Array) =>
    Float32Array.from({ length: DIM }, (_, i) => (around?.[i] ?? 0) + random() * 2 - 1);
  inTransaction(library.db, () => {
    ensureVectorTables(library.db, embedder, DIM);
    let photo = 0;
    const trackletsBySequence: number[][] = [];
    for (let cam = 1; cam <= (shape.cameras ?? 3); cam++) {
      const cameraId = Number(
        c.prepare('INSERT INTO cameras (key, name) VALUES (?, ?)').run(`CAM${cam}`, `Camera ${cam}`).lastInsertRowid,
      );
      for (let s = 0; s < (shape.sequencesPerCamera ?? 4); s++) {
        const photos = 1 + Math.floor(random() * 4);
        const animals = 1 + Math.floor(random() * 3);
        const timed = s % 4 !== 3;
        const start = Date.UTC(2015, 1, 1 + s, 6 + cam, 0, 0);
        const sequenceId = Number(
          c
            .prepare('INSERT INTO sequences (camera_id, start, "end", photo_count) VALUES (?, ?, ?, ?)')
            .run(cameraId, null, null, photos).lastInsertRowid,
        );
        const looks = Array.from({ length: animals }, () => vector());
        const tracklets = looks.map(() =>
          Number(
            c.prepare("INSERT INTO tracklets (sequence_id, category) VALUES (?, 'animal')").run(sequenceId)
              .lastInsertRowid,
          ),
        );
        trackletsBySequence.push(tracklets);
        for (let p = 0; p < photos; p++) {
          photo++;
          const takenAt = timed ? new Date(start + p * 2000).toISOString().slice(0, 19) : null;
          const imageId = Number(
            c
              .prepare(
                `INSERT INTO images (sha256, path, file_name, source_path, camera_id, taken_at, state, sequence_id)
                 VALUES (?, ?, ?, ?, ?, ?, 'done', ?)`,
              )
              .run(
                `sha${photo}`,
                `photos/IMG_${photo}.JPG`,
                `IMG_${photo}.JPG`,
                `/card/IMG_${photo}.JPG`,
                cameraId,
                takenAt,
                sequenceId,
              ).lastInsertRowid,
          );
          // Not every animal is seen in every frame: some walk out of the picture.
          tracklets.forEach((trackletId, k) => {
            if (p > 0 && random() < 0.2) return;
            const detectionId = c
              .prepare(
                `INSERT INTO detections (image_id, model, raw_label, category, confidence, x, y, w, h, tracklet_id)
                 VALUES (?, 'yolox_nano_416', 'deer', 'animal', ?, ?, ?, ?, ?, ?)`,
              )
              .run(
                imageId,
                0.3 + random() * 0.7,
                random() * 0.5,
                random() * 0.5,
                0.1 + random() * 0.3,
                0.1 + random() * 0.3,
                trackletId,
              ).lastInsertRowid;
            putDetectionEmbeddings(library.db, embedder, [
              { detectionId: Number(detectionId), vector: vector(looks[k]) },
            ]);
          });
        }
      }
    }
    c.prepare(
      'DELETE FROM tracklets WHERE NOT EXISTS (SELECT 1 FROM detections d WHERE d.tracklet_id = tracklets.id)',
    ).run();
    // Tracklet embeddings as the tracking stage makes them: the mean of the detections' vectors.
    for (const { id } of c.prepare('SELECT id FROM tracklets').all() as { id: number }[]) {
      const ids = (c.prepare('SELECT id FROM detections WHERE tracklet_id = ?').all(id) as { id: number }[]).map(
        (r) => r.id,
      );
      const mean = meanOfNormalised([...getDetectionEmbeddings(library.db, embedder, ids).values()]);
      c.prepare('UPDATE tracklets SET embedding = ? WHERE id = ?').run(mean ? encodeVector(mean) : null, id);
    }
    // Individuals: the k-th animal of consecutive sequences is often the same deer coming back.
    const live = new Set((c.prepare('SELECT id FROM tracklets').all() as { id: number }[]).map((r) => r.id));
    for (let s = 0; s < trackletsBySequence.length; s += 2) {
      const here = trackletsBySequence[s]!.filter((t) => live.has(t));
      const next = (trackletsBySequence[s + 1] ?? []).filter((t) => live.has(t));
      here.forEach((t, k) =>
        createIndividual(library.db, next[k] !== undefined && random() < 0.6 ? [t, next[k]!] : [t]),
      );
      next.forEach((t) => {
        const held = c.prepare('SELECT individual_id AS i FROM tracklets WHERE id = ?').get(t) as { i: number | null };
        if (held.i === null) createIndividual(library.db, [t]);
      });
    }
    // Vectors in sqlite-vec and pending suggestions, as the match stage leaves them.
    individualsChanged(
      library.db,
      embedder,
      (c.prepare('SELECT id FROM individuals').all() as { id: number }[]).map((r) => r.id),
    );
  });
  return withRemove(library);
}

/**
 * Every row of every table the app owns, for exact before/after comparisons. The journal is left out (undo keeps
 * its entries), and so is the vector index's generation token (random on every change, by design).
 */
export function dumpTables(db: Library['db']): Record<string, unknown[][]> {
  const c = db.$client;
  const tables = (
    c.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as {
      name: string;
      sql: string;
    }[]
  ).filter((t) => t.name !== 'edit_journal' && !t.name.startsWith('__drizzle') && !t.name.startsWith('sqlite_'));
  const out: Record<string, unknown[][]> = {};
  for (const t of tables) {
    const columns = t.name === 'vector_spaces' ? 'embedder, dim' : '*';
    // Tables without a rowid are ordered by their (two-column) primary key.
    const order = t.sql.includes('WITHOUT ROWID') ? '1, 2' : 'rowid';
    out[t.name] = c.prepare(`SELECT ${columns} FROM "${t.name}" ORDER BY ${order}`).raw().all() as unknown[][];
  }
  return out;
}

/** A short digest of dumpTables, cheap enough to take after every step of a property test. */
export function fingerprintTables(db: Library['db']): string {
  const rows = Object.entries(dumpTables(db)).map(([name, r]) => [
    name,
    r.map((row) => row.map((v) => (Buffer.isBuffer(v) ? v.toString('base64') : v))),
  ]);
  const text = JSON.stringify(rows);
  return crypto.createHash('sha1').update(text).digest('hex');
}
