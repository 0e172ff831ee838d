// Two photos compared side by side (the review desk): each is zoomed about its own deer's box, and with linked zoom
// one photo's zoom and pan is carried over to the other relative to that other photo's box. Pure maths over
// lib/viewTransform's Transform.
import { clampTransform, fitScale, type NormBox, type Point, type Size, type Transform } from './viewTransform';

/** Zoom relative to "fit", and where the viewport's centre is relative to the focus point (in image fractions). */
export interface LinkedView {
  zoom: number;
  dx: number;
  dy: number;
}

/** The centre of a box, or of the photo when there is none (normalised image coordinates). */
export function focusPoint(box: NormBox | null | undefined): Point {
  return box ? { x: box.x + box.w / 2, y: box.y + box.h / 2 } : { x: 0.5, y: 0.5 };
}

export function toLinkedView(t: Transform, viewport: Size, image: Size, focus: Point): LinkedView {
  const cx = (viewport.width / 2 - t.x) / (image.width * t.scale);
  const cy = (viewport.height / 2 - t.y) / (image.height * t.scale);
  return { zoom: t.scale / fitScale(viewport, image), dx: cx - focus.x, dy: cy - focus.y };
}

export function fromLinkedView(v: LinkedView, viewport: Size, image: Size, focus: Point): Transform {
  const scale = v.zoom * fitScale(viewport, image);
  const cx = focus.x + v.dx;
  const cy = focus.y + v.dy;
  return clampTransform(
    { scale, x: viewport.width / 2 - cx * image.width * scale, y: viewport.height / 2 - cy * image.height * scale },
    viewport,
    image,
  );
}

/** Zooms by `factor` and centres the focus point (as far as the photo's edges allow): + and - on the deer. */
export function zoomOnFocus(t: Transform, factor: number, viewport: Size, image: Size, focus: Point): Transform {
  const scale = clampTransform({ ...t, scale: t.scale * factor }, viewport, image).scale;
  return fromLinkedView({ zoom: scale / fitScale(viewport, image), dx: 0, dy: 0 }, viewport, image, focus);
}
