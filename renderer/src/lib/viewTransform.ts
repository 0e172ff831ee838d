// Viewer zoom/pan maths, pure so it can be tested without a DOM. The image is drawn at `scale` screen pixels per
// image pixel with its top-left corner at (x, y) in the viewport; boxes are mapped with the same transform, so they
// stay aligned with the image by construction.

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Transform {
  scale: number;
  x: number;
  y: number;
}

/** A box in normalised image coordinates (0-1), as detections store it. */
export interface NormBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Zoom beyond 8 screen pixels per image pixel shows nothing new. */
export const MAX_PIXEL_ZOOM = 8;
export const KEY_ZOOM_STEP = 1.25;
export const KEY_PAN_STEP = 80;

export function fitScale(viewport: Size, image: Size): number {
  if (image.width <= 0 || image.height <= 0) return 1;
  return Math.min(viewport.width / image.width, viewport.height / image.height);
}

/** The whole image, centred. */
export function fitTransform(viewport: Size, image: Size): Transform {
  const scale = fitScale(viewport, image);
  return {
    scale,
    x: (viewport.width - image.width * scale) / 2,
    y: (viewport.height - image.height * scale) / 2,
  };
}

/**
 * Keeps the image where a user can see it: smaller than the viewport along an axis means centred on it, larger means
 * no empty margin at either edge. Scale is bounded between "fit" and MAX_PIXEL_ZOOM.
 */
export function clampTransform(t: Transform, viewport: Size, image: Size): Transform {
  const min = fitScale(viewport, image);
  const scale = Math.min(Math.max(t.scale, min), Math.max(min, MAX_PIXEL_ZOOM));
  const axis = (pos: number, view: number, content: number) =>
    content <= view ? (view - content) / 2 : Math.min(0, Math.max(view - content, pos));
  return {
    scale,
    x: axis(t.x, viewport.width, image.width * scale),
    y: axis(t.y, viewport.height, image.height * scale),
  };
}

/** Zooms by `factor` keeping the image point under `anchor` (viewport coordinates) where it is. */
export function zoomAt(t: Transform, factor: number, anchor: Point, viewport: Size, image: Size): Transform {
  const wanted = clampTransform({ ...t, scale: t.scale * factor }, viewport, image).scale;
  const k = wanted / t.scale;
  return clampTransform(
    { scale: wanted, x: anchor.x - (anchor.x - t.x) * k, y: anchor.y - (anchor.y - t.y) * k },
    viewport,
    image,
  );
}

export function panBy(t: Transform, dx: number, dy: number, viewport: Size, image: Size): Transform {
  return clampTransform({ ...t, x: t.x + dx, y: t.y + dy }, viewport, image);
}

/** Wheel delta (pixels, as browsers report for mice and trackpads) to a zoom factor; smooth for trackpads. */
export function wheelFactor(deltaY: number): number {
  return Math.exp(-deltaY * 0.0015);
}

/** Two fingers: zoom by the change in their distance about their midpoint, and pan by the midpoint's move. */
export function pinch(
  t: Transform,
  before: [Point, Point],
  after: [Point, Point],
  viewport: Size,
  image: Size,
): Transform {
  const dist = (p: [Point, Point]) => Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y);
  const mid = (p: [Point, Point]) => ({ x: (p[0].x + p[1].x) / 2, y: (p[0].y + p[1].y) / 2 });
  const d0 = dist(before);
  const factor = d0 > 0 ? dist(after) / d0 : 1;
  const m0 = mid(before);
  const m1 = mid(after);
  const zoomed = zoomAt(t, factor, m0, viewport, image);
  return panBy(zoomed, m1.x - m0.x, m1.y - m0.y, viewport, image);
}

export function isZoomed(t: Transform, viewport: Size, image: Size): boolean {
  return t.scale > fitScale(viewport, image) * 1.001;
}

/** Double-click: from fit, zoom to actual pixels (at least 2.5x fit) at the point; when zoomed, back to fit. */
export function toggleZoom(t: Transform, anchor: Point, viewport: Size, image: Size): Transform {
  if (isZoomed(t, viewport, image)) return fitTransform(viewport, image);
  const fit = fitScale(viewport, image);
  const target = Math.max(1, fit * 2.5);
  return zoomAt(t, target / t.scale, anchor, viewport, image);
}

export type ViewerKey = '+' | '=' | '-' | '_' | '0' | 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

/**
 * Keyboard: +/- zoom about the centre, 0 fits, arrows pan when zoomed. Returns null when the key is not the
 * viewer's to handle (arrows when not zoomed go to previous/next photo).
 */
export function keyTransform(t: Transform, key: string, viewport: Size, image: Size): Transform | null {
  const centre = { x: viewport.width / 2, y: viewport.height / 2 };
  switch (key) {
    case '+':
    case '=':
      return zoomAt(t, KEY_ZOOM_STEP, centre, viewport, image);
    case '-':
    case '_':
      return zoomAt(t, 1 / KEY_ZOOM_STEP, centre, viewport, image);
    case '0':
      return fitTransform(viewport, image);
  }
  if (!isZoomed(t, viewport, image)) return null;
  const pans: Record<string, [number, number]> = {
    ArrowLeft: [KEY_PAN_STEP, 0],
    ArrowRight: [-KEY_PAN_STEP, 0],
    ArrowUp: [0, KEY_PAN_STEP],
    ArrowDown: [0, -KEY_PAN_STEP],
  };
  const step = pans[key];
  return step ? panBy(t, step[0], step[1], viewport, image) : null;
}

/** Where a normalised box lands on screen under the transform. */
export function boxToScreen(box: NormBox, t: Transform, image: Size): Rect {
  return {
    left: t.x + box.x * image.width * t.scale,
    top: t.y + box.y * image.height * t.scale,
    width: box.w * image.width * t.scale,
    height: box.h * image.height * t.scale,
  };
}

/**
 * The preview is enough while each of its pixels covers at most one screen pixel (times the device pixel ratio);
 * beyond that the full-resolution photo is worth loading.
 */
export function needsFullResolution(t: Transform, image: Size, preview: Size, devicePixelRatio = 1): boolean {
  if (preview.width >= image.width) return false;
  const screenWidth = image.width * t.scale * devicePixelRatio;
  return screenWidth > preview.width * 1.05;
}

/** A rectangle dragged on screen (any two corners) as a normalised box on the image, clipped to the image. */
export function screenRectToBox(a: Point, b: Point, t: Transform, image: Size): NormBox {
  const nx = (x: number) => Math.min(1, Math.max(0, (x - t.x) / (image.width * t.scale)));
  const ny = (y: number) => Math.min(1, Math.max(0, (y - t.y) / (image.height * t.scale)));
  const x0 = nx(Math.min(a.x, b.x));
  const x1 = nx(Math.max(a.x, b.x));
  const y0 = ny(Math.min(a.y, b.y));
  const y1 = ny(Math.max(a.y, b.y));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}
