// The one test switch of the worker, documented in the README: THUMPER_TEST_CRASH="file:NAME,photo:NAME,model:NAME"
// makes the worker kill itself with SIGKILL, as a native crash would, when it starts reading the card file NAME
// (import), processing the photo NAME, or opening the model file NAME in a model task (inspection, test run). The
// supervisor and service tests use it to prove crash isolation; it is unset in normal use.
export type CrashPoint = 'file' | 'photo' | 'model';

function parse(value: string | undefined): Map<CrashPoint, Set<string>> {
  const points = new Map<CrashPoint, Set<string>>([
    ['file', new Set()],
    ['photo', new Set()],
    ['model', new Set()],
  ]);
  for (const entry of (value ?? '').split(',').filter(Boolean)) {
    const [point, name] = entry.split(':', 2) as [string, string | undefined];
    const names = points.get(point as CrashPoint);
    if (!names || !name)
      throw new Error(`THUMPER_TEST_CRASH: expected file:NAME, photo:NAME or model:NAME, got "${entry}"`);
    names.add(name);
  }
  return points;
}

const CRASH_POINTS = parse(process.env.THUMPER_TEST_CRASH);

export function crashesAt(point: CrashPoint, file: string): boolean {
  return CRASH_POINTS.get(point)!.has(file.split(/[\\/]/).pop()!);
}
