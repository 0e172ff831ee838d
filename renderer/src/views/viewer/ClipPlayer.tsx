// A clip in the viewer: the video plays with the boxes of the nearest sampled frame drawn over it; a timeline marks
// the sampled frames (those with animals stand out) and seeks on click; "," and "." step from frame to frame and
// space plays or pauses. The boxes are the frames' detections, so selecting one works as on a photo.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Detection } from '../../../../core/contract/entities';
import { useApi } from '../../data/apiContext';
import { isTypingTarget } from '../../lib/shortcuts';
import { frameAt, stepFrame } from './clipFrames';
import { detectionName } from './labels';
import './clip.css';

export interface ClipFrameView {
  imageId: number;
  frameMs: number;
  detections: Detection[];
}

const counted = (d: Detection) => !d.duplicate && !d.falsePositive;

/** The rectangle the video's picture fills inside its element (object-fit: contain). */
function pictureRect(video: HTMLVideoElement): { left: number; top: number; width: number; height: number } {
  const w = video.clientWidth;
  const h = video.clientHeight;
  const scale = Math.min(w / (video.videoWidth || w), h / (video.videoHeight || h));
  const width = (video.videoWidth || w) * scale;
  const height = (video.videoHeight || h) * scale;
  return { left: (w - width) / 2, top: (h - height) / 2, width, height };
}

export function ClipPlayer({
  clipId,
  durationMs,
  frames,
  startMs = 0,
  selectedId,
  onSelect,
}: {
  clipId: number;
  durationMs: number;
  frames: ClipFrameView[];
  /** Where the clip opens (a clip crop's moment); the start otherwise. */
  startMs?: number;
  selectedId: number | null;
  onSelect: (detectionId: number) => void;
}) {
  const api = useApi();
  const video = useRef<HTMLVideoElement>(null);
  const [ms, setMs] = useState(startMs);
  const [rect, setRect] = useState<ReturnType<typeof pictureRect> | null>(null);
  const sorted = useMemo(() => [...frames].sort((a, b) => a.frameMs - b.frameMs), [frames]);
  const shown = frameAt(sorted, ms);

  const seek = useCallback((to: number) => {
    const v = video.current;
    if (!v) return;
    v.pause();
    v.currentTime = to / 1000;
    setMs(to);
  }, []);

  useEffect(() => {
    const v = video.current;
    if (!v) return;
    const measure = () => setRect(pictureRect(v));
    const loaded = () => {
      measure();
      if (startMs > 0) v.currentTime = startMs / 1000;
    };
    const observer = new ResizeObserver(measure);
    observer.observe(v);
    v.addEventListener('loadedmetadata', loaded);
    return () => {
      observer.disconnect();
      v.removeEventListener('loadedmetadata', loaded);
    };
  }, [startMs]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTypingTarget(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === ',' || e.key === '.') {
        const next = stepFrame(sorted, ms, e.key === ',' ? -1 : 1);
        if (next) seek(next.frameMs);
        e.preventDefault();
      } else if (e.key === ' ') {
        const v = video.current;
        if (v) void (v.paused ? v.play() : v.pause());
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sorted, ms, seek]);

  return (
    <div className="clip-player" data-testid="clip-player">
      <div className="clip-stage">
        <video
          ref={video}
          className="clip-video"
          src={api.mediaUrl({ kind: 'video', id: clipId })}
          controls
          preload="auto"
          onTimeUpdate={(e) => setMs(Math.round(e.currentTarget.currentTime * 1000))}
          data-testid="clip-video"
        />
        {rect &&
          shown?.detections.map((d) => (
            <button
              key={d.id}
              type="button"
              className={[
                'box',
                `box-${d.category}`,
                d.id === selectedId ? 'selected' : '',
                counted(d) ? '' : 'muted-box',
              ].join(' ')}
              style={{
                left: rect.left + d.box.x * rect.width,
                top: rect.top + d.box.y * rect.height,
                width: d.box.w * rect.width,
                height: d.box.h * rect.height,
              }}
              onClick={() => onSelect(d.id)}
              aria-label={detectionName(d)}
              data-testid="clip-box"
            >
              {counted(d) && <span className="box-label">{detectionName(d)}</span>}
            </button>
          ))}
      </div>
      <div className="clip-timeline" role="group" aria-label="Sampled frames">
        {sorted.map((f) => {
          const animals = f.detections.filter((d) => counted(d) && d.category === 'animal').length;
          return (
            <button
              key={f.imageId}
              type="button"
              className={`clip-mark${animals ? ' animal' : ''}${f === shown ? ' current' : ''}`}
              style={{ left: `${(f.frameMs / Math.max(durationMs, 1)) * 100}%` }}
              onClick={() => seek(f.frameMs)}
              title={`${(f.frameMs / 1000).toFixed(1)} s${animals ? ` · ${animals} animal${animals > 1 ? 's' : ''}` : ''}`}
              aria-label={`Frame at ${(f.frameMs / 1000).toFixed(1)} seconds${animals ? ', with animals' : ''}`}
              aria-current={f === shown}
            />
          );
        })}
      </div>
      <p className="muted small clip-help">
        Frame at {((shown?.frameMs ?? 0) / 1000).toFixed(1)} s of {(durationMs / 1000).toFixed(1)} s · <kbd>,</kbd>{' '}
        <kbd>.</kbd> step frames · <kbd>space</kbd> play or pause
      </p>
    </div>
  );
}
