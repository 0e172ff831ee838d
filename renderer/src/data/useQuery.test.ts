import { describe, expect, it } from 'vitest';
import { sharedLoad } from './useQuery';

describe('sharedLoad', () => {
  it('shares one request between callers of the same key while it is in flight, then loads afresh', async () => {
    let calls = 0;
    const load = () => new Promise<number>((resolve) => setTimeout(() => resolve(++calls), 5));
    const [a, b] = await Promise.all([sharedLoad('k', load), sharedLoad('k', load)]);
    expect([a, b]).toEqual([1, 1]);
    expect(await sharedLoad('other', load)).toBe(2);
    expect(await sharedLoad('k', load)).toBe(3);
  });

  it('lets a failed load be retried', async () => {
    await expect(sharedLoad('bad', () => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    expect(await sharedLoad('bad', () => Promise.resolve('ok'))).toBe('ok');
  });
});
