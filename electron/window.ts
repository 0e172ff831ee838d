// The main window: secure preferences, remembered bounds, the app page from thumper-app://.
import path from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { APP_ORIGIN } from './protocols';
import { webPreferences } from './security';
import { loadWindowState, saveWindowState } from './windowState';

export function createMainWindow(stateFile: string): BrowserWindow {
  const state = loadWindowState(
    stateFile,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Thumper',
    backgroundColor: '#111418',
    webPreferences: webPreferences(path.join(__dirname, 'preload.js')),
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  const save = () => {
    if (!win.isDestroyed()) saveWindowState(stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  };
  win.on('close', save);
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
