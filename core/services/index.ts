// The implementation of the API contract over core: one object of handlers, the same for the Electron main process
// and the serve mode. What differs between hosts (folder picker, switching libraries) comes in as `HostFeatures`.
import fs from 'node:fs';
import path from 'node:path';
import { ApiError, type AppInfo, type RecentLibrary } from '../contract';
import type { Supervisor } from '../jobs/supervisor';
import { getSettings, setSetting, type SettingKey } from '../library/settings';
import type { Library } from '../library/library';
import { PACKAGE_ROOT } from '../paths';
import { listCameras } from '../queries/cameras';
import { activity } from '../queries/dashboard';
import { importHistory } from '../queries/importHistory';
import { individualCrops, individualDetail, queryIndividuals } from '../queries/individuals';
import { photoDetail, queryPhotos, sequencePhotos } from '../queries/photos';
import { querySequences, sequenceById } from '../queries/sequences';
import { libraryStats } from '../queries/stats';
import { checkLibrary } from '../library/check';
import { querySuggestions } from '../queries/suggestions';
import type { Handlers } from './dispatch';
import { calibrationHandlers } from './calibration';
import { cameraHandlers } from './cameras';
import { editHandlers } from './edits';
import { exportHandlers } from './exports';
import { EventHub } from './hub';
import { previewImport } from './importPreview';
import { prepareRetry } from './retryFailed';
import { checkModelFile } from '../models/checkFile';
import { installFromFolder } from '../models/installFromFolder';
import { resolveModelsFolder } from '../models/folder';
import { modelHandlers } from './models';
import { speciesHandlers } from './species';
import { surveyHandlers } from './survey';
import { TaskRunner } from './tasks';

export interface HostFeatures {
  kind: AppInfo['host'];
  dropPaths: boolean;
  pickFolder?: (title?: string) => Promise<string | null>;
  /** A native open-file dialog showing files with these extensions; the path, or null when cancelled. */
  pickFile?: (options: { title?: string; extensions?: string[] }) => Promise<string | null>;
  /** Prints the window to a PDF file the person chooses; the path, or null when cancelled. */
  savePdf?: (suggestedName: string) => Promise<string | null>;
  libraries?: {
    recent(): RecentLibrary[];
    open(dir: string): Promise<void>;
    create(dir: string): Promise<void>;
  };
}

export interface ServiceContext {
  library: Library;
  supervisor: Supervisor;
  host: HostFeatures;
}

const VERSION = (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

function notFound(what: string, id: number): never {
  throw new ApiError('not_found', `no ${what} ${id}`);
}

function unsupported(what: string): never {
  throw new ApiError('not_supported', `${what} is only available in the desktop app`);
}

export interface Services {
  handlers: Handlers;
  events: EventHub;
  /** Model downloads and exports in flight (`task.*` events). */
  tasks: TaskRunner;
  dispose(): void;
}

export function createServices({ library, supervisor, host }: ServiceContext): Services {
  const { db } = library;
  const events = new EventHub();
  const tasks = new TaskRunner(events);
  const unsubscribe = [
    supervisor.on('progress', (snapshot) => events.emit('job.progress', snapshot)),
    supervisor.on('workerRestarted', (e) => events.emit('job.workerRestarted', e)),
    supervisor.on('finished', (e) => {
      events.emit('job.finished', e);
      // Processing (after an import, or a change of models) also rewrites boxes, individuals and suggestions.
      events.emit('library.changed', {
        scopes: ['photos', 'cameras', 'imports', 'detections', 'individuals', 'suggestions'],
      });
    }),
  ];

  const handlers: Handlers = {
    'app.info': () => ({
      version: VERSION,
      host: host.kind,
      library: { path: library.root, name: path.basename(library.root) },
      platform: process.platform,
      capabilities: {
        pickFolder: !!host.pickFolder,
        pickFile: !!host.pickFile,
        dropPaths: host.dropPaths,
        switchLibrary: !!host.libraries,
        savePdf: !!host.savePdf,
      },
    }),
    'library.stats': () => libraryStats(db),
    'library.check': async (a) => {
      const report = await checkLibrary(library, { repair: a.repair });
      if (a.repair && report.problems.some((p) => p.repaired)) events.emit('library.changed', { scopes: ['photos'] });
      return report;
    },
    'library.activity': (a) => activity(db, a.cameraIds),
    'library.recent': () => host.libraries?.recent() ?? [],
    'library.open': async (a) => {
      if (!host.libraries) unsupported('Opening another library');
      await host.libraries.open(a.path);
      return { ok: true as const };
    },
    'library.create': async (a) => {
      if (!host.libraries) unsupported('Creating a library');
      await host.libraries.create(a.path);
      return { ok: true as const };
    },

    'photos.query': (a) => queryPhotos(db, a),
    'photos.get': (a) => photoDetail(db, a.id) ?? notFound('photo', a.id),
    'models.checkFile': (a) => checkModelFile(a.file),
    'models.installFromFolder': async (a) => {
      try {
        const result = await installFromFolder(a.dir, resolveModelsFolder());
        events.emit('library.changed', { scopes: ['settings'] });
        return result;
      } catch (err) {
        if (err instanceof Error && /is not a folder/.test(err.message)) throw new ApiError('not_found', err.message);
        throw err;
      }
    },
    'photos.retryFailed': (a) => {
      const running = supervisor.current();
      if (running) throw new ApiError('conflict', `job ${running.jobId} is still running: retry when it has finished`);
      const plan = prepareRetry(db, a.ids);
      if (plan.reprocess === 0 && plan.reimport.length === 0)
        throw new ApiError(
          'not_found',
          plan.missing.length
            ? `nothing to retry: the source files are gone (${plan.missing.join(', ')})`
            : 'nothing to retry: no failed files',
        );
      events.emit('library.changed', { scopes: ['photos'] });
      // An import processes everything waiting afterwards, the photos set back to waiting included.
      const jobId = plan.reimport.length
        ? supervisor.startImport({ sources: plan.reimport })
        : supervisor.startProcessing();
      return { jobId, reprocess: plan.reprocess, reimport: plan.reimport.length, missing: plan.missing };
    },
    'sequences.query': (a) => querySequences(db, a),
    'sequences.get': (a) => {
      const sequence = sequenceById(db, a.id) ?? notFound('sequence', a.id);
      return { sequence, photos: sequencePhotos(db, a.id) };
    },
    'cameras.list': () => listCameras(db),
    ...cameraHandlers(library, events),
    'individuals.query': (a) => queryIndividuals(db, a),
    'individuals.get': (a) => individualDetail(db, a.id) ?? notFound('individual', a.id),
    'individuals.crops': (a) => individualCrops(db, a.id, a.offset, a.limit),
    'suggestions.query': (a) => querySuggestions(db, a),
    ...speciesHandlers(db),

    ...editHandlers(db, events),

    'import.preview': (a) => previewImport(db, a.sources),
    'import.start': (a) => {
      for (const source of a.sources) {
        if (!path.isAbsolute(source))
          throw new ApiError('invalid_args', `import sources must be absolute paths, not "${source}"`);
        if (!fs.existsSync(source)) throw new ApiError('not_found', `${source} does not exist`);
      }
      return { jobId: supervisor.startImport(a) };
    },
    'import.pause': (a) => {
      supervisor.pause(a.jobId);
      return { ok: true as const };
    },
    'import.resume': (a) => {
      supervisor.resume(a.jobId);
      return { ok: true as const };
    },
    'import.cancel': (a) => {
      supervisor.cancel(a.jobId);
      return { ok: true as const };
    },
    'import.current': () => supervisor.current(),
    'import.history': (a) => importHistory(db, a.offset, a.limit, supervisor.current() !== null),

    'settings.get': () => getSettings(db),
    'settings.set': (a) => {
      for (const [key, value] of Object.entries(a))
        if (value !== undefined) setSetting(db, key as SettingKey, value as never);
      events.emit('library.changed', { scopes: ['settings'] });
      return getSettings(db);
    },

    ...calibrationHandlers(db, events),
    ...modelHandlers(library, supervisor, events, tasks),
    ...exportHandlers(library, tasks),
    ...surveyHandlers(db, events),

    'dialog.pickFolder': (a) => (host.pickFolder ? host.pickFolder(a.title) : unsupported('The folder picker')),
    'dialog.pickFile': (a) => (host.pickFile ? host.pickFile(a) : unsupported('The file picker')),
    'dialog.savePdf': (a) => (host.savePdf ? host.savePdf(a.suggestedName) : unsupported('Saving a PDF')),
  };

  return {
    handlers,
    events,
    tasks,
    dispose: () => {
      for (const u of unsubscribe) u();
    },
  };
}
