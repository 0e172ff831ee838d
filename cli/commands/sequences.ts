import { listSequences } from '../../core/reid/listings';
import { listCommand } from '../listCommand';

export const sequencesCommand = listCommand(
  'sequences',
  'list the sequences (visits at one camera) and their photos',
  listSequences,
  (s) => `${s.id}\t${s.camera ?? '-'}\t${s.start ?? 'unknown time'}\t${s.end ?? ''}\t${s.photos.length} photos`,
);
