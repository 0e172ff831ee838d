// Pause, resume and cancel for a running job. Stages call checkpoint() between units of work, so a request takes
// effect within one unit (a photo, a batch), well under a second.
export class JobCancelledError extends Error {
  constructor() {
    super('job cancelled');
  }
}

export class JobControl {
  private pausedWaiters: (() => void)[] = [];
  paused = false;
  cancelled = false;

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    for (const wake of this.pausedWaiters.splice(0)) wake();
  }

  cancel(): void {
    this.cancelled = true;
    this.resume();
  }

  async checkpoint(): Promise<void> {
    while (this.paused && !this.cancelled) await new Promise<void>((wake) => this.pausedWaiters.push(wake));
    if (this.cancelled) throw new JobCancelledError();
  }
}
