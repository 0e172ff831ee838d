// A queue for work someone is waiting on where the latest request matters most: a viewer stepping through photos
// asks for this photo's preview after the neighbours' previews it warmed, and the photo on screen must not wait
// behind them all. At most `limit` tasks run at once; a free slot goes to the most recent task still waiting.

export type Scheduler = <T>(task: () => Promise<T>) => Promise<T>;

export function newestFirst(limit: number): Scheduler {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  const waiting: (() => void)[] = [];
  let running = 0;
  const next = () => {
    if (running >= limit) return;
    const start = waiting.pop();
    if (!start) return;
    running++;
    start();
  };
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      waiting.push(() => {
        // A task that throws before its promise exists still frees its slot.
        Promise.resolve()
          .then(task)
          .then(resolve, reject)
          .finally(() => {
            running--;
            next();
          });
      });
      next();
    });
}
