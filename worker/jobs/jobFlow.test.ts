import { describe, expect, it } from 'vitest';
import { nextJobs, runFlow, type JobName, type JobOutcome } from './jobFlow';

const ok: JobOutcome = { status: 'success' };

describe('jobFlow', () => {
  it('runs import, detect, embed, match in that order, each once, whatever the outcomes', async () => {
    const ran: JobName[] = [];
    const job = (name: JobName, outcome: JobOutcome) => async () => {
      ran.push(name);
      return outcome;
    };
    const outcomes = await runFlow(
      'import',
      {
        import: job('import', ok),
        detect: job('detect', { status: 'skipped', reason: 'no photo waiting' }),
        embed: job('embed', { status: 'failed', reason: 'embedder broke' }),
        match: job('match', ok),
      },
      { process: true },
    );
    expect(ran).toEqual(['import', 'detect', 'embed', 'match']);
    expect(outcomes.get('embed')).toEqual({ status: 'failed', reason: 'embedder broke' });
  });

  it('stops after the import of a copy-only card, and a job without a handler ends its branch', async () => {
    const ran: JobName[] = [];
    const handlers = {
      import: async () => (ran.push('import'), ok),
      detect: async () => (ran.push('detect'), ok),
    };
    await runFlow('import', handlers, { process: false });
    expect(ran).toEqual(['import']);
    await runFlow('import', handlers, { process: true });
    expect(ran).toEqual(['import', 'import', 'detect']);
    expect(nextJobs('match', ok, { process: true })).toEqual([]);
  });
});
