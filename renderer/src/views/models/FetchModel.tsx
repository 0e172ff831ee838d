// "Download" for a catalog model, then the download's progress and outcome in place.
import { useState } from 'react';
import { TaskProgress } from '../../components/TaskProgress';
import { useApi } from '../../data/apiContext';
import { useTask } from '../../store/tasks';

export function FetchModel({ id, label = 'Download' }: { id: string; label?: string }) {
  const api = useApi();
  const [taskId, setTaskId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const task = useTask(taskId);
  const start = () => {
    setError(null);
    api.call('models.fetch', { id }).then(
      (r) => setTaskId(r.taskId),
      (e: Error) => setError(e.message),
    );
  };
  const running = taskId !== null && (task === null || task.status === 'running');
  return (
    <div className="fetch-model">
      {!running && task?.status !== 'done' && (
        <button type="button" className="btn small primary" onClick={start} data-testid={`fetch-${id}`}>
          {task?.status === 'failed' ? 'Try again' : label}
        </button>
      )}
      {taskId !== null && <TaskProgress task={task} testId={`fetch-progress-${id}`} />}
      {error && <p className="inline-error">{error}</p>}
    </div>
  );
}
