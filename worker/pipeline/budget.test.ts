import { describe, expect, it } from 'vitest';
import { pipelineBudget } from './budget';

describe('pipelineBudget', () => {
  it('keeps the budget measured on 2 cores and takes one decode and one later-stage photo per core beyond it', () => {
    expect(pipelineBudget(1)).toEqual({ decodeAhead: 3, stagesInFlight: 4 });
    expect(pipelineBudget(2)).toEqual({ decodeAhead: 3, stagesInFlight: 4 });
    expect(pipelineBudget(16)).toEqual({ decodeAhead: 16, stagesInFlight: 16 });
  });
});
