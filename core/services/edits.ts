// The edit methods over core/edits: each edit is one journalled transaction there; here it is called and the change
// announced, so every window refetches what it shows of those individuals.
import * as edits from '../edits';
import type { Db } from '../db/open';
import { currentEditStatus } from '../queries/editStatus';
import type { Handlers } from './dispatch';
import type { EventHub } from './hub';

type EditMethod = Extract<keyof Handlers, `edits.${string}`>;

export function editHandlers(db: Db, events: EventHub): Pick<Handlers, EditMethod> {
  const announce = <R extends { individualIds: number[] }>(result: R): R => {
    events.emit('library.changed', {
      scopes: ['individuals', 'suggestions', 'detections', 'photos'],
      individualIds: result.individualIds,
    });
    return result;
  };
  return {
    'edits.rename': (a) => announce(edits.rename(db, a)),
    'edits.setNotes': (a) => announce(edits.setNotes(db, a)),
    'edits.setCover': (a) => announce(edits.setCover(db, a)),
    'edits.confirm': (a) => announce(edits.confirm(db, a)),
    'edits.merge': (a) => announce(edits.merge(db, a)),
    'edits.split': (a) => announce(edits.split(db, a)),
    'edits.review': (a) => announce(edits.review(db, a)),
    'edits.correctDetection': (a) => announce(edits.correctDetection(db, a)),
    'edits.addBox': (a) => announce(edits.addBox(db, a)),
    'edits.setSpecies': (a) => announce(edits.setSpecies(db, a)),
    'edits.setSexAge': (a) => announce(edits.setSexAge(db, a)),
    'edits.undo': () => announce(edits.undo(db)),
    'edits.redo': () => announce(edits.redo(db)),
    'edits.status': () => currentEditStatus(db),
  };
}
