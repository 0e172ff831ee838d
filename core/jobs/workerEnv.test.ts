import { describe, expect, it } from 'vitest';
import { workerEnv } from './workerEnv';

describe('workerEnv', () => {
  it('limits malloc arenas for the worker, keeps the rest, and leaves a value the user chose', () => {
    expect(workerEnv({ PATH: '/bin' })).toEqual({ PATH: '/bin', MALLOC_ARENA_MAX: '2' });
    expect(workerEnv({ MALLOC_ARENA_MAX: '8' }).MALLOC_ARENA_MAX).toBe('8');
  });
});
