// An individual's sightings for the review desk's filmstrip, best first: its cover (the best detection, or the one a
// person picked) leads, then larger, more confident boxes. Pure.
import type { IndividualCrop } from '../../../../core/contract/entities';

/** Box area (a fraction of the photo) times detector confidence: big, sure boxes show the deer best. */
export function sightingQuality(c: IndividualCrop): number {
  return c.box.w * c.box.h * c.confidence;
}

export function bestFirst(crops: readonly IndividualCrop[], coverDetectionId: number | null): IndividualCrop[] {
  return [...crops].sort(
    (a, b) =>
      Number(b.detectionId === coverDetectionId) - Number(a.detectionId === coverDetectionId) ||
      sightingQuality(b) - sightingQuality(a) ||
      a.detectionId - b.detectionId,
  );
}
