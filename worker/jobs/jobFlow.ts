// What runs after each job, decided here and nowhere else (Immich's job service keeps the same kind of table). A job
// reports success, skipped (nothing to do) or failed (with its reason); the table says what follows each outcome.
// Errors that end the whole job (cancelled, models missing, disk full) still throw: the supervisor reports them.
//
//   import --(process, unless copy only)--> detect --> embed --> match
//
// detect: decode, detect, thumbnails, embed the new boxes and write, for every photo waiting (processImages);
// embed: photos whose vectors came from another embedder than the library's (embedWaiting);
// match: sequence, track and match (core/reid/runReid), also when nothing else ran: it resumes what a crash left.
export type JobName = 'import' | 'detect' | 'embed' | 'match';

export type JobOutcome =
  { status: 'success' } | { status: 'skipped'; reason: string } | { status: 'failed'; reason: string };

/** What the table may look at besides the outcome. */
export interface FlowFacts {
  /** False for a copy-only import (`--no-process`). */
  process: boolean;
}

const NEXT: Record<JobName, (outcome: JobOutcome, facts: FlowFacts) => JobName[]> = {
  // Files that failed to import are not waiting, so processing takes exactly what the import brought.
  import: (_outcome, facts) => (facts.process ? ['detect'] : []),
  // Embedding waits for nothing detect does, but runs after it so one model is loaded at a time.
  detect: () => ['embed'],
  // A failed embed leaves its photos waiting for the next run; the rest is still matched.
  embed: () => ['match'],
  match: () => [],
};

export function nextJobs(job: JobName, outcome: JobOutcome, facts: FlowFacts): JobName[] {
  return NEXT[job](outcome, facts);
}

/**
 * Runs `first` and then what the table says, in order, with the handlers given (a job without a handler is not
 * part of this run and ends its branch). Returns every outcome.
 */
export async function runFlow(
  first: JobName,
  handlers: Partial<Record<JobName, () => Promise<JobOutcome>>>,
  facts: FlowFacts,
): Promise<Map<JobName, JobOutcome>> {
  const outcomes = new Map<JobName, JobOutcome>();
  const queue: JobName[] = [first];
  for (let job = queue.shift(); job; job = queue.shift()) {
    const handler = handlers[job];
    if (!handler || outcomes.has(job)) continue;
    const outcome = await handler();
    outcomes.set(job, outcome);
    queue.push(...nextJobs(job, outcome, facts));
  }
  return outcomes;
}
