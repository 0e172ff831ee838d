import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../../../core/contract/client';
import type { Detection } from '../../../../core/contract/entities';
import { ApiProvider } from '../../data/apiContext';
import { ZoomPane } from './ZoomPane';

// happy-dom has no layout: give every element a 1000x500 box so the pane can fit the photo.
const sizes = { clientWidth: 1000, clientHeight: 500 };
const saved: Record<string, PropertyDescriptor | undefined> = {};
beforeAll(() => {
  for (const [k, v] of Object.entries(sizes)) {
    saved[k] = Object.getOwnPropertyDescriptor(HTMLElement.prototype, k);
    Object.defineProperty(HTMLElement.prototype, k, { configurable: true, get: () => v });
  }
});
afterAll(() => {
  for (const [k, d] of Object.entries(saved)) if (d) Object.defineProperty(HTMLElement.prototype, k, d);
});
afterEach(cleanup);

const api = createApi({
  host: 'serve',
  invoke: () => Promise.reject(new Error('no calls expected')),
  subscribe: () => () => undefined,
  mediaUrl: (p) => `http://media.test${p}`,
  pathForFile: () => null,
});

const detection: Detection = {
  id: 1,
  imageId: 9,
  model: 'm',
  rawLabel: 'horse',
  category: 'animal',
  sexAge: null,
  confidence: 0.9,
  box: { x: 0.25, y: 0.5, w: 0.1, h: 0.2 },
  duplicate: false,
  falsePositive: false,
  reviewed: false,
  trackletId: null,
  individualId: 4,
  individualName: 'Old Stag',
  hasCrop: true,
};

function setup(onStep = vi.fn(), prefetch: number[] = []) {
  const onSelect = vi.fn();
  const r = render(
    <ApiProvider api={api}>
      <ZoomPane
        photoId={9}
        image={{ width: 2048, height: 1536 }}
        detections={[detection]}
        selectedId={null}
        onSelect={onSelect}
        onStep={onStep}
        // Wider than the contract's PREVIEW_SIDE, so the zoom steps below stay on the preview for a while.
        previewWidth={1600}
        prefetch={prefetch}
      />
    </ApiProvider>,
  );
  const img = r.getByTestId('viewer-image') as HTMLImageElement;
  const box = r.getByTestId('viewer-box') as HTMLElement;
  const pane = r.getByTestId('zoom-pane');
  const parse = () => {
    const m = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([-\d.]+)\)/.exec(img.style.transform)!;
    if (!m) throw new Error(`unexpected transform ${img.style.transform}`);
    const [x, y, s] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return {
      x,
      y,
      s,
      box: { left: parseFloat(box.style.left), top: parseFloat(box.style.top), width: parseFloat(box.style.width) },
    };
  };
  return { ...r, img, box, pane, parse, onSelect, onStep };
}

/** The box must sit at its normalised place on the image under the current transform. */
function expectAligned(t: { x: number; y: number; s: number; box: { left: number; top: number; width: number } }) {
  expect(t.box.left).toBeCloseTo(t.x + 0.25 * 2048 * t.s, 3);
  expect(t.box.top).toBeCloseTo(t.y + 0.5 * 1536 * t.s, 3);
  expect(t.box.width).toBeCloseTo(0.1 * 2048 * t.s, 3);
}

describe('ZoomPane', () => {
  it('fits the photo, labels its boxes and loads the preview', () => {
    const { parse, img, box } = setup();
    const t = parse();
    expect(t.s).toBeCloseTo(500 / 1536);
    expectAligned(t);
    expect(img.src).toBe('http://media.test/media/preview/9');
    expect(box.textContent).toBe('animal 90% · Old Stag');
  });

  it("draws the grid thumbnail at once in the same box as the preview, then warms the neighbours' previews", () => {
    const made: { src: string }[] = [];
    vi.stubGlobal(
      'Image',
      class {
        src = '';
        decoding = '';
        constructor() {
          made.push(this);
        }
      },
    );
    try {
      const { img, getByTestId } = setup(vi.fn(), [10, 8]);
      const thumb = getByTestId('viewer-thumb') as HTMLImageElement;
      expect(thumb.src).toBe('http://media.test/media/thumbnail/9');
      // Same size and transform: the boxes fit whichever image is showing.
      expect(thumb.style.cssText).toBe(img.style.cssText);
      // The thumbnail is drawn first, under the preview.
      expect(thumb.compareDocumentPosition(img) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      // Only the check whether the browser holds this preview already; no neighbour before it has loaded.
      expect(made.map((i) => i.src)).toEqual(['http://media.test/media/preview/9']);
      fireEvent.load(img);
      expect(made.slice(1).map((i) => i.src)).toEqual([
        'http://media.test/media/preview/10',
        'http://media.test/media/preview/8',
      ]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('draws a preview the browser holds already alone, without the thumbnail', () => {
    vi.stubGlobal(
      'Image',
      class {
        src = '';
        complete = true;
        naturalWidth = 1024;
      },
    );
    try {
      const { queryByTestId, img } = setup();
      expect(queryByTestId('viewer-thumb')).toBeNull();
      expect(img.src).toBe('http://media.test/media/preview/9');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('zooms with the wheel and keys, keeping boxes aligned, then asks for the full photo', () => {
    const { parse, pane, queryByTestId } = setup();
    const before = parse();
    // happy-dom's WheelEvent lacks the MouseEvent coordinates browsers give it.
    const wheel = new WheelEvent('wheel', { deltaY: -400, bubbles: true, cancelable: true });
    Object.defineProperties(wheel, { clientX: { value: 300 }, clientY: { value: 200 } });
    act(() => void pane.dispatchEvent(wheel));
    const wheeled = parse();
    expect(wheeled.s).toBeGreaterThan(before.s * 1.5);
    expectAligned(wheeled);
    fireEvent.keyDown(window, { key: '+' });
    const plus = parse();
    expect(plus.s).toBeCloseTo(wheeled.s * 1.25, 3);
    expectAligned(plus);
    // The 1600-px preview suffices until the photo is drawn wider than that.
    expect(queryByTestId('viewer-image-full')).toBeNull();
    fireEvent.keyDown(window, { key: '+' });
    fireEvent.keyDown(window, { key: '+' });
    expectAligned(parse());
    expect((queryByTestId('viewer-image-full') as HTMLImageElement).src).toBe('http://media.test/media/original/9');
    fireEvent.keyDown(window, { key: '0' });
    expect(parse().s).toBeCloseTo(before.s);
  });

  it('pans by dragging when zoomed and steps photos with arrows when not', () => {
    const { parse, pane, onStep } = setup();
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(onStep).toHaveBeenCalledWith(1);
    fireEvent.doubleClick(pane, { clientX: 500, clientY: 250 });
    const zoomed = parse();
    expect(zoomed.s).toBeGreaterThanOrEqual(1);
    fireEvent.pointerDown(pane, { pointerId: 1, clientX: 500, clientY: 250 });
    fireEvent.pointerMove(pane, { pointerId: 1, clientX: 440, clientY: 210 });
    fireEvent.pointerUp(pane, { pointerId: 1 });
    const panned = parse();
    expect(panned.x).toBeCloseTo(zoomed.x - 60, 3);
    expect(panned.y).toBeCloseTo(zoomed.y - 40, 3);
    expectAligned(panned);
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(onStep).toHaveBeenCalledTimes(1);
  });

  it('selects a box on click', () => {
    const { box, onSelect } = setup();
    fireEvent.click(box);
    expect(onSelect).toHaveBeenCalledWith(1);
  });
});
