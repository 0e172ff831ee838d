// The photo with its boxes, zoomable and pannable by wheel, drag, pinch, double-click and keys. The transform maths
// is in lib/viewTransform; this component only turns events into calls and draws the result. Boxes are drawn in
// screen space from the same transform (crisp borders and labels at any zoom).
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Detection } from '../../../../core/contract/entities';
import { PREVIEW_SIDE } from '../../../../core/contract/media';
import { useApi } from '../../data/apiContext';
import { focusPoint, fromLinkedView, toLinkedView, zoomOnFocus, type LinkedView } from '../../lib/linkedView';
import { isTypingTarget } from '../../lib/shortcuts';
import { detectionName } from './labels';
import { warmPreviews } from './warmPreviews';
import {
  boxToScreen,
  clampTransform,
  fitTransform,
  isZoomed,
  KEY_ZOOM_STEP,
  keyTransform,
  needsFullResolution,
  panBy,
  pinch,
  toggleZoom,
  wheelFactor,
  zoomAt,
  screenRectToBox,
  type NormBox,
  type Point,
  type Size,
  type Transform,
} from '../../lib/viewTransform';

export interface ZoomPaneProps {
  photoId: number;
  image: Size;
  detections: Detection[];
  selectedId: number | null;
  onSelect: (id: number | null) => void;
  /** Arrow keys when the photo is not zoomed: previous/next photo. */
  onStep: (direction: -1 | 1) => void;
  /** The preview's width: the server's previews are at most this wide. */
  previewWidth?: number;
  /** While on, a drag draws a box (for a missed animal) instead of panning. */
  drawing?: boolean;
  onDrawn?: (box: NormBox) => void;
  /** false: the pane ignores the keyboard (a parent routes keys to it as `command`). Default true. */
  keyboard?: boolean;
  /** The box that + and - zoom onto and linked zoom is relative to (the review desk's deer). */
  focusBox?: NormBox | null;
  /** A zoom key from the parent; a new `seq` applies it once. */
  command?: { key: '+' | '-' | '0'; seq: number } | null;
  /** Linked zoom: the partner pane's view to follow, and this pane's view after each change of its own. */
  link?: LinkedView | null;
  onView?: (view: LinkedView) => void;
  /** Photos likely shown next (previous/next): their previews are asked for once this one's has loaded. */
  prefetch?: readonly (number | null)[];
}

/**
 * The Element Timing attribute (not in React's types): the browser then reports when the image was first painted,
 * which is what the viewer's paint measure reads (e2e/viewerPaint.spec.ts).
 */
const paintTiming = (id: string) => ({ elementtiming: id }) as object;

/** True when the browser holds the image decoded already: an Image of such a URL is complete at once. */
function inMemory(url: string): boolean {
  const img = new Image();
  img.src = url;
  return img.complete && img.naturalWidth > 0;
}

function boxLabel(d: Detection): string {
  const confidence = d.model === 'human' ? '' : ` ${Math.round(d.confidence * 100)}%`;
  return `${detectionName(d)}${confidence}${d.individualName ? ` · ${d.individualName}` : ''}`;
}

export function ZoomPane({
  photoId,
  image,
  detections,
  selectedId,
  onSelect,
  onStep,
  previewWidth = PREVIEW_SIDE,
  drawing = false,
  onDrawn,
  keyboard = true,
  focusBox,
  command,
  link,
  onView,
  prefetch = [],
}: ZoomPaneProps) {
  const api = useApi();
  const ref = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState<Size | null>(null);
  const viewportRef = useRef<Size | null>(null);
  const [t, setT] = useState<Transform | null>(null);
  const [fullLoaded, setFullLoaded] = useState(false);
  const [wantFull, setWantFull] = useState(false);
  const [previewFailed, setPreviewFailed] = useState<number | null>(null);
  const previewUrl = api.mediaUrl({ kind: 'preview', id: photoId });
  // A preview the browser has already (a photo seen before, a neighbour warmed) is drawn alone: a thumbnail under it
  // would only cost a decode and a raster before the same first frame.
  const previewInMemory = useMemo(() => inMemory(previewUrl), [previewUrl]);
  const pointers = useRef(new Map<number, Point>());
  const dragged = useRef(false);
  const [sketch, setSketch] = useState<{ from: Point; to: Point } | null>(null);
  /** Set while the next view change follows a partner or a resize: it is not passed on. */
  const following = useRef(false);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const next = { width: el.clientWidth, height: el.clientHeight };
      if (next.width === 0 || next.height === 0) return;
      const before = viewportRef.current;
      viewportRef.current = next;
      setViewport(next);
      // A (re)measured pane is not a change to pass on to a linked partner.
      following.current = true;
      // A resized window keeps a zoomed view where it is (clamped); an unzoomed one refits.
      setT((prev) =>
        prev && before && isZoomed(prev, before, image) ? clampTransform(prev, next, image) : fitTransform(next, image),
      );
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [image]);

  useEffect(() => {
    const width = Math.min(previewWidth, image.width);
    const preview = { width, height: Math.round((width / image.width) * image.height) };
    if (t && needsFullResolution(t, image, preview, window.devicePixelRatio || 1)) setWantFull(true);
  }, [t, image, previewWidth]);

  const local = (e: { clientX: number; clientY: number }): Point => {
    const r = ref.current!.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  // Wheel must be a non-passive listener to stop the page from scrolling.
  useEffect(() => {
    const el = ref.current;
    if (!el || !viewport) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const p = local(e);
      setT((prev) => prev && zoomAt(prev, wheelFactor(e.deltaY), p, viewport, image));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [viewport, image]);

  const onKey = useCallback(
    (e: KeyboardEvent) => {
      if (!t || !viewport || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      const next = keyTransform(t, e.key, viewport, image);
      if (next) {
        e.preventDefault();
        setT(next);
        return;
      }
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        e.preventDefault();
        onStep(e.key === 'ArrowLeft' ? -1 : 1);
      } else if (e.key === '[' || e.key === ']') {
        const visible = detections.filter((d) => !d.duplicate && !d.falsePositive);
        if (visible.length === 0) return;
        const at = visible.findIndex((d) => d.id === selectedId);
        const step = e.key === ']' ? 1 : -1;
        onSelect(visible[(at + step + visible.length) % visible.length]!.id);
      }
    },
    [t, viewport, image, onStep, detections, selectedId, onSelect],
  );
  useEffect(() => {
    if (!keyboard) return;
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onKey, keyboard]);

  // Commands from the parent (the review desk's + - 0), each applied once, about the focus box.
  const applied = useRef(0);
  useEffect(() => {
    if (!command || command.seq === applied.current || !viewport) return;
    applied.current = command.seq;
    const factor = command.key === '+' ? KEY_ZOOM_STEP : command.key === '-' ? 1 / KEY_ZOOM_STEP : 0;
    const focus = focusPoint(focusBox);
    // A linked partner gets the same command and zooms on its own box: nothing to pass on.
    following.current = true;
    setT((cur) => cur && (factor ? zoomOnFocus(cur, factor, viewport, image, focus) : fitTransform(viewport, image)));
  }, [command, viewport, image, focusBox]);

  // Linked zoom: follow the partner's view without echoing it back; report every other change of the view.
  useEffect(() => {
    if (!link || !viewport) return;
    following.current = true;
    setT(fromLinkedView(link, viewport, image, focusPoint(focusBox)));
  }, [link, viewport, image, focusBox]);
  const onViewRef = useRef(onView);
  onViewRef.current = onView;
  useEffect(() => {
    if (!t || !viewport) return;
    if (following.current) following.current = false;
    else onViewRef.current?.(toLinkedView(t, viewport, image, focusPoint(focusBox)));
  }, [t, viewport, image, focusBox]);

  // The pointer is captured only once it moves, so a plain click still reaches the box under it.
  const onPointerDown = (e: React.PointerEvent) => {
    pointers.current.set(e.pointerId, local(e));
    dragged.current = false;
    if (drawing) {
      ref.current?.setPointerCapture?.(e.pointerId);
      setSketch({ from: local(e), to: local(e) });
    }
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const prev = pointers.current.get(e.pointerId);
    if (!prev || !viewport) return;
    const p = local(e);
    if (drawing) {
      setSketch((cur) => cur && { ...cur, to: p });
      return;
    }
    const others = [...pointers.current.entries()].filter(([id]) => id !== e.pointerId);
    if (others.length === 1) {
      const other = others[0]![1];
      setT((cur) => cur && pinch(cur, [prev, other], [p, other], viewport, image));
    } else {
      if (!dragged.current && Math.abs(p.x - prev.x) + Math.abs(p.y - prev.y) > 0) {
        dragged.current = true;
        ref.current?.setPointerCapture?.(e.pointerId);
      }
      setT((cur) => cur && panBy(cur, p.x - prev.x, p.y - prev.y, viewport, image));
    }
    pointers.current.set(e.pointerId, p);
  };
  const onPointerUp = (e: React.PointerEvent) => {
    pointers.current.delete(e.pointerId);
    if (drawing && sketch && t) {
      const box = screenRectToBox(sketch.from, local(e), t, image);
      setSketch(null);
      // A click or a sliver is not a box.
      if (box.w * image.width >= 8 && box.h * image.height >= 8) onDrawn?.(box);
    }
  };

  const zoomed = t && viewport ? isZoomed(t, viewport, image) : false;
  const imgStyle = t
    ? { width: image.width, height: image.height, transform: `translate(${t.x}px, ${t.y}px) scale(${t.scale})` }
    : { visibility: 'hidden' as const };

  return (
    <div
      ref={ref}
      className={`zoom-pane${zoomed ? ' zoomed' : ''}${drawing ? ' drawing' : ''}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={(e) => viewport && setT((cur) => cur && toggleZoom(cur, local(e), viewport, image))}
      onClick={(e) => {
        if (!dragged.current && e.target === ref.current) onSelect(null);
      }}
      data-testid="zoom-pane"
      data-scale={t?.scale.toFixed(4)}
    >
      {/* The grid thumbnail (made by the pipeline, usually in the browser's cache already) is drawn at once at the
          photo's full size, blurry; the preview, made on first request, paints over it once decoded. Both fill the
          same box, so the boxes stay where they belong through the swap. Keyed by photo: a new photo never shows
          the last one's pixels under its boxes. */}
      {!previewInMemory && (
        <img
          key={`thumb-${photoId}`}
          className="zoom-img"
          src={api.mediaUrl({ kind: 'thumbnail', id: photoId })}
          alt=""
          draggable={false}
          style={imgStyle}
          data-testid="viewer-thumb"
          {...paintTiming(`thumb-${photoId}`)}
        />
      )}
      {previewFailed !== photoId && (
        <img
          key={`preview-${photoId}`}
          className="zoom-img"
          src={previewUrl}
          alt=""
          draggable={false}
          decoding="async"
          style={imgStyle}
          onLoad={() => warmPreviews(api, prefetch)}
          // A preview that cannot be made leaves the thumbnail showing, not a broken-image mark over it.
          onError={() => setPreviewFailed(photoId)}
          data-testid="viewer-image"
          {...paintTiming(`preview-${photoId}`)}
        />
      )}
      {wantFull && (
        <img
          className={fullLoaded ? 'zoom-img full loaded' : 'zoom-img full'}
          src={api.mediaUrl({ kind: 'original', id: photoId })}
          alt=""
          draggable={false}
          style={imgStyle}
          onLoad={() => setFullLoaded(true)}
          data-testid="viewer-image-full"
        />
      )}
      {sketch && (
        <div
          className="box sketch"
          style={{
            left: Math.min(sketch.from.x, sketch.to.x),
            top: Math.min(sketch.from.y, sketch.to.y),
            width: Math.abs(sketch.to.x - sketch.from.x),
            height: Math.abs(sketch.to.y - sketch.from.y),
          }}
          data-testid="box-sketch"
        />
      )}
      {t &&
        detections.map((d) => {
          const r = boxToScreen(d.box, t, image);
          const cls = [
            'box',
            `box-${d.category}`,
            d.id === selectedId ? 'selected' : '',
            d.duplicate || d.falsePositive ? 'muted-box' : '',
          ].join(' ');
          return (
            <button
              key={d.id}
              type="button"
              className={cls}
              style={{ left: r.left, top: r.top, width: r.width, height: r.height }}
              onClick={(e) => {
                e.stopPropagation();
                if (!dragged.current) onSelect(d.id);
              }}
              aria-label={boxLabel(d)}
              data-testid="viewer-box"
            >
              {/* Duplicates and false detections stay visible as dashed outlines, labelled only when selected. */}
              {(!(d.duplicate || d.falsePositive) || d.id === selectedId) && (
                <span className="box-label">{boxLabel(d)}</span>
              )}
            </button>
          );
        })}
      <div className="zoom-hud">
        <button
          type="button"
          className="btn hud"
          onClick={() => viewport && setT((c) => c && keyTransform(c, '-', viewport, image))}
          aria-label="Zoom out (−)"
          title="Zoom out (−)"
        >
          −
        </button>
        <span className="hud-zoom tabular" data-testid="zoom-level">
          {t ? `${Math.round(t.scale * 100)}%` : ''}
        </span>
        <button
          type="button"
          className="btn hud"
          onClick={() => viewport && setT((c) => c && keyTransform(c, '+', viewport, image))}
          aria-label="Zoom in (+)"
          title="Zoom in (+)"
        >
          +
        </button>
        <button
          type="button"
          className="btn hud"
          onClick={() => viewport && setT(fitTransform(viewport, image))}
          aria-label="Fit (0)"
          title="Fit (0)"
        >
          Fit
        </button>
        {wantFull && !fullLoaded && <span className="hud-note">loading full resolution…</span>}
      </div>
    </div>
  );
}
