// Warms the browser cache with the pair shown next (each side's best photo and the first sightings of its strip), so
// the desk never waits on images after a decision.
import { useEffect } from 'react';
import type { IndividualSummary } from '../../../../core/contract/entities';
import { useApi } from '../../data/apiContext';
import { bestFirst } from './bestFirst';
import { SIGHTINGS_PER_SIDE } from './DeskSide';

const STRIP_PRELOAD = 12;

export function usePreloadPair(individuals: IndividualSummary[]): void {
  const api = useApi();
  const key = individuals.map((i) => `${i.id}:${i.coverDetectionId}`).join(',');
  useEffect(() => {
    let live = true;
    for (const part of key ? key.split(',') : []) {
      const [id, cover] = part.split(':');
      api.call('individuals.crops', { id: Number(id), offset: 0, limit: SIGHTINGS_PER_SIDE }).then(
        (page) => {
          if (!live) return;
          const best = bestFirst(page.items, cover === 'null' ? null : Number(cover));
          if (best[0]) new Image().src = api.mediaUrl({ kind: 'preview', id: best[0].imageId });
          for (const c of best.slice(0, STRIP_PRELOAD))
            new Image().src = api.mediaUrl({ kind: 'crop', id: c.detectionId });
        },
        // A failed preload only means the next pair loads when shown.
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [api, key]);
}
