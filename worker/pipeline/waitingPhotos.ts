// The photos a processing pass takes, as a stream: those waiting now (selectPending) and, while an import of the same
// job is still running (`importing`), each batch it records, so detection starts on the first copied photos while
// the card is still being copied. Every photo is yielded once; photos in flight still look waiting to the query.
import type { Db } from '../../core/db/open';
import { selectPending, type PendingImage, type PendingOptions } from './pending';

/** How long to wait for the import's next batch before asking the database again. */
const POLL_MS = 100;

export async function* waitingPhotos(
  db: Db,
  options: PendingOptions,
  importing: Promise<unknown> | null,
  onFound: (count: number) => void,
): AsyncGenerator<PendingImage> {
  let imported = importing === null;
  const settled = importing?.then(
    () => void (imported = true),
    () => void (imported = true),
  );
  const seen = new Set<number>();
  for (;;) {
    // Read before the query: when the import had ended by then, the query saw all it recorded.
    const last = imported;
    const fresh = selectPending(db, options).filter((p) => !seen.has(p.id));
    if (fresh.length > 0) onFound(fresh.length);
    for (const p of fresh) {
      seen.add(p.id);
      yield p;
    }
    if (last) return;
    if (fresh.length === 0) await Promise.race([settled, new Promise((r) => setTimeout(r, POLL_MS))]);
  }
}
