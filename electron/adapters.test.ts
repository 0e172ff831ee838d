// The Electron adapters with Electron mocked: IPC sender checks and validation, events to windows, the app and media
// protocols over a real library, the window security settings and the utilityProcess launcher.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, MEDIA_SCHEME, type Reply } from '../core/contract';
import { JobControl } from '../core/jobs/control';
import { forkLauncher } from '../core/jobs/launcher';
import { ProgressTracker } from '../core/jobs/progress';
import { Supervisor } from '../core/jobs/supervisor';
import { openLibrary, type Library } from '../core/library/library';
import { createServices, type Services } from '../core/services';
import { makeSyntheticCard } from '../testing/synth';
import { importPhotos } from '../worker/import/importPhotos';
import { bindIpc, forwardEvents } from './ipc';
import { APP_ORIGIN, appResponse, mediaResponse } from './protocols';
import { denyPermissions, lockDownContents, webPreferences } from './security';
import { utilityProcessLauncher } from './workerLauncher';

vi.mock('electron', () => ({}));

let work: string;
let library: Library;
let services: Services;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-electron-'));
  library = openLibrary(path.join(work, 'lib'), { create: true });
  await importPhotos(
    library,
    { sources: [makeSyntheticCard(path.join(work, 'card'), 2).dir] },
    new ProgressTracker(0, () => undefined),
    new JobControl(),
  );
  services = createServices({
    library,
    supervisor: new Supervisor({ launcher: forkLauncher(), library }),
    host: { kind: 'desktop', dropPaths: true },
  });
});

afterAll(() => {
  services.dispose();
  library.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('IPC adapter', () => {
  const appWindow = { id: 7 };
  const setup = () => {
    let handler: (event: unknown, method: unknown, args: unknown) => Promise<Reply> = async () => ({
      ok: true,
      result: null,
    });
    const ipcMain = { handle: vi.fn((_c: string, h: typeof handler) => (handler = h)), removeHandler: vi.fn() };
    bindIpc(
      ipcMain as never,
      () => services.handlers,
      () => [appWindow as never],
    );
    expect(ipcMain.handle.mock.calls[0]![0]).toBe(IPC_CALL_CHANNEL);
    const from = (url: string, id = 7) => ({ senderFrame: { url }, sender: { id } });
    return { call: (event: unknown, method: unknown, args: unknown) => handler(event, method, args), from };
  };

  it('answers the app page and validates arguments with the contract', async () => {
    const { call, from } = setup();
    const stats = await call(from(`${APP_ORIGIN}/index.html`), 'library.stats', {});
    expect(stats).toMatchObject({ ok: true, result: { images: { total: 2 } } });
    expect(await call(from(`${APP_ORIGIN}/index.html`), 'photos.query', { limit: 'all' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_args' },
    });
    expect(await call(from(`${APP_ORIGIN}/index.html`), 'require', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
  });

  it('refuses other pages, frames and windows', async () => {
    const { call, from } = setup();
    for (const event of [
      from('https://evil.example/'),
      from('file:///tmp/x.html'),
      from(`${APP_ORIGIN}/index.html`, 8),
      { sender: { id: 7 } },
    ]) {
      expect(await call(event, 'library.stats', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  it('pushes events to the app windows', () => {
    const send = vi.fn();
    const off = forwardEvents(services.events, () => [{ send, isDestroyed: () => false } as never]);
    services.events.emit('library.changed', { scopes: ['photos'] });
    off();
    services.events.emit('library.changed', { scopes: ['cameras'] });
    expect(send.mock.calls).toEqual([[IPC_EVENT_CHANNEL, 'library.changed', { scopes: ['photos'] }]]);
  });
});

describe('protocols', () => {
  it('serves the renderer with the CSP, never a file outside it', async () => {
    const renderer = path.join(work, 'renderer');
    fs.mkdirSync(renderer, { recursive: true });
    fs.writeFileSync(path.join(renderer, 'index.html'), '<div id="root"></div>');
    const index = appResponse(renderer, { url: `${APP_ORIGIN}/index.html` });
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(index.headers.get('content-security-policy')).toContain(`${MEDIA_SCHEME}:`);
    for (const url of [
      `${APP_ORIGIN}/..%2f..%2flib%2fthumper.db`,
      `${APP_ORIGIN}/%2e%2e/lib/thumper.db`,
      'thumper-app://other/index.html',
    ]) {
      const res = appResponse(renderer, { url });
      expect(await res.text(), url).not.toContain('SQLite');
    }
  });

  it('serves media by id and refuses anything else', async () => {
    const ok = await mediaResponse(library, { url: `${MEDIA_SCHEME}://app/media/original/1` });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/jpeg');
    for (const url of [
      `${MEDIA_SCHEME}://app/media/original/999`,
      `${MEDIA_SCHEME}://app/media/original/..%2f..%2fthumper.db`,
      `${MEDIA_SCHEME}://app/media/original/1/../../thumper.db`,
      `${MEDIA_SCHEME}://app/media/original/%2Fetc%2Fpasswd`,
      `${MEDIA_SCHEME}://app/thumper.db`,
    ]) {
      expect((await mediaResponse(library, { url })).status, url).toBe(404);
    }
    expect((await mediaResponse(null, { url: `${MEDIA_SCHEME}://app/media/original/1` })).status).toBe(404);
  });
});

describe('security settings', () => {
  it('isolates and sandboxes every window', () => {
    expect(webPreferences('/p.js')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('blocks navigation away, new windows and webviews; denies permissions', () => {
    const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler: ReturnType<typeof vi.fn> };
    contents.setWindowOpenHandler = vi.fn();
    lockDownContents(contents as never);
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      contents.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate(`${APP_ORIGIN}/index.html`)).toBe(false);
    expect(contents.setWindowOpenHandler.mock.calls[0]![0]()).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();

    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    denyPermissions(session);
    const callback = vi.fn();
    session.setPermissionRequestHandler.mock.calls[0]![0]({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.setPermissionCheckHandler.mock.calls[0]![0]()).toBe(false);
  });
});

describe('utilityProcess launcher', () => {
  it('maps the utility process onto the launcher interface', () => {
    const child = Object.assign(new EventEmitter(), { pid: 99, postMessage: vi.fn(), kill: vi.fn() });
    const fork = vi.fn(() => child);
    const handle = utilityProcessLauncher(fork as never, '/app/dist/worker/main.js', { A: '1' })();
    expect(fork).toHaveBeenCalledWith('/app/dist/worker/main.js', [], {
      serviceName: 'Thumper worker',
      // The worker's own memory setting (core/jobs/workerEnv.ts) joins the host's environment.
      env: { A: '1', MALLOC_ARENA_MAX: '2' },
      stdio: 'inherit',
    });
    expect(handle.pid).toBe(99);
    handle.send({ type: 'pause' });
    expect(child.postMessage).toHaveBeenCalledWith({ type: 'pause' });
    const messages: unknown[] = [];
    const exits: unknown[] = [];
    handle.onMessage((m) => messages.push(m));
    handle.onExit((e) => exits.push(e));
    child.emit('message', { type: 'done', result: { scanned: 1, videos: 0, failures: [] } });
    child.emit('exit', 3);
    child.emit('exit', 4);
    expect(messages).toEqual([{ type: 'done', result: { scanned: 1, videos: 0, failures: [] } }]);
    expect(exits).toEqual([{ code: 3, signal: null }]);
    handle.kill();
    expect(child.kill).toHaveBeenCalled();
  });
});
