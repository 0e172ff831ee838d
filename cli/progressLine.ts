// Progress on stderr: one rewritten line on a terminal, a line every few seconds otherwise (logs, pipes).
import { humanDuration } from '../core/contract/humanDuration';
import type { ProgressSnapshot } from '../core/jobs/progress';

const formatEta = (s: number | null) => (s === null ? '--' : humanDuration(s));

export function formatProgress(p: ProgressSnapshot): string {
  const stages = p.stages
    .filter((s) => s.total > 0 || s.done > 0)
    .map(
      (s) =>
        `${s.stage} ${s.done}/${s.total}${s.failed ? ` (${s.failed} failed)` : ''} ${s.rate.toFixed(1)}/s eta ${formatEta(s.etaSeconds)}`,
    );
  // A long clip takes minutes to sample: its own count shows it moving.
  const clip = p.clip ? `clip ${p.clip.file} ${p.clip.sampled}/${p.clip.expected} frames` : '';
  return [...stages, clip, p.provider ? `[${p.provider}]` : '', p.paused ? 'PAUSED' : ''].filter(Boolean).join(' | ');
}

export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): {
  update(p: ProgressSnapshot): void;
  end(): void;
} {
  let last = 0;
  let wrote = false;
  return {
    update(p) {
      const line = formatProgress(p);
      if (stream.isTTY) {
        stream.write(`\r\x1b[K${line}`);
        wrote = true;
      } else if (Date.now() - last > 2000) {
        stream.write(`${line}\n`);
        last = Date.now();
      }
    },
    end() {
      if (wrote) stream.write('\n');
    },
  };
}
