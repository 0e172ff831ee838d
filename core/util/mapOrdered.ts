/**
 * Runs `fn` over `items` with at most `limit` calls in flight and yields the results in input order, so the
 * consumer can make order-dependent decisions (which copy of a duplicate wins) the same way on every run.
 * A rejected call is yielded as its error; the caller decides what a failure means. When the consumer stops early
 * (break or throw), the calls still in flight are awaited, so nothing runs on behind its back.
 */
export async function* mapOrdered<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): AsyncGenerator<{ item: T; result: R } | { item: T; error: unknown }> {
  const inFlight: Promise<{ item: T; result: R } | { item: T; error: unknown }>[] = [];
  let next = 0;
  const start = () => {
    const index = next++;
    const item = items[index]!;
    inFlight.push(
      fn(item, index).then(
        (result) => ({ item, result }),
        (error: unknown) => ({ item, error }),
      ),
    );
  };
  while (next < items.length && inFlight.length < limit) start();
  try {
    while (inFlight.length > 0) {
      const done = await inFlight.shift()!;
      if (next < items.length) start();
      yield done;
    }
  } finally {
    await Promise.all(inFlight);
  }
}
