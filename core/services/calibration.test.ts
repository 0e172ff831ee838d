// The calibration methods through dispatch on a real library: results match the contract, switching on is refused
// (as invalid_args, with the reason) until enough decisions, then takes the proposed threshold and is announced.
import { afterEach, describe, expect, it } from 'vitest';
import { METHODS } from '../contract';
import { makeTestLibrary, type TestLibrary } from '../../testing/individualsLibrary';
import { getSettings } from '../library/settings';
import { seededRandom } from '../util/seededRandom';
import { calibrationHandlers } from './calibration';
import { dispatch, type Handlers } from './dispatch';
import { EventHub } from './hub';

let lib: TestLibrary;
afterEach(() => {
  lib.close();
  lib.remove();
});

function decide(n: number, state: 'accepted' | 'rejected', score: () => number): void {
  const insert = lib.db.$client.prepare(
    `INSERT INTO suggestions (individual_id, candidate_id, embedder, score, appearance, same_camera, rank, member_signature, state)
     VALUES (1, 2, ?, ?, 0.5, 0, 1, '', ?)`,
  );
  for (let i = 0; i < n; i++) insert.run(getSettings(lib.db).embedder, score(), state);
}

describe('calibration methods', () => {
  it('report the distributions, refuse auto-accept until calibrated, then switch it on and off', async () => {
    lib = makeTestLibrary({ seed: 5 });
    const events = new EventHub();
    const changed: unknown[] = [];
    events.subscribe((event, payload) => changed.push([event, payload]));
    const handlers = calibrationHandlers(lib.db, events) as Handlers;
    const call = async (method: 'calibration.get' | 'calibration.setAutoAccept', args: unknown) => {
      const reply = await dispatch(handlers, method, args);
      return reply.ok ? { ok: true as const, result: METHODS[method].result.parse(reply.result) } : reply;
    };
    const random = seededRandom(3);
    decide(25, 'accepted', () => 0.6 + random() * 0.4);
    decide(5, 'rejected', () => random() * 0.5);
    const early = await call('calibration.get', {});
    expect(early).toMatchObject({
      ok: true,
      result: {
        accepted: 25,
        rejected: 5,
        proposal: null,
        waitingFor: '15 more rejected suggestions',
        autoAccept: false,
      },
    });
    expect(await call('calibration.setAutoAccept', { enabled: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_args', message: expect.stringContaining('15 more rejected') },
    });
    expect(changed).toEqual([]);

    decide(15, 'rejected', () => random() * 0.5);
    const on = await call('calibration.setAutoAccept', { enabled: true });
    if (!on.ok) throw new Error('switching on failed');
    expect(on.result.proposal).not.toBeNull();
    expect(on.result).toMatchObject({ autoAccept: true, autoAcceptThreshold: on.result.proposal!.threshold });
    expect(on.result.histogram.reduce((n, b) => n + b.accepted + b.rejected, 0)).toBe(45);
    expect(changed).toEqual([['library.changed', { scopes: ['settings'] }]]);
    expect(await call('calibration.setAutoAccept', { enabled: false })).toMatchObject({
      ok: true,
      result: { autoAccept: false },
    });
    expect(await call('calibration.setAutoAccept', { enabled: true, threshold: 2 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_args' },
    });
  });
});
