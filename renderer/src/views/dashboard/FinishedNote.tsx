// What the last job did, until the user dismisses it.
import { useJobs } from '../../store/jobs';
import { formatDuration } from '../../lib/eta';
import { formatCount } from '../../lib/format';
import { FailureList } from './JobPanel';

export function FinishedNote() {
  const finished = useJobs((s) => s.lastFinished);
  if (!finished) return null;
  const { summary, status } = finished;
  const title = status === 'done' ? 'Import finished' : status === 'cancelled' ? 'Import cancelled' : 'Import failed';
  return (
    <section className={status === 'failed' ? 'panel finished-note failed' : 'panel finished-note'} aria-label={title}>
      <header className="panel-header">
        <h2>{title}</h2>
        <button type="button" className="btn ghost small" onClick={() => useJobs.setState({ lastFinished: null })}>
          Dismiss
        </button>
      </header>
      <p>
        {formatCount(summary.imported, 'photo')} imported · {summary.processed.toLocaleString()} processed ·{' '}
        {formatCount(summary.duplicates, 'duplicate')} skipped · {formatCount(summary.videos, 'clip')} ·{' '}
        {summary.failed} failed · took {formatDuration(summary.elapsedMs / 1000)}
      </p>
      {finished.error && <p className="inline-error">{finished.error}</p>}
      <FailureList failures={summary.failures} />
    </section>
  );
}
