import { humanDuration } from '../../core/contract/humanDuration';
import { listSequences, type SequenceListing } from '../../core/reid/listings';
import { listCommand } from '../listCommand';
import { count, listTable, when } from '../humanText';

/** How long a visit lasted, from its first photo to its last ("40 s"); "-" without both times. */
function length(s: SequenceListing): string {
  if (!s.start || !s.end) return '-';
  return humanDuration((Date.parse(s.end) - Date.parse(s.start)) / 1000);
}

export function sequencesText(rows: readonly SequenceListing[]): string {
  return listTable(
    ['camera', 'start', 'length', 'photos'],
    rows.map((s) => [s.camera ?? '-', when(s.start), length(s), count(s.photos.length, 'photo')]),
    'no visits yet',
  );
}

export const sequencesCommand = listCommand(
  'sequences',
  'list the sequences (visits at one camera) and their photos',
  listSequences,
  sequencesText,
);
