// How a detection is named on screen: the model's label for animals (deer, ...), the category otherwise, and
// "drawn" for boxes a person added (their model is "human", which must not read as a person).
import type { Detection } from '../../../../core/contract/entities';

export function detectionName(d: Pick<Detection, 'model' | 'category' | 'rawLabel'>): string {
  if (d.model === 'human') return `${d.category} (drawn)`;
  return d.category === 'animal' ? d.rawLabel : d.category;
}
