// How a detection is named on screen: its category (animal, person, vehicle) with the sex/age class when one is
// known, and "drawn" for boxes a person added (their model is "human", which must not read as a person). The
// model's raw class is never shown for animals: COCO detectors call deer horse, sheep or cow.
import type { Detection } from '../../../../core/contract/entities';

export function detectionName(d: Pick<Detection, 'model' | 'category' | 'sexAge'>): string {
  const name = d.sexAge ? `${d.category} · ${d.sexAge}` : d.category;
  return d.model === 'human' ? `${name} (drawn)` : name;
}
