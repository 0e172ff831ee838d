// One host task (download, export) in a line: its step and a bar while it runs, then what it did or why it failed.
import { formatBytes } from '../lib/format';
import type { TaskState } from '../store/tasks';

function amount(t: TaskState): string {
  if (t.kind === 'models.fetch')
    return t.total ? `${formatBytes(t.done)} of ${formatBytes(t.total)}` : formatBytes(t.done);
  return t.total ? `${t.done.toLocaleString()} of ${t.total.toLocaleString()}` : t.done.toLocaleString();
}

export function TaskProgress({ task, testId }: { task: TaskState | null; testId?: string }) {
  if (!task) return <span className="muted small">Starting…</span>;
  if (task.status === 'done')
    return (
      <p className="inline-note" data-testid={testId} data-status="done">
        {task.summary ?? 'Done.'}
      </p>
    );
  if (task.status === 'failed')
    return (
      <p className="inline-error" data-testid={testId} data-status="failed">
        {task.error ?? 'Failed.'}
      </p>
    );
  const pct = task.total ? Math.min(1, task.done / task.total) : 0;
  return (
    <div className="task-progress" data-testid={testId} data-status="running">
      <span className="small">
        {task.step ?? '…'} · <span className="tabular">{amount(task)}</span>
      </span>
      <span className="progress thin">
        <span className="progress-fill" style={{ width: `${pct * 100}%` }} />
      </span>
    </div>
  );
}
