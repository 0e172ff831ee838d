// Live progress of the running job: per stage done/total, smoothed rate and ETA, provider, current file, failures,
// and pause/resume/cancel. Errors from those buttons show next to them.
import { useState } from 'react';
import type { ProgressSnapshotData } from '../../../../core/contract/entities';
import { Icon } from '../../components/Icon';
import { useApi } from '../../data/apiContext';
import { formatDuration, formatRate } from '../../lib/eta';
import { formatCount, formatPercent } from '../../lib/format';
import { useJobs, type Stage } from '../../store/jobs';
import { FAILED_PHOTOS_HASH } from '../photos/failedLink';
import { bottleneck, stageEtas } from './throughput';
import { ClipProgressRow } from './ClipProgressRow';

export const STAGE_LABELS: Record<Stage, string> = {
  scan: 'Scan',
  copy: 'Copy',
  decode: 'Decode',
  detect: 'Detect',
  embed: 'Embed',
  match: 'Match',
};

function StageRow({
  stage,
  found,
  timing,
}: {
  stage: ProgressSnapshotData['stages'][number];
  /** For the scan: the photos it found (the copy stage's total) once it has them. */
  found: number | null;
  timing: { finished: boolean; eta: number | null } | undefined;
}) {
  const rate = useJobs((s) => s.rates[stage.stage]);
  // The scan has no total while it walks the card; once the copy knows its total the scan is over.
  const scanDone = stage.stage === 'scan' && found !== null;
  const finished = scanDone || (timing?.finished ?? false);
  const open = stage.total === 0 && !scanDone;
  const pct = scanDone ? 1 : stage.total > 0 ? Math.min(1, stage.done / stage.total) : 0;
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
        {stage.stage === 'scan' ? (
          // The worker counts the card's photos once its walk is over: until then there is no honest number.
          found === null ? (
            'looking at the card…'
          ) : (
            `${formatCount(found, 'photo')} found`
          )
        ) : (
          <>
            {stage.done.toLocaleString()} / {stage.total.toLocaleString()}
            <span className="muted"> · {formatPercent(stage.done, stage.total)}</span>
          </>
        )}
      </span>
      <span className="stage-rate tabular">
        {finished ? 'done' : open ? '' : formatRate(rate?.rate ?? (stage.rate > 0 ? stage.rate : null))}
      </span>
      <span className="stage-eta tabular" title={timing?.eta === null ? 'measuring the pace first' : undefined}>
        {finished || open ? '' : timing?.eta === null || !timing ? 'estimating…' : formatDuration(timing.eta)}
      </span>
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
  const rates = useJobs((s) => s.rates);
  const provider = progress.provider?.toUpperCase();
  const timings = stageEtas(progress.stages, rates);
  const pace = progress.paused ? null : bottleneck(progress.stages, rates);
  const copy = progress.stages.find((s) => s.stage === 'copy');
  return (
    <section className="panel job-panel" aria-label="Import progress" data-testid="job-panel">
      <header className="panel-header">
        <h2>
          {progress.paused ? 'Import paused' : 'Importing'}
          <span className="muted small"> · {formatDuration(progress.elapsedMs / 1000)} elapsed</span>
        </h2>
        {pace && (
          <span
            className="job-pace tabular"
            data-testid="job-pace"
            title="The slowest stage still working sets the pace"
          >
            {formatRate(pace.rate)} · bounded by {STAGE_LABELS[pace.stage].toLowerCase()}
          </span>
        )}
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
          <StageRow
            key={s.stage}
            stage={s}
            found={copy && copy.total > 0 ? copy.total : null}
            timing={timings[s.stage]}
          />
        ))}
        {progress.clip && <ClipProgressRow clip={progress.clip} />}
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
        <Icon name="alert" size={14} /> {formatCount(failures.length, 'file')} could not be imported or processed ·{' '}
        <a href={FAILED_PHOTOS_HASH} data-testid="failed-link">
          see them in Photos
        </a>
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
