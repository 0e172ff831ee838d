// How much of the detect pass runs at once, from the cores the worker has. On 2 cores (bench:pipeline) three decodes
// ahead of the detector hide decoding behind inference and four photos in the later stages keep both cores busy;
// with more cores each takes one per core, so decodes and crops keep up with a detector that has more threads.
import os from 'node:os';

export interface PipelineBudget {
  /** Decodes in flight ahead of the detector: enough to hide decode behind inference, few enough to bound memory. */
  decodeAhead: number;
  /** Photos in the later stages (thumbnails, crops + embedder) at once. */
  stagesInFlight: number;
}

export function pipelineBudget(cores: number = os.availableParallelism()): PipelineBudget {
  return { decodeAhead: Math.max(3, cores), stagesInFlight: Math.max(4, cores) };
}
