import { listIndividuals } from '../../core/reid/listings';
import { listCommand } from '../listCommand';

export const individualsCommand = listCommand(
  'individuals',
  'list the individual animals with their sightings',
  listIndividuals,
  (i) =>
    `${i.id}\t${i.name}\t${i.detections} sightings\t${i.firstSeen ?? '-'} .. ${i.lastSeen ?? '-'}\t${i.cameras.join(', ')}`,
);
