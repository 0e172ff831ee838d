// Electron main process: wires the window, the protocols, the IPC adapter and the supervised worker to core. Kept
// thin on purpose: everything here is glue no test on the build machines runs (see e2e/electron.spec.ts).
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, utilityProcess } from 'electron';
import { MEDIA_SCHEME } from '../core/contract';
import { Supervisor } from '../core/jobs/supervisor';
import { openLibrary, type Library } from '../core/library/library';
import { acquireWriterLock, type WriterLock } from '../core/library/writerLock';
import { RENDERER_DIST_DIR } from '../core/paths';
import { createServices, type Services } from '../core/services';
import { chooseLibrary, pickFile, pickFolder, savePdf } from './dialogs';
import { bindIpc, forwardEvents } from './ipc';
import { electronBindingPath } from './nativeBinding';
import { APP_SCHEME, appResponse, mediaResponse, PRIVILEGED_SCHEMES } from './protocols';
import { lastLibrary, recentLibraries, rememberLibrary } from './recentLibraries';
import { denyPermissions, secureApp } from './security';
import { watchCardVolumes } from './volumes';
import { createMainWindow } from './window';
import { utilityProcessLauncher } from './workerLauncher';

// Development runs use the Electron build of better-sqlite3 made by `npm start` (scripts/electron-native.js).
if (!app.isPackaged) process.env.THUMPER_SQLITE_BINDING ??= electronBindingPath(process.versions.electron);

// Tests (e2e/electron.spec.ts) keep their settings and recent libraries apart from the user's.
if (process.env.THUMPER_USER_DATA) app.setPath('userData', process.env.THUMPER_USER_DATA);
protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);

interface Open {
  library: Library;
  lock: WriterLock;
  supervisor: Supervisor;
  services: Services;
  stopEvents: () => void;
}

let current: Open | null = null;
let win: BrowserWindow | null = null;
const userFile = (name: string) => path.join(app.getPath('userData'), name);
const windows = () => (win && !win.isDestroyed() ? [win.webContents] : []);

function closeLibrary(): void {
  if (!current) return;
  current.stopEvents();
  current.services.dispose();
  current.supervisor.dispose();
  void current.lock.release();
  current.library.close();
  current = null;
}

async function useLibrary(dir: string, create: boolean): Promise<void> {
  const library = openLibrary(dir, { create });
  // The app is the library's one writer while it is open; a CLI import or a serve on it is refused, naming the app.
  const lock = await acquireWriterLock(library.root, 'the Thumper app').catch((err: unknown) => {
    library.close();
    throw err;
  });
  closeLibrary();
  rememberLibrary(userFile('recent-libraries.json'), library.root);
  const supervisor = new Supervisor({ launcher: utilityProcessLauncher(utilityProcess.fork), library });
  const services = createServices({
    library,
    supervisor,
    host: {
      kind: 'desktop',
      dropPaths: true,
      pickFolder: (title) => pickFolder(win, title),
      pickFile: (options) => pickFile(win, options),
      savePdf: (name) => savePdf(win, name),
      libraries: {
        recent: () => recentLibraries(userFile('recent-libraries.json')),
        open: async (d) => switchLibrary(d, false),
        create: async (d) => switchLibrary(d, true),
      },
    },
  });
  current = { library, lock, supervisor, services, stopEvents: forwardEvents(services.events, windows) };
}

async function switchLibrary(dir: string, create: boolean): Promise<void> {
  await useLibrary(dir, create);
  // Reload after the reply has left, so the renderer starts over on the new library.
  setTimeout(() => win?.webContents.reload(), 50);
}

async function start(): Promise<void> {
  secureApp(app);
  denyPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, (request) => appResponse(RENDERER_DIST_DIR, request));
  protocol.handle(MEDIA_SCHEME, (request) => mediaResponse(current?.library ?? null, request));
  bindIpc(ipcMain, () => current!.services.handlers, windows);

  const last = lastLibrary(userFile('recent-libraries.json'));
  if (last) await useLibrary(last, false);
  else {
    const choice = await chooseLibrary(null);
    if (!choice) return app.quit();
    await useLibrary(choice.path, choice.action === 'create');
  }
  win = createMainWindow(userFile('window-state.json'));
  watchCardVolumes((volume) => current?.services.events.emit('volume.detected', volume));
}

if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Closing mid-import loses nothing: the worker is stopped, recorded photos stay, the import shows as interrupted.
  app.on('before-quit', closeLibrary);
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      process.stderr.write(`thumper: ${(err as Error).stack ?? String(err)}\n`);
      // Another writer holds the library, or it cannot be opened: say so in a box, not only on a terminal.
      dialog.showErrorBox('Thumper could not open the library', (err as Error).message);
      app.exit(1);
    });
}
