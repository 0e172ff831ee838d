// Wires the host's job events into the jobs store once, and picks up a job already running when the window opens
// (a reload mid-import, a second browser tab).
import { useEffect } from 'react';
import { useApi } from '../data/apiContext';
import { useJobs } from '../store/jobs';

export function useHostEvents(): void {
  const api = useApi();
  useEffect(() => {
    const { onProgress, onFinished, onWorkerRestarted } = useJobs.getState();
    const offs = [
      api.on('job.progress', (p) => onProgress(p)),
      api.on('job.finished', onFinished),
      api.on('job.workerRestarted', onWorkerRestarted),
    ];
    api.call('import.current', {}).then(
      (job) => job?.progress && onProgress(job.progress),
      // The dashboard shows the connection error where it matters; nothing to do here.
      () => undefined,
    );
    return () => offs.forEach((off) => off());
  }, [api]);
}
