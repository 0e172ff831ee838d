// Vitest global setup: before any test runs, make sure the real models and fixture photos are present (fetched into
// .cache/test-assets/ only on a machine with neither the variables nor ../shared, see testAssets.ts).
import { ensureTestAssets } from './testAssets';

export default async function setup(): Promise<void> {
  await ensureTestAssets({ log: (line) => process.stderr.write(`[test assets] ${line}\n`) });
}
