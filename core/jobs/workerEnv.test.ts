import { describe, expect, it } from 'vitest';
import { workerEnv } from './workerEnv';

describe('workerEnv', () => {
  it('limits malloc arenas, gives libuv a thread per core (at least 4), keeps the rest and any value the user chose', () => {
    expect(workerEnv({ PATH: '/bin' }, 2)).toEqual({ PATH: '/bin', MALLOC_ARENA_MAX: '2', UV_THREADPOOL_SIZE: '4' });
    expect(workerEnv({}, 16).UV_THREADPOOL_SIZE).toBe('16');
    expect(workerEnv({ MALLOC_ARENA_MAX: '8', UV_THREADPOOL_SIZE: '6' }, 16)).toEqual({
      MALLOC_ARENA_MAX: '8',
      UV_THREADPOOL_SIZE: '6',
    });
  });
});
