// The calibration methods over core/calibration: reading it, and the auto-accept switch as one transaction (its three
// settings change together), announced so every window shows the new state.
import { calibration, setAutoAccept } from '../calibration';
import { inTransaction, type Db } from '../db/open';
import type { Handlers } from './dispatch';
import type { EventHub } from './hub';

export function calibrationHandlers(
  db: Db,
  events: EventHub,
): Pick<Handlers, 'calibration.get' | 'calibration.setAutoAccept'> {
  return {
    'calibration.get': () => calibration(db),
    'calibration.setAutoAccept': (a) => {
      const result = inTransaction(db, () => setAutoAccept(db, a.enabled, a.threshold));
      events.emit('library.changed', { scopes: ['settings'] });
      return result;
    },
  };
}
