import { split } from '../../core/edits';
import { jsonOption, libraryOption, waitOption, UsageError, type Command, withLibrary } from '../command';
import { parseIds, printEditResult } from '../editOutput';

export const splitCommand: Command = {
  name: 'split',
  summary: 'move detections out of their individual, into a new one or into --into (undoable)',
  usage: 'thumper split --library <dir> --detections <id,...> [--into <individualId>] [--json]',
  options: { ...libraryOption, ...jsonOption, ...waitOption, detections: { type: 'string' }, into: { type: 'string' } },
  async run(args) {
    if (typeof args.values.detections !== 'string') throw new UsageError('--detections <id,...> is required');
    const detectionIds = parseIds([args.values.detections], '--detections');
    const into = typeof args.values.into === 'string' ? parseIds([args.values.into], '--into') : [];
    if (into.length > 1) throw new UsageError('--into takes one individual id');
    return withLibrary(
      args,
      (library) => {
        printEditResult(library.db, split(library.db, { detectionIds, intoIndividualId: into[0] }), !!args.values.json);
        return 0;
      },
      { writer: 'thumper split' },
    );
  },
};
