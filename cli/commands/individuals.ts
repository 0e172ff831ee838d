import { listIndividuals, type IndividualListing } from '../../core/reid/listings';
import { listCommand } from '../listCommand';
import { count, listTable, named, span } from '../humanText';

/** Name (with the id merge, traits and rename take), what it is, its sightings, when and where. */
export function individualsText(rows: readonly IndividualListing[]): string {
  return listTable(
    ['individual', 'species', 'sex, age', 'sightings', 'seen', 'cameras'],
    rows.map((i) => [
      named(i.name, i.id),
      i.species,
      [i.sex, i.age].filter(Boolean).join(', ') || '-',
      count(i.detections, 'sighting'),
      span(i.firstSeen, i.lastSeen),
      i.cameras.join(', ') || '-',
    ]),
    'no individuals yet',
  );
}

export const individualsCommand = listCommand(
  'individuals',
  'list the individual animals with their sightings',
  listIndividuals,
  individualsText,
);
