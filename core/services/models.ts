// The models part of the API: status of the library's models (first run), the catalog list, downloads and the user's
// own files, and switching a library's detector or embedder, which starts the processing job that re-runs what
// depends on it (progress as `job.*` events, like an import), and a detector's test run on one photo (writes nothing).
// Whatever opens a user's model file in onnxruntime (add, test run) runs as a worker task of the supervisor.
import path from 'node:path';
import { ApiError } from '../contract';
import type { Supervisor } from '../jobs/supervisor';
import type { RunTask } from '../jobs/tasks';
import type { Library } from '../library/library';
import { getSettings } from '../library/settings';
import { addModel, DETECTOR_FAMILIES, EMBEDDER_FAMILIES, type Family } from '../models/add';
import { fetchModel, listModels } from '../models/fetch';
import { inspectInWorker } from '../models/inspection';
import { resolveModelsFolder } from '../models/folder';
import { libraryModelsStatus } from '../models/libraryModels';
import { useModel } from '../models/useModel';
import type { Handlers } from './dispatch';
import { testRunDetector } from './modelTestRun';
import type { EventHub } from './hub';
import type { TaskRunner } from './tasks';

type ModelHandlers = Pick<
  Handlers,
  'models.status' | 'models.list' | 'models.fetch' | 'models.add' | 'models.use' | 'models.testRun'
>;

const FAMILIES: readonly string[] = [...DETECTOR_FAMILIES, ...EMBEDDER_FAMILIES];

/** The models folder is the host's (THUMPER_MODELS_DIR or the user's data folder), the one its worker reads. */
export function modelHandlers(
  library: Library,
  supervisor: Supervisor,
  events: EventHub,
  tasks: TaskRunner,
): ModelHandlers {
  const { db } = library;
  const folder = () => resolveModelsFolder();
  const runTask: RunTask = (task) => supervisor.runTask(task);
  return {
    'models.status': () => libraryModelsStatus(getSettings(db), folder()),
    'models.list': async () =>
      (await listModels(folder())).map(({ entry, status, user }) => ({
        id: entry.id,
        name: entry.name,
        kind: entry.kind,
        family: entry.family,
        licence: entry.licence,
        source: entry.source,
        size: entry.size ?? null,
        status,
        user,
      })),
    'models.fetch': (a) => ({
      taskId: tasks.start('models.fetch', async (report) => {
        const result = await fetchModel(a.id, {
          folder: folder(),
          onProgress: (p) => report(`download ${a.id}`, p.received, p.total),
        });
        events.emit('library.changed', { scopes: ['settings'] });
        return result.downloaded ? `installed ${a.id} in ${result.file}` : `${a.id} was already installed`;
      }),
    }),
    'models.add': async (a) => {
      if (!path.isAbsolute(a.file))
        throw new ApiError('invalid_args', `the model file must be an absolute path, not "${a.file}"`);
      if (a.family !== undefined && !FAMILIES.includes(a.family))
        throw new ApiError('invalid_args', `family must be one of ${FAMILIES.join(', ')}`);
      const added = await addModel(a.file, {
        folder: folder(),
        inspect: inspectInWorker(runTask),
        family: a.family as Family | undefined,
        labels: a.labels,
        id: a.id,
        name: a.name,
      });
      return {
        id: added.entry.id,
        kind: added.entry.kind,
        family: added.entry.family,
        notes: added.notes,
        registry: added.registry,
      };
    },
    'models.use': (a) => {
      if (a.process && supervisor.current())
        throw new ApiError('conflict', 'a job is running: wait for it, or cancel it, before switching models');
      const choice = useModel(db, folder(), a.role, a.id);
      events.emit('library.changed', { scopes: ['settings'] });
      const jobId = a.process ? supervisor.startProcessing() : null;
      return { previous: choice.previous, changed: choice.changed, status: choice.status, jobId };
    },
    'models.testRun': (a) => testRunDetector(library, folder(), runTask, a),
  };
}
