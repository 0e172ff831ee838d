import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi, type Transport } from '../../../../core/contract/client';
import type { MethodResult } from '../../../../core/contract/methods';
import { ApiProvider } from '../../data/apiContext';
import { DetectorTestRun } from './DetectorTestRun';

afterEach(cleanup);

const result: MethodResult<'models.testRun'> = {
  modelId: 'yolox_nano_416',
  provider: 'cpu',
  providerNote: 'CUDA provider not installed',
  photoId: 7,
  ms: { load: 120, decode: 35, infer: 48 },
  detections: [
    { category: 'animal', confidence: 0.91, x: 0.25, y: 0.5, w: 0.1, h: 0.2, duplicate: false },
    { category: 'animal', confidence: 0.4, x: 0.26, y: 0.5, w: 0.1, h: 0.2, duplicate: true },
    { category: 'person', confidence: 0.7, x: 0.6, y: 0.1, w: 0.1, h: 0.3, duplicate: false },
  ],
};

function setup(invoke: Transport['invoke']) {
  const api = createApi({
    host: 'serve',
    invoke,
    subscribe: () => () => undefined,
    mediaUrl: (p) => `http://media.test${p}`,
    pathForFile: () => null,
  });
  return render(
    <ApiProvider api={api}>
      <DetectorTestRun modelId="yolox_nano_416" />
    </ApiProvider>,
  );
}

describe('DetectorTestRun', () => {
  it('runs the chosen detector and shows provider, timings, animals and the boxes on the thumbnail', async () => {
    const invoke = vi.fn<Transport['invoke']>((method) =>
      Promise.resolve({ ok: true, result: method === 'photos.get' ? { id: 7, fileName: 'RCNX0042.JPG' } : result }),
    );
    const r = setup(invoke);
    fireEvent.click(r.getByTestId('test-run-button'));
    const summary = await r.findByTestId('test-run-summary');
    expect(invoke).toHaveBeenCalledWith('models.testRun', { role: 'detector', modelId: 'yolox_nano_416' });
    expect(summary.textContent).toBe(
      '1 animal on RCNX0042.JPG · runs on CPU · load 120 ms, decode 35 ms, detect 48 ms',
    );
    expect(r.getByText(/GPU \(CUDA\) support is not installed/)).toBeTruthy();
    expect((r.getByTestId('test-run-photo').querySelector('img') as HTMLImageElement).src).toBe(
      'http://media.test/media/thumbnail/7',
    );
    const boxes = r.getAllByTestId('test-run-box');
    expect(boxes.map((b) => b.className.trim())).toEqual([
      'box box-animal',
      'box box-animal muted-box',
      'box box-person',
    ]);
    expect(boxes[0]!.style.left).toBe('25%');
    expect(boxes[0]!.style.top).toBe('50%');
    expect(boxes[0]!.style.width).toBe('10%');
    expect(boxes[0]!.style.height).toBe('20%');
  });

  it('shows the error inline and drops an earlier result', async () => {
    const invoke = vi
      .fn<Transport['invoke']>()
      .mockResolvedValueOnce({ ok: true, result })
      .mockResolvedValueOnce({ ok: true, result: { id: 7, fileName: 'RCNX0042.JPG' } })
      .mockResolvedValueOnce({
        ok: false,
        error: { code: 'not_found', message: 'the library has no photos to test on: import some first' },
      });
    const r = setup(invoke);
    fireEvent.click(r.getByTestId('test-run-button'));
    await r.findByTestId('test-run-summary');
    fireEvent.click(r.getByTestId('test-run-button'));
    await waitFor(() =>
      expect(r.getByText('The test run failed: the library has no photos to test on: import some first')).toBeTruthy(),
    );
    expect(r.queryByTestId('test-run-summary')).toBeNull();
    expect((r.getByTestId('test-run-button') as HTMLButtonElement).disabled).toBe(false);
  });
});
