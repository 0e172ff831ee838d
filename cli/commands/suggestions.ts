import { listPendingSuggestions } from '../../core/reid/listings';
import { listCommand } from '../listCommand';

export const suggestionsCommand = listCommand(
  'suggestions',
  'list the pending "same animal?" suggestions, most likely first',
  listPendingSuggestions,
  (s) => {
    const when = s.timeGapSeconds === null ? 'time unknown' : `${Math.round(s.timeGapSeconds)} s apart`;
    const where = s.sameCamera ? 'same camera' : 'other camera';
    return `${s.id}\t${s.individual} ~ ${s.candidate}\tscore ${s.score.toFixed(3)} (rank ${s.rank})\tappearance ${s.appearance.toFixed(3)}, ${when}, ${where}`;
  },
);
