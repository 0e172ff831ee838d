// Live progress of the running job: per stage done/total, smoothed rate and ETA, provider, current file, failures,
// and pause/resume/cancel. Errors from those buttons show next to them.
import { useState } from 'react';
import type { ProgressSnapshotData } from '../../../../core/contract/entities';
import { Icon } from '../../components/Icon';
import { useApi } from '../../data/apiContext';
import { formatDuration, formatRate } from '../../lib/eta';
import { formatPercent } from '../../lib/format';
import { useJobs, type Stage } from '../../store/jobs';

export const STAGE_LABELS: Record<Stage, string> = {
  scan: 'Scan',
  copy: 'Copy',
  decode: 'Decode',
  detect: 'Detect',
  embed: 'Embed',
  match: 'Match',
};

function StageRow({ stage }: { stage: ProgressSnapshotData['stages'][number] }) {
  const rate = useJobs((s) => s.rates[stage.stage]);
  const finished = stage.total > 0 && stage.done >= stage.total;
  // A stage without a total (scanning a card) counts up; it has no percentage or ETA.
  const open = stage.total === 0;
  const pct = stage.total > 0 ? Math.min(1, stage.done / stage.total) : 0;
  return (
    <div className={finished ? 'stage-row finished' : 'stage-row'} data-stage={stage.stage}>
      <span className="stage-name">{STAGE_LABELS[stage.stage]}</span>
      <span
        className={open ? 'progress indeterminate' : 'progress'}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={open ? undefined : stage.total}
        aria-valuenow={stage.done}
        aria-label={STAGE_LABELS[stage.stage]}
      >
        <span className="progress-fill" style={{ width: `${pct * 100}%` }} />
      </span>
      <span className="stage-count tabular">
        {open ? (
          `${stage.done.toLocaleString()} found`
        ) : (
          <>
            {stage.done.toLocaleString()} / {stage.total.toLocaleString()}
            <span className="muted"> · {formatPercent(stage.done, stage.total)}</span>
          </>
        )}
      </span>
      <span className="stage-rate tabular">{finished ? 'done' : formatRate(rate?.rate ?? null)}</span>
      <span className="stage-eta tabular">{finished || open ? '' : formatDuration(rate?.eta ?? null)}</span>
      <span className={stage.failed ? 'stage-failed has' : 'stage-failed'}>
        {stage.failed ? `${stage.failed} failed` : ''}
      </span>
    </div>
  );
}

function JobControls({ progress }: { progress: ProgressSnapshotData }) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const act = (method: 'import.pause' | 'import.resume' | 'import.cancel') => {
    setBusy(true);
    setError(null);
    api
      .call(method, { jobId: progress.jobId })
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };
  return (
    <div className="job-controls">
      {error && <span className="inline-error">{error}</span>}
      {progress.paused ? (
        <button type="button" className="btn" disabled={busy} onClick={() => act('import.resume')}>
          <Icon name="play" size={14} /> Resume
        </button>
      ) : (
        <button type="button" className="btn" disabled={busy} onClick={() => act('import.pause')}>
          <Icon name="pause" size={14} /> Pause
        </button>
      )}
      <button
        type="button"
        className="btn danger-ghost"
        disabled={busy}
        onClick={() =>
          window.confirm('Cancel this import? Photos already imported stay in the library.') && act('import.cancel')
        }
      >
        <Icon name="stop" size={14} /> Cancel
      </button>
    </div>
  );
}

export function JobPanel({ progress }: { progress: ProgressSnapshotData }) {
  const restarts = useJobs((s) => s.workerRestarts);
  const provider = progress.provider?.toUpperCase();
  return (
    <section className="panel job-panel" aria-label="Import progress" data-testid="job-panel">
      <header className="panel-header">
        <h2>
          {progress.paused ? 'Import paused' : 'Importing'}
          <span className="muted small"> · {formatDuration(progress.elapsedMs / 1000)} elapsed</span>
        </h2>
        {provider && (
          <span className={provider === 'CUDA' ? 'badge accent' : 'badge'} title="Where the models run">
            {provider}
          </span>
        )}
        <JobControls progress={progress} />
      </header>
      <div className="stages">
        <div className="stage-row head">
          <span>Stage</span>
          <span>Progress</span>
          <span>Done</span>
          <span>Rate</span>
          <span>ETA</span>
          <span />
        </div>
        {progress.stages.map((s) => (
          <StageRow key={s.stage} stage={s} />
        ))}
      </div>
      {progress.currentFile && (
        <p className="current-file" title={progress.currentFile}>
          <span className="muted">Now:</span> <code>{progress.currentFile}</code>
        </p>
      )}
      {restarts.length > 0 && (
        <p className="inline-warning">
          The processing worker stopped {restarts.length === 1 ? 'once' : `${restarts.length} times`} and was restarted
          (last: {restarts.at(-1)!.reason}).
        </p>
      )}
      <FailureList failures={progress.failures} />
    </section>
  );
}

export function FailureList({ failures }: { failures: { file: string; reason: string }[] }) {
  if (failures.length === 0) return null;
  return (
    <details className="failures" open={failures.length <= 5}>
      <summary>
        <Icon name="alert" size={14} /> {failures.length} {failures.length === 1 ? 'file' : 'files'} could not be
        processed
      </summary>
      <ul>
        {failures.map((f, i) => (
          <li key={`${f.file}-${i}`}>
            <code title={f.file}>{f.file}</code>
            <span>{f.reason}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
