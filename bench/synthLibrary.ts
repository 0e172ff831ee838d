// A synthetic library of database rows (no files) shaped like a real one: cameras, visits of 1-6 frames, animal
// detections in a third of the visits linked into tracklets and individuals, a few people, pending suggestions.
// Deterministic (seeded), written in one transaction with prepared statements: 100,000 photos take seconds.
import { openLibrary, type Library } from '../core/library/library';
import { seededRandom } from '../core/util/seededRandom';

export interface SynthOptions {
  photos: number;
  cameras?: number;
  individuals?: number;
  suggestions?: number;
  seed?: number;
}

export interface SynthSummary {
  photos: number;
  sequences: number;
  detections: number;
  individuals: number;
  suggestions: number;
  cameras: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
function localIso(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function synthesizeLibrary(dir: string, options: SynthOptions): { library: Library; summary: SynthSummary } {
  const library = openLibrary(dir, { create: true });
  const c = library.db.$client;
  const rand = seededRandom(options.seed ?? 42);
  const cameraCount = options.cameras ?? 12;
  const individualCount = Math.max(1, options.individuals ?? Math.round(options.photos / 40));
  const suggestionCount = options.suggestions ?? Math.round(individualCount / 3);
  const start = Date.UTC(2023, 0, 1);
  const span = 2 * 365 * 86_400_000;
  const summary: SynthSummary = {
    photos: 0,
    sequences: 0,
    detections: 0,
    individuals: individualCount,
    suggestions: 0,
    cameras: cameraCount,
  };

  const insertCamera = c.prepare('INSERT INTO cameras (id, key, name, make, model, serial) VALUES (?, ?, ?, ?, ?, ?)');
  const insertImport = c.prepare(
    `INSERT INTO imports (id, sources, options, status, finished_at) VALUES (1, '["/synthetic"]', '{}', 'done', ?)`,
  );
  const insertSequence = c.prepare(
    'INSERT INTO sequences (id, camera_id, start, "end", photo_count) VALUES (?, ?, ?, ?, ?)',
  );
  const insertImage = c.prepare(
    `INSERT INTO images (id, sha256, path, file_name, source_path, import_id, camera_id, taken_at, taken_at_source, width, height,
       bytes, trigger_event, trigger_frame, trigger_frames, state, sequence_id, detector, embedder)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?, 'exif', 2048, 1536, 1500000, ?, ?, ?, 'done', ?, 'yolox_nano_416', 'mobilenetv2_gem')`,
  );
  const insertTracklet = c.prepare(
    'INSERT INTO tracklets (id, sequence_id, category, individual_id) VALUES (?, ?, ?, ?)',
  );
  const insertDetection = c.prepare(
    `INSERT INTO detections (id, image_id, model, raw_label, category, sex_age, confidence, x, y, w, h, tracklet_id)
     VALUES (?, ?, 'yolox_nano_416', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertIndividual = c.prepare(
    'INSERT INTO individuals (id, name, category, sex, confirmed) VALUES (?, ?, ?, ?, ?)',
  );
  const insertSuggestion = c.prepare(
    `INSERT INTO suggestions (individual_id, candidate_id, embedder, score, appearance, time_gap_seconds, same_camera, rank, member_signature)
     VALUES (?, ?, 'mobilenetv2_gem', ?, ?, ?, ?, 1, '')`,
  );

  c.transaction(() => {
    insertImport.run(new Date().toISOString());
    for (let i = 1; i <= cameraCount; i++)
      insertCamera.run(i, `SYN${i}`, `Camera ${pad(i)}`, 'RECONYX', 'HC500 HYPERFIRE', `SYN${i}`);
    for (let i = 1; i <= individualCount; i++) {
      insertIndividual.run(i, `Deer ${i}`, 'animal', rand() < 0.5 ? 'female' : 'male', rand() < 0.2 ? 1 : 0);
    }
    let imageId = 0;
    let sequenceId = 0;
    let trackletId = 0;
    let detectionId = 0;
    while (imageId < options.photos) {
      const camera = 1 + Math.floor(rand() * cameraCount);
      const frames = Math.min(options.photos - imageId, 1 + Math.floor(rand() * 6));
      const t0 = start + Math.floor(rand() * span);
      sequenceId++;
      insertSequence.run(sequenceId, camera, localIso(t0), localIso(t0 + (frames - 1) * 1000), frames);
      const animals = rand() < 0.35 ? 1 + Math.floor(rand() * 2) : 0;
      const person = rand() < 0.03;
      const tracks: { id: number; x: number; y: number }[] = [];
      for (let a = 0; a < animals; a++) {
        trackletId++;
        // A few individuals are seen often, most rarely (square of a uniform draw).
        const individual = 1 + Math.floor(rand() ** 2 * individualCount);
        insertTracklet.run(trackletId, sequenceId, 'animal', individual);
        tracks.push({ id: trackletId, x: rand() * 0.7, y: 0.2 + rand() * 0.5 });
      }
      for (let f = 0; f < frames; f++) {
        imageId++;
        const name = `IMG_${pad(imageId, 6)}.JPG`;
        insertImage.run(
          imageId,
          `syn${imageId}`,
          `photos/${name}`,
          name,
          `/synthetic/DCIM/${name}`,
          camera,
          localIso(t0 + f * 1000),
          sequenceId,
          f + 1,
          frames,
          sequenceId,
        );
        for (const t of tracks) {
          detectionId++;
          insertDetection.run(
            detectionId,
            imageId,
            'deer',
            'animal',
            null,
            0.5 + rand() * 0.5,
            t.x + f * 0.01,
            t.y,
            0.2,
            0.25,
            t.id,
          );
        }
        if (person) {
          detectionId++;
          insertDetection.run(detectionId, imageId, 'person', 'person', null, 0.8, 0.6, 0.1, 0.15, 0.6, null);
        }
      }
    }
    for (let s = 0; s < suggestionCount; s++) {
      const a = 1 + Math.floor(rand() * individualCount);
      const b = 1 + Math.floor(rand() * individualCount);
      if (a === b) continue;
      insertSuggestion.run(a, b, 0.5 + rand() * 0.5, 0.5 + rand() * 0.5, rand() * 1e6, rand() < 0.5 ? 1 : 0);
      summary.suggestions++;
    }
    // Derived individual fields, computed the way a recount would.
    c.exec(`UPDATE individuals SET
      detection_count = (SELECT count(*) FROM detections d JOIN tracklets t ON t.id = d.tracklet_id WHERE t.individual_id = individuals.id),
      first_seen = (SELECT min(i.taken_at) FROM detections d JOIN tracklets t ON t.id = d.tracklet_id JOIN images i ON i.id = d.image_id WHERE t.individual_id = individuals.id),
      last_seen = (SELECT max(i.taken_at) FROM detections d JOIN tracklets t ON t.id = d.tracklet_id JOIN images i ON i.id = d.image_id WHERE t.individual_id = individuals.id),
      cover_detection_id = (SELECT d.id FROM detections d JOIN tracklets t ON t.id = d.tracklet_id WHERE t.individual_id = individuals.id ORDER BY d.confidence DESC LIMIT 1)`);
    summary.photos = imageId;
    summary.sequences = sequenceId;
    summary.detections = detectionId;
  }).immediate();
  c.exec('ANALYZE');
  return { library, summary };
}
