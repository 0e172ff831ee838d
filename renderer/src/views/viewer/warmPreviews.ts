// Previews of the photos the user will likely step to next, asked for in the background: the host makes a missing
// preview on first request and keeps it, and the browser keeps the answer (Cache-Control), so the arrow key finds
// it ready. Started only once the shown photo's own preview has loaded, so it never competes with it.
import type { ThumperApi } from '../../../../core/contract/client';

/** The last few warm-ups by URL: a photo is asked for once, and its Image is held so it is not collected mid-load. */
const warming = new Map<string, HTMLImageElement>();
const MAX_WARMING = 16;

export function warmPreviews(api: ThumperApi, ids: readonly (number | null)[]): void {
  for (const id of ids) {
    if (id === null) continue;
    const url = api.mediaUrl({ kind: 'preview', id });
    if (warming.has(url)) continue;
    if (warming.size >= MAX_WARMING) warming.delete(warming.keys().next().value!);
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    warming.set(url, img);
  }
}
