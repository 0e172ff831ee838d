// Wires the host's job and SD-card events into their stores once, and picks up a job already running when the window opens
// (a reload mid-import, a second browser tab).
import { useEffect } from 'react';
import { useApi } from '../data/apiContext';
import { useJobs } from '../store/jobs';
import { useTasks } from '../store/tasks';
import { useToast } from '../store/toast';
import { useVolumes } from '../store/volumes';

export function useHostEvents(): void {
  const api = useApi();
  useEffect(() => {
    const { onProgress, onFinished, onWorkerRestarted } = useJobs.getState();
    const offs = [
      api.on('job.progress', (p) => onProgress(p)),
      api.on('job.finished', onFinished),
      api.on('job.workerRestarted', onWorkerRestarted),
      api.on('task.progress', (p) => useTasks.getState().onProgress(p)),
      api.on('task.finished', (f) => useTasks.getState().onFinished(f)),
      api.on('volume.detected', (v) => {
        useVolumes.getState().add(v);
        useToast.getState().show(`SD card found${v.label ? ` (${v.label})` : ''}: import it from the Import view.`);
      }),
    ];
    api.call('import.current', {}).then(
      (job) => job?.progress && onProgress(job.progress),
      // The dashboard shows the connection error where it matters; nothing to do here.
      () => undefined,
    );
    return () => offs.forEach((off) => off());
  }, [api]);
}
