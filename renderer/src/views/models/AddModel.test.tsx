import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi, type Transport } from '../../../../core/contract/client';
import { ApiProvider } from '../../data/apiContext';
import { QueryProvider } from '../../data/QueryProvider';
import { AddModel } from './AddModel';
import { ModelsBanner } from './ModelsBanner';

afterEach(cleanup);

const added = { id: 'deer', kind: 'detector', family: 'yolov8', notes: [], registry: '/m/user-models.json' };

function setup(host: 'desktop' | 'serve', answers: Record<string, unknown>) {
  const invoke = vi.fn<Transport['invoke']>((method) => {
    if (method === 'app.info')
      return Promise.resolve({
        ok: true,
        result: {
          version: '1',
          host,
          library: null,
          platform: 'linux',
          capabilities: {
            pickFolder: host === 'desktop',
            pickFile: host === 'desktop',
            dropPaths: host === 'desktop',
            switchLibrary: false,
            savePdf: false,
          },
        },
      });
    return Promise.resolve({ ok: true, result: answers[method] });
  });
  const api = createApi({
    host,
    invoke,
    subscribe: () => () => undefined,
    mediaUrl: (p) => p,
    pathForFile: () => null,
  });
  const onAdded = vi.fn();
  const r = render(
    <ApiProvider api={api}>
      <QueryProvider>
        <AddModel onAdded={onAdded} />
      </QueryProvider>
    </ApiProvider>,
  );
  return { r, invoke, onAdded };
}

const calls = (invoke: ReturnType<typeof vi.fn<Transport['invoke']>>, method: string) =>
  invoke.mock.calls.filter((c) => c[0] === method).map((c) => c[1]);

describe('Add a model file…', () => {
  it('on the desktop, picks the file in the native dialog and adds it', async () => {
    const { r, invoke, onAdded } = setup('desktop', {
      'dialog.pickFile': '/home/me/deer.onnx',
      'models.add': added,
    });
    fireEvent.click(await r.findByTestId('add-model-pick'));
    await waitFor(() => expect(onAdded).toHaveBeenCalled());
    expect(calls(invoke, 'dialog.pickFile')).toEqual([{ title: 'Choose an ONNX model file', extensions: ['onnx'] }]);
    expect(calls(invoke, 'models.add')).toEqual([{ file: '/home/me/deer.onnx' }]);
    expect(r.getByTestId('add-model-file').textContent).toBe('/home/me/deer.onnx');
    expect(r.getByText('Added deer (detector, yolov8).')).toBeTruthy();
    expect(r.queryByTestId('add-model-path')).toBeNull();
  });

  it('on the desktop, a cancelled dialog adds nothing', async () => {
    const { r, invoke } = setup('desktop', { 'dialog.pickFile': null });
    fireEvent.click(await r.findByTestId('add-model-pick'));
    await waitFor(() => expect(calls(invoke, 'dialog.pickFile')).toHaveLength(1));
    expect(calls(invoke, 'models.add')).toEqual([]);
  });

  it('in a browser, checks the typed path as it is typed and refuses a bad one before Add', async () => {
    const { r, invoke } = setup('serve', {
      'models.checkFile': { problem: 'no such file on this computer', bytes: null },
    });
    const input = await r.findByTestId('add-model-path');
    fireEvent.change(input, { target: { value: '/home/me/nothing.onnx' } });
    const note = await r.findByTestId('add-model-path-check');
    await waitFor(() => expect(note.textContent).toBe('no such file on this computer'));
    expect(calls(invoke, 'models.checkFile')).toEqual([{ file: '/home/me/nothing.onnx' }]);
    expect((r.getByRole('button', { name: 'Add' }) as HTMLButtonElement).disabled).toBe(true);
    expect(r.queryByTestId('add-model-pick')).toBeNull();
  });

  it('in a browser, a model file found says its size and can be added', async () => {
    const { r, invoke, onAdded } = setup('serve', {
      'models.checkFile': { problem: null, bytes: 3_500_000 },
      'models.add': added,
    });
    fireEvent.change(await r.findByTestId('add-model-path'), { target: { value: '/home/me/deer.onnx' } });
    await waitFor(() => expect(r.getByTestId('add-model-path-check').textContent).toMatch(/^ONNX file, 3\.\d MB$/));
    fireEvent.click(r.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(onAdded).toHaveBeenCalled());
    expect(calls(invoke, 'models.add')).toEqual([{ file: '/home/me/deer.onnx' }]);
  });
});

describe('the first-run banner', () => {
  it('on the desktop, "Add a model file…" opens the native dialog and adds the file', async () => {
    const invoke = vi.fn<Transport['invoke']>((method) => {
      const results: Record<string, unknown> = {
        'app.info': {
          version: '1',
          host: 'desktop',
          library: null,
          platform: 'linux',
          capabilities: { pickFolder: true, pickFile: true, dropPaths: true, switchLibrary: false, savePdf: false },
        },
        'models.status': {
          ready: false,
          folder: { dir: '/m', from: 'default' },
          roles: [{ role: 'detector', id: 'yolox_nano_416', status: 'missing', fetchable: true }],
        },
        'dialog.pickFile': '/home/me/deer.onnx',
        'models.add': added,
      };
      return Promise.resolve({ ok: true, result: results[method] });
    });
    const api = createApi({
      host: 'desktop',
      invoke,
      subscribe: () => () => undefined,
      mediaUrl: (p) => p,
      pathForFile: () => null,
    });
    const r = render(
      <ApiProvider api={api}>
        <QueryProvider>
          <ModelsBanner />
        </QueryProvider>
      </ApiProvider>,
    );
    await waitFor(() => expect(calls(invoke, 'app.info')).toHaveLength(1));
    fireEvent.click(await r.findByRole('button', { name: 'Add a model file…' }));
    await waitFor(() => expect(r.getByText('Added deer (detector, yolov8).')).toBeTruthy());
    expect(calls(invoke, 'dialog.pickFile')).toEqual([{ title: 'Choose an ONNX model file', extensions: ['onnx'] }]);
    expect(calls(invoke, 'models.add')).toEqual([{ file: '/home/me/deer.onnx' }]);
  });
});
