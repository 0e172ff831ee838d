import { describe, expect, it } from 'vitest';
import { newestFirst } from './newestFirst';

/** A task that finishes when told to, recording when it started. */
function gate(started: string[], name: string) {
  let open!: () => void;
  const done = new Promise<void>((r) => (open = r));
  return {
    run: async () => {
      started.push(name);
      await done;
      return name;
    },
    open: () => open(),
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('newestFirst', () => {
  it('runs at most `limit` at once and gives a free slot to the latest task waiting', async () => {
    const schedule = newestFirst(1);
    const started: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => gate(started, n));
    const results = [schedule(a!.run), schedule(b!.run), schedule(c!.run)];
    await tick();
    expect(started).toEqual(['a']);
    a!.open();
    await tick();
    expect(started).toEqual(['a', 'c']);
    c!.open();
    b!.open();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
    expect(started).toEqual(['a', 'c', 'b']);
  });

  it('passes a failure to its caller and goes on with the next task', async () => {
    const schedule = newestFirst(1);
    const failed = schedule(() => {
      throw new Error('cannot decode');
    });
    const after = schedule(async () => 'next');
    await expect(failed).rejects.toThrow('cannot decode');
    expect(await after).toBe('next');
  });

  it('refuses a limit below one', () => {
    expect(() => newestFirst(0)).toThrow(/positive integer/);
  });
});
