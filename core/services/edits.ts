// The edit methods. Their implementations arrive with core/edits (issue 7); until it is wired here each answers
// "not implemented yet" so the renderer can show that instead of failing obscurely.
import { ApiError } from '../contract';
import type { Handlers } from './dispatch';

type EditMethod = Extract<keyof Handlers, `edits.${string}`>;

const notYet = (method: EditMethod) => () => {
  throw new ApiError('not_implemented', `${method} is not implemented yet`);
};

export function editHandlers(): Pick<Handlers, EditMethod> {
  return {
    'edits.rename': notYet('edits.rename'),
    'edits.setNotes': notYet('edits.setNotes'),
    'edits.setCover': notYet('edits.setCover'),
    'edits.confirm': notYet('edits.confirm'),
    'edits.merge': notYet('edits.merge'),
    'edits.split': notYet('edits.split'),
    'edits.review': notYet('edits.review'),
    'edits.correctDetection': notYet('edits.correctDetection'),
    'edits.undo': notYet('edits.undo'),
    'edits.redo': notYet('edits.redo'),
  };
}
