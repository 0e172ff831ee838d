// Progress on stderr: one rewritten line on a terminal, a line every few seconds otherwise (logs, pipes).
import { humanDuration } from '../core/contract/humanDuration';
import type { ProgressSnapshot, StageProgress } from '../core/jobs/progress';

const formatEta = (s: number | null) => (s === null ? '--' : humanDuration(s));

/** One stage in words. The scan has no total while it walks the card: it says what it found once the copy knows. */
function stageText(s: StageProgress, p: ProgressSnapshot): string {
  if (s.stage === 'scan') {
    const found = p.stages.find((x) => x.stage === 'copy')?.total ?? 0;
    return found > 0 ? `scan ${found} found` : 'scanning';
  }
  const failed = s.failed ? ` (${s.failed} failed)` : '';
  return `${s.stage} ${s.done}/${s.total}${failed} ${s.rate.toFixed(1)}/s eta ${formatEta(s.etaSeconds)}`;
}

export function formatProgress(p: ProgressSnapshot): string {
  const stages = p.stages.filter((s) => s.total > 0 || s.done > 0).map((s) => stageText(s, p));
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
