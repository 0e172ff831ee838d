// Decodes of the next photos run ahead of the detector, on libuv's threads while the model runs on onnxruntime's:
// mapOrdered for a stream whose length is not known in advance (photos still being imported).
export type Decoded<T, R> = { item: T; result: R } | { item: T; error: unknown };

export async function* decodeAhead<T, R>(
  items: AsyncIterable<T>,
  limit: number,
  fn: (item: T) => Promise<R>,
): AsyncGenerator<Decoded<T, R>> {
  const source = items[Symbol.asyncIterator]();
  const inFlight: Promise<Decoded<T, R>>[] = [];
  let exhausted = false;
  const fill = async () => {
    while (!exhausted && inFlight.length < limit) {
      const next = await source.next();
      if (next.done) exhausted = true;
      else {
        const item = next.value;
        inFlight.push(
          fn(item).then(
            (result) => ({ item, result }),
            (error: unknown) => ({ item, error }),
          ),
        );
      }
    }
  };
  try {
    await fill();
    while (inFlight.length > 0) {
      const done = await inFlight.shift()!;
      // Refilled while the consumer works on this photo: waiting for the import's next photo never holds it back.
      const filling = fill();
      yield done;
      await filling;
    }
  } finally {
    // A consumer that stops early (cancelled) leaves nothing running behind its back.
    await Promise.allSettled(inFlight);
    await source.return?.(undefined);
  }
}
