import { afterEach, describe, expect, it } from 'vitest';
import { inTransaction } from '../db/open';
import { IndividualsError } from '../individuals';
import { makeTestLibrary, type TestLibrary } from '../../testing/individualsLibrary';
import { seededRandom } from '../util/seededRandom';
import { getSettings, setSetting } from '../library/settings';
import { calibration, proposeThreshold, scoreHistogram, setAutoAccept } from '.';

describe('proposeThreshold', () => {
  it('is the lowest score with 99% precision on the decisions, cutting only between distinct scores', () => {
    const decided = [
      ...Array.from({ length: 200 }, (_, i) => ({ score: 0.5 + i / 400, accepted: true })),
      ...Array.from({ length: 100 }, (_, i) => ({ score: 0.2 + i / 250, accepted: false })),
    ];
    const p = proposeThreshold(decided, 0.99)!;
    const above = decided.filter((d) => d.score >= p.threshold);
    expect(above.filter((d) => d.accepted).length / above.length).toBeGreaterThanOrEqual(0.99);
    // One step lower would fall below 99%.
    const lower = Math.max(...decided.filter((d) => d.score < p.threshold).map((d) => d.score));
    const wider = decided.filter((d) => d.score >= lower);
    expect(wider.filter((d) => d.accepted).length / wider.length).toBeLessThan(0.99);
    expect(p).toMatchObject({
      acceptedAbove: above.filter((d) => d.accepted).length,
      rejectedAbove: above.filter((d) => !d.accepted).length,
    });
    // A tie between an accepted and a rejected pair is never split.
    expect(
      proposeThreshold(
        [
          { score: 0.9, accepted: true },
          { score: 0.9, accepted: false },
          { score: 0.95, accepted: true },
        ],
        0.99,
      )!.threshold,
    ).toBe(0.95);
    expect(proposeThreshold([{ score: 0.9, accepted: false }], 0.99)).toBeNull();
  });

  it('bins both distributions over the decided range', () => {
    const bins = scoreHistogram(
      [
        { score: 0, accepted: true },
        { score: 1, accepted: false },
        { score: 0.5, accepted: true },
      ],
      4,
    );
    expect(bins.map((b) => [b.accepted, b.rejected])).toEqual([
      [1, 0],
      [0, 0],
      [1, 0],
      [0, 1],
    ]);
  });
});

describe('calibration', () => {
  let lib: TestLibrary;
  afterEach(() => {
    lib.close();
    lib.remove();
  });

  function decide(n: number, state: 'accepted' | 'rejected', score: () => number, embedder = 'mobilenetv2_gem') {
    const insert = lib.db.$client.prepare(
      `INSERT INTO suggestions (individual_id, candidate_id, embedder, score, appearance, same_camera, rank, member_signature, state)
       VALUES (1, 2, ?, ?, 0.5, 0, 1, '', ?)`,
    );
    for (let i = 0; i < n; i++) insert.run(embedder, score(), state);
  }

  it('waits for enough decisions of the current embedder, then proposes; auto-accept is off until switched on', () => {
    lib = makeTestLibrary({ seed: 4 });
    const random = seededRandom(8);
    expect(getSettings(lib.db).autoAccept).toBe(false);
    decide(30, 'accepted', () => 0.6 + random() * 0.4);
    decide(12, 'rejected', () => random() * 0.62);
    decide(50, 'rejected', () => random(), 'osnet_x0_25');
    let c = calibration(lib.db);
    expect(c).toMatchObject({
      accepted: 30,
      rejected: 12,
      proposal: null,
      waitingFor: '8 more rejected suggestions',
      autoAccept: false,
    });
    expect(() => inTransaction(lib.db, () => setAutoAccept(lib.db, true))).toThrow(IndividualsError);

    decide(10, 'rejected', () => random() * 0.62);
    c = calibration(lib.db);
    expect(c.proposal).not.toBeNull();
    expect(c.proposal!.precision).toBeGreaterThanOrEqual(0.99);
    expect(c.histogram.reduce((s, b) => s + b.accepted + b.rejected, 0)).toBe(52);
    c = inTransaction(lib.db, () => setAutoAccept(lib.db, true));
    expect(c).toMatchObject({
      autoAccept: true,
      autoAcceptThreshold: c.proposal!.threshold,
      autoAcceptEmbedder: 'mobilenetv2_gem',
    });
    expect(inTransaction(lib.db, () => setAutoAccept(lib.db, false)).autoAccept).toBe(false);

    // Switching embedders starts over: the other model's scores are not comparable.
    setSetting(lib.db, 'embedder', 'osnet_x0_25');
    expect(calibration(lib.db)).toMatchObject({ accepted: 0, rejected: 50, proposal: null });
  });
});
