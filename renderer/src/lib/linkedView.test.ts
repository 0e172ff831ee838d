import { describe, expect, it } from 'vitest';
import { focusPoint, fromLinkedView, toLinkedView, zoomOnFocus } from './linkedView';
import { fitTransform } from './viewTransform';

const viewport = { width: 600, height: 400 };
const image = { width: 3000, height: 2000 };

describe('linked view', () => {
  it('centres the focus box when zooming in, within the photo', () => {
    const fit = fitTransform(viewport, image);
    const focus = focusPoint({ x: 0.3, y: 0.4, w: 0.2, h: 0.2 });
    const z = zoomOnFocus(fit, 4, viewport, image, focus);
    expect(z.scale).toBeCloseTo(fit.scale * 4);
    // The box centre (0.4, 0.5 of the photo) is in the middle of the viewport.
    expect(z.x + 0.4 * image.width * z.scale).toBeCloseTo(300);
    expect(z.y + 0.5 * image.height * z.scale).toBeCloseTo(200);
    // A box in a corner is shown as far as the edge allows, never past it.
    const corner = zoomOnFocus(fit, 4, viewport, image, { x: 0.02, y: 0.02 });
    expect(corner.x).toBe(0);
    expect(corner.y).toBe(0);
  });

  it('carries zoom and pan over to the other photo relative to its own box', () => {
    const fit = fitTransform(viewport, image);
    const a = { x: 0.3, y: 0.5 };
    const b = { x: 0.7, y: 0.5 };
    const zoomedA = zoomOnFocus(fit, 3, viewport, image, a);
    const view = toLinkedView(zoomedA, viewport, image, a);
    expect(view.zoom).toBeCloseTo(3);
    const onB = fromLinkedView(view, viewport, image, b);
    expect(onB.scale).toBeCloseTo(zoomedA.scale);
    expect(onB.x + 0.7 * image.width * onB.scale).toBeCloseTo(300);
    // And back again: the same view.
    const back = toLinkedView(onB, viewport, image, b);
    expect(back.zoom).toBeCloseTo(view.zoom);
    expect(back.dx).toBeCloseTo(view.dx);
  });
});
