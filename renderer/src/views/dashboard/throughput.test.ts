import { describe, expect, it } from 'vitest';
import type { ProgressSnapshotData } from '../../../../core/contract/entities';
import { initialRate, updateRate, type RateState } from '../../lib/eta';
import { bottleneck, stageEtas } from './throughput';

type StageProgress = ProgressSnapshotData['stages'][number];
const stage = (name: StageProgress['stage'], done: number, total: number, rate: number): StageProgress => ({
  stage: name,
  done,
  total,
  failed: 0,
  rate,
  etaSeconds: null,
});
const smoothed = (rate: number, eta: number | null): RateState => ({ done: 0, at: 0, rate, eta });

describe('bottleneck', () => {
  it('names the slowest working stage, not the ones downstream that only follow it', () => {
    const stages = [
      stage('scan', 1, 0, 0),
      stage('copy', 200, 200, 80),
      stage('decode', 150, 200, 40),
      stage('detect', 60, 150, 6),
      stage('embed', 55, 60, 5.8),
    ];
    const rates = { decode: smoothed(40, 1), detect: smoothed(6, 15), embed: smoothed(5.6, 1) };
    expect(bottleneck(stages, rates)).toEqual({ rate: 5.6, stage: 'detect' });
  });

  it('ignores finished stages and is null before any stage has a rate', () => {
    expect(bottleneck([stage('copy', 10, 10, 50), stage('detect', 0, 10, 0)], {})).toBeNull();
    expect(bottleneck([stage('copy', 10, 10, 50), stage('detect', 4, 10, 2)], {})).toEqual({
      rate: 2,
      stage: 'detect',
    });
  });
});

describe('stageEtas', () => {
  it('shows no ETA during the warm-up, by the worker counters', () => {
    // 3 photos at 1/s: 3 s of work, not yet warm; a smoothed ETA exists but would be a guess.
    const etas = stageEtas([stage('detect', 3, 100, 1)], { detect: smoothed(1, 97) });
    expect(etas.detect).toEqual({ finished: false, eta: null });
    const warm = stageEtas([stage('detect', 30, 100, 3)], { detect: smoothed(3, 23) });
    expect(warm.detect).toEqual({ finished: false, eta: 23 });
  });

  it('never lets a stage finish before the stage feeding it, and is not done while its total still grows', () => {
    const stages = [stage('copy', 100, 100, 50), stage('decode', 60, 100, 10), stage('embed', 30, 30, 9)];
    const rates = { decode: smoothed(10, 6), embed: smoothed(9, 0) };
    const etas = stageEtas(stages, rates);
    expect(etas.copy).toEqual({ finished: true, eta: 0 });
    expect(etas.decode).toEqual({ finished: false, eta: 6 });
    expect(etas.embed).toEqual({ finished: false, eta: 6 });
  });

  it('after a reload, starts from the worker average rather than a noisy first sample', () => {
    // The page joins a job at 600 of 1000 photos, run at 20/s on average.
    let state = initialRate(600, 0, 20);
    expect(state.rate).toBe(20);
    state = updateRate(state, 601, 1000, 1000); // one slow second
    expect(state.rate!).toBeGreaterThan(17);
    expect(stageEtas([stage('detect', 601, 1000, 20)], { detect: state }).detect!.eta!).toBeGreaterThan(15);
  });
});
