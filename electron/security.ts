// The app's security settings in one place: what every window gets, and the session-wide refusals (permissions,
// navigation, new windows). The e2e smoke test and the unit tests read these same values.
import type { App, Session, WebContents, WebPreferences } from 'electron';
import { APP_ORIGIN } from './protocols';

export function webPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** Deny every permission (camera, notifications, geolocation ...): the app needs none. */
export function denyPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** The page stays the app: no navigation away, no new windows, no <webview>. */
export function lockDownContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function secureApp(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
}
