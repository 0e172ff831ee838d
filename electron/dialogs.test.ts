// The native file picker, Electron mocked: what the dialog is asked for, and that a call from the page reaches it only
// through the IPC adapter with arguments the contract validated.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Reply } from '../core/contract';
import { forkLauncher } from '../core/jobs/launcher';
import { Supervisor } from '../core/jobs/supervisor';
import { openLibrary } from '../core/library/library';
import { createServices } from '../core/services';
import { pickFile } from './dialogs';
import { bindIpc } from './ipc';
import { APP_ORIGIN } from './protocols';

const showOpenDialog = vi.hoisted(() => vi.fn());
vi.mock('electron', () => ({ dialog: { showOpenDialog } }));

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-dialogs-'));
const library = openLibrary(path.join(work, 'lib'), { create: true });
const win = { id: 7 };
const services = createServices({
  library,
  supervisor: new Supervisor({ launcher: forkLauncher(), library }),
  host: { kind: 'desktop', dropPaths: true, pickFile: (options) => pickFile(win as never, options) },
});

afterAll(() => {
  services.dispose();
  library.close();
  fs.rmSync(work, { recursive: true, force: true });
});

beforeEach(() => showOpenDialog.mockReset());

/** A call from the app page, through the IPC adapter as the preload sends it. */
function callFromPage(method: string, args: unknown): Promise<Reply> {
  let handler: ((event: unknown, method: unknown, args: unknown) => Promise<Reply>) | undefined;
  const ipcMain = { handle: (_channel: string, h: typeof handler) => (handler = h), removeHandler: () => undefined };
  bindIpc(
    ipcMain as never,
    () => services.handlers,
    () => [win as never],
  );
  return handler!({ senderFrame: { url: `${APP_ORIGIN}/index.html` }, sender: { id: 7 } }, method, args);
}

describe('dialog.pickFile', () => {
  it('opens one file in the window, showing only the extensions asked for', async () => {
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/home/me/models/deer.onnx'] });
    const reply = await callFromPage('dialog.pickFile', { title: 'Choose a model file', extensions: ['onnx'] });
    expect(reply).toEqual({ ok: true, result: '/home/me/models/deer.onnx' });
    expect(showOpenDialog.mock.calls).toEqual([
      [
        win,
        {
          title: 'Choose a model file',
          properties: ['openFile'],
          filters: [{ name: '.onnx', extensions: ['onnx'] }],
        },
      ],
    ]);
  });

  it('is null when cancelled, and without a window still asks', async () => {
    showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await callFromPage('dialog.pickFile', {})).toEqual({ ok: true, result: null });
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/tmp/a.txt'] });
    expect(await pickFile(null, {})).toBe('/tmp/a.txt');
    expect(showOpenDialog.mock.calls.at(-1)).toEqual([{ title: 'Choose a file', properties: ['openFile'] }]);
  });

  it('never reaches the dialog with arguments the contract refuses', async () => {
    for (const args of [{ extensions: ['../x'] }, { extensions: ['onnx', '*'] }, { title: 'x', defaultPath: '/etc' }]) {
      expect(await callFromPage('dialog.pickFile', args)).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    }
    expect(showOpenDialog).not.toHaveBeenCalled();
  });

  it('is said to be there on the desktop, and refused where the host has none', async () => {
    expect(await callFromPage('app.info', {})).toMatchObject({
      ok: true,
      result: { capabilities: { pickFile: true } },
    });
    const serve = createServices({
      library,
      supervisor: new Supervisor({ launcher: forkLauncher(), library }),
      host: { kind: 'serve', dropPaths: false },
    });
    try {
      expect(() => serve.handlers['dialog.pickFile']({})).toThrow(
        expect.objectContaining({ code: 'not_supported' }) as Error,
      );
    } finally {
      serve.dispose();
    }
  });
});
