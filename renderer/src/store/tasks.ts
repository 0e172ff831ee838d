// Host tasks (model downloads, exports) as the Models and Export views show them, fed by task.* events (wired once in
// app/useHostEvents.ts). Kept by task id whatever order the events and the call's reply arrive in: a quick export
// can finish before the view has its task id back.
import { create } from 'zustand';
import type { EventPayload } from '../../../core/contract/events';

export type TaskProgress = EventPayload<'task.progress'>;
export type TaskFinished = EventPayload<'task.finished'>;

export interface TaskState {
  kind: TaskProgress['kind'];
  step: string | null;
  done: number;
  total: number | null;
  status: 'running' | 'done' | 'failed';
  summary: string | null;
  error: string | null;
}

interface TasksStore {
  tasks: Record<number, TaskState>;
  onProgress: (p: TaskProgress) => void;
  onFinished: (f: TaskFinished) => void;
}

/** A progress event never reopens a finished task (throttled progress can trail the end). */
export function withProgress(tasks: Record<number, TaskState>, p: TaskProgress): Record<number, TaskState> {
  const prev = tasks[p.taskId];
  if (prev && prev.status !== 'running') return tasks;
  return {
    ...tasks,
    [p.taskId]: {
      kind: p.kind,
      step: p.step,
      done: p.done,
      total: p.total,
      status: 'running',
      summary: null,
      error: null,
    },
  };
}

export function withFinished(tasks: Record<number, TaskState>, f: TaskFinished): Record<number, TaskState> {
  const prev = tasks[f.taskId];
  return {
    ...tasks,
    [f.taskId]: {
      kind: f.kind,
      step: prev?.step ?? null,
      done: prev?.done ?? 0,
      total: prev?.total ?? null,
      status: f.status,
      summary: f.summary,
      error: f.error,
    },
  };
}

export const useTasks = create<TasksStore>((set) => ({
  tasks: {},
  onProgress: (p) => set((s) => ({ tasks: withProgress(s.tasks, p) })),
  onFinished: (f) => set((s) => ({ tasks: withFinished(s.tasks, f) })),
}));

/** The task with this id, or null before its first event. */
export const useTask = (taskId: number | null): TaskState | null =>
  useTasks((s) => (taskId === null ? null : (s.tasks[taskId] ?? null)));
