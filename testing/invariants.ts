// The rules individuals must satisfy, checked from the raw rows with an independent recount (not with the code that
// maintains them). Used by the tests after every edit; returns what is wrong, empty when all is well.
import type { Db } from '../core/db/open';
import { getSetting } from '../core/library/settings';
import { embedderKey } from '../core/db/vectorIndex';
import { DECIDED_SQL } from '../core/individuals/decided';
import { decodeVector, meanOfNormalised } from '../core/individuals/embedding';
import { sketch } from '../core/reid/sketch';

interface Detection {
  id: number;
  image_id: number;
  tracklet_id: number | null;
  false_positive: number;
  confidence: number;
  taken_at: string | null;
}
interface Tracklet {
  id: number;
  individual_id: number | null;
  embedding: Buffer | null;
}
interface Individual {
  id: number;
  merged_into: number | null;
  detection_count: number;
  first_seen: string | null;
  last_seen: string | null;
  cover_detection_id: number | null;
  embedding: Buffer | null;
  category: string;
  decided: number;
}

function sameBytes(a: Buffer | null, b: Float32Array | null): boolean {
  if (a === null || b === null) return a === null && b === null;
  return Buffer.compare(a, Buffer.from(b.buffer)) === 0;
}

export function individualViolations(db: Db): string[] {
  const c = db.$client;
  const detections = c
    .prepare('SELECT d.*, i.taken_at FROM detections d JOIN images i ON i.id = d.image_id')
    .all() as Detection[];
  const tracklets = new Map(
    (c.prepare('SELECT * FROM tracklets ORDER BY id').all() as Tracklet[]).map((t) => [t.id, t]),
  );
  const individuals = new Map(
    (c.prepare(`SELECT *, ${DECIDED_SQL} AS decided FROM individuals`).all() as Individual[]).map((i) => [i.id, i]),
  );
  const out: string[] = [];
  const members = new Map<number, Detection[]>();
  const trackletSize = new Map<number, number>();
  for (const d of detections) {
    if (d.tracklet_id === null) continue;
    const t = tracklets.get(d.tracklet_id);
    if (!t) {
      out.push(`detection ${d.id} points at missing tracklet ${d.tracklet_id}`);
      continue;
    }
    if (d.false_positive) out.push(`false detection ${d.id} is still in tracklet ${t.id}`);
    trackletSize.set(t.id, (trackletSize.get(t.id) ?? 0) + 1);
    if (t.individual_id !== null && !d.false_positive)
      members.set(t.individual_id, [...(members.get(t.individual_id) ?? []), d]);
  }
  for (const t of tracklets.values()) {
    if (!trackletSize.get(t.id)) out.push(`tracklet ${t.id} is empty`);
    const owner = t.individual_id === null ? undefined : individuals.get(t.individual_id);
    if (!owner) out.push(`tracklet ${t.id} has no individual (${t.individual_id})`);
    else if (owner.merged_into !== null) out.push(`tracklet ${t.id} belongs to merged individual ${owner.id}`);
  }
  const targets = new Set([...individuals.values()].map((i) => i.merged_into));
  for (const ind of individuals.values()) {
    const own = members.get(ind.id) ?? [];
    const photos = new Set(own.map((d) => d.image_id));
    if (photos.size !== own.length) out.push(`individual ${ind.id} holds two detections of one photo`);
    const times = own.flatMap((d) => (d.taken_at === null ? [] : [d.taken_at])).sort();
    if (ind.detection_count !== own.length)
      out.push(`individual ${ind.id} counts ${ind.detection_count}, recount ${own.length}`);
    if (ind.first_seen !== (times[0] ?? null) || ind.last_seen !== (times.at(-1) ?? null))
      out.push(`individual ${ind.id} first/last seen are stale`);
    const coverOk =
      own.length === 0 ? ind.cover_detection_id === null : own.some((d) => d.id === ind.cover_detection_id);
    if (!coverOk) out.push(`individual ${ind.id} has cover ${ind.cover_detection_id}, not one of its detections`);
    const vectors = [...tracklets.values()]
      .filter((t) => t.individual_id === ind.id && t.embedding !== null)
      .map((t) => decodeVector(t.embedding!));
    if (!sameBytes(ind.embedding, meanOfNormalised(vectors))) out.push(`individual ${ind.id} embedding is stale`);
    // The pipeline keeps an emptied individual that carries a person's decisions (core/individuals/decided.ts).
    const held =
      targets.has(ind.id) || ind.decided === 1 || [...tracklets.values()].some((t) => t.individual_id === ind.id);
    if (own.length === 0 && ind.merged_into === null && !held) {
      out.push(`individual ${ind.id} is empty`);
    }
  }
  const pending = c
    .prepare("SELECT id, individual_id AS a, candidate_id AS b FROM suggestions WHERE state = 'pending'")
    .all() as {
    id: number;
    a: number;
    b: number;
  }[];
  for (const s of pending) {
    for (const side of [s.a, s.b]) {
      const ind = individuals.get(side);
      if (!ind || ind.merged_into !== null) out.push(`pending suggestion ${s.id} refers to gone individual ${side}`);
    }
  }
  out.push(...vectorViolations(db, individuals));
  return out;
}

/** The embedder's index holds exactly the standing individuals that have a vector, each with its vector's sketch. */
function vectorViolations(db: Db, individuals: ReadonlyMap<number, Individual>): string[] {
  const out: string[] = [];
  const indexed = new Map(
    (
      db.$client
        .prepare('SELECT individual_id AS id, category, sketch FROM individual_sketches WHERE embedder = ?')
        .all(embedderKey(getSetting(db, 'embedder'))) as { id: number; category: string; sketch: Buffer }[]
    ).map((r) => [r.id, r]),
  );
  for (const ind of individuals.values()) {
    const expected = ind.merged_into === null && ind.embedding !== null;
    const row = indexed.get(ind.id);
    if (expected !== (row !== undefined))
      out.push(`individual ${ind.id} is ${expected ? 'missing from' : 'left in'} the vector index`);
    else if (
      row &&
      (row.category !== ind.category || Buffer.compare(row.sketch, sketch(decodeVector(ind.embedding!))) !== 0)
    )
      out.push(`individual ${ind.id}'s indexed vector is stale`);
  }
  for (const id of indexed.keys())
    if (!individuals.has(id)) out.push(`deleted individual ${id} is left in the vector index`);
  return out;
}
