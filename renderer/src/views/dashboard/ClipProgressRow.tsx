// The clip whose frames are being sampled, as a row under the stages: a long clip takes minutes, and without its own
// count the decode stage would stand still meanwhile. The pace and time left are the worker's since the clip began.
import type { ProgressSnapshotData } from '../../../../core/contract/entities';
import { formatDuration, formatRate, warmedUp } from '../../lib/eta';
import { formatPercent } from '../../lib/format';

type ClipProgress = NonNullable<ProgressSnapshotData['clip']>;

export function ClipProgressRow({ clip }: { clip: ClipProgress }) {
  const pct = clip.expected > 0 ? Math.min(1, clip.sampled / clip.expected) : 0;
  const eta = warmedUp(clip.sampled, clip.rate) ? clip.etaSeconds : null;
  return (
    <div className="stage-row clip-progress" data-testid="clip-progress" title={clip.file}>
      <span className="stage-name">Clip</span>
      <span
        className="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={clip.expected}
        aria-valuenow={clip.sampled}
        aria-label={`Frames sampled from ${clip.file}`}
      >
        <span className="progress-fill" style={{ width: `${pct * 100}%` }} />
      </span>
      <span className="stage-count tabular">
        {clip.sampled.toLocaleString()} / {clip.expected.toLocaleString()} frames
        <span className="muted"> · {formatPercent(clip.sampled, clip.expected)}</span>
      </span>
      <span className="stage-rate tabular">{formatRate(clip.rate > 0 ? clip.rate : null, 'frames')}</span>
      <span className="stage-eta tabular">{eta === null ? 'estimating…' : formatDuration(eta)}</span>
      <span className="stage-failed clip-name">
        <code>{clip.file}</code>
      </span>
    </div>
  );
}
