// What the detect pass runs at once, measured with bench:pipeline (--decode-ahead, --in-flight):
// - 2 cores: three decodes ahead of the detector hide decoding behind inference, and four photos in the later stages
//   keep both cores busy.
// - 16 cores (the CPU of a GPU machine): one of each per core, with a libuv thread per core, ran the card job 7%
//   faster (25.8 against 24.1 photos/s) for 84% more memory (peak RSS by photo 500: 583 against 316 MB), so more
//   cores keep this budget.
export interface PipelineBudget {
  /** Decodes in flight ahead of the detector: enough to hide decode behind inference, few enough to bound memory. */
  decodeAhead: number;
  /** Photos in the later stages (thumbnails, crops + embedder) at once. */
  stagesInFlight: number;
}

export const DEFAULT_BUDGET: PipelineBudget = { decodeAhead: 3, stagesInFlight: 4 };
