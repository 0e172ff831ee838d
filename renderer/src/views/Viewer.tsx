// One photo, large: zoom/pan, boxes, the visit's filmstrip, previous/next, and a side panel for the selected box.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Icon } from '../components/Icon';
import { ErrorNote, Skeleton } from '../components/States';
import { ViewHeader } from '../components/ViewHeader';
import { useEdit } from '../data/useEdit';
import { useQuery } from '../data/useQuery';
import type { PhotoFilters } from '../lib/filters';
import { formatLocal } from '../lib/format';
import { isTypingTarget } from '../lib/shortcuts';
import type { NormBox } from '../lib/viewTransform';
import { useBrowse } from '../store/browse';
import { navigate } from '../store/nav';
import type { PhotoDetail } from '../../../core/contract/entities';
import { ClipPlayer } from './viewer/ClipPlayer';
import { frameAt } from './viewer/clipFrames';
import { DetectionPanel } from './viewer/DetectionPanel';
import { Filmstrip } from './viewer/Filmstrip';
import { useNeighbours } from './viewer/useNeighbours';
import { ZoomPane } from './viewer/ZoomPane';

function withClipBoxes(p: PhotoDetail | undefined): PhotoDetail | undefined {
  return p?.mediaType === 'clip' ? { ...p, detectionList: p.clipFrames.flatMap((f) => f.detections) } : p;
}

export function Viewer({ imageId, filters, atMs }: { imageId: number; filters: PhotoFilters; atMs?: number }) {
  const photo = useQuery(`photo-${imageId}`, (api) => api.call('photos.get', { id: imageId }), [
    'detections',
    'individuals',
  ]);
  // A clip's boxes are its sampled frames': the side panel and the first selection see them all.
  // A clip's frame is not shown as a photo: the viewer moves on to its clip (below).
  const p = useMemo(() => (photo.data?.frameOf ? undefined : withClipBoxes(photo.data)), [photo.data]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [drawing, setDrawing] = useState(false);
  const edit = useEdit();
  const addBox = (box: NormBox) => {
    setDrawing(false);
    edit('Box added.', (api) => api.call('edits.addBox', { imageId, ...box, category: 'animal' })).then((r) => {
      if (!r) return;
      photo.reload();
      setSelectedId(r.detectionId);
    });
  };
  // A clip's frame (where a clip crop in a profile or the review points) opens as its clip, at that moment.
  const frameOf = photo.data?.frameOf;
  useEffect(() => {
    if (frameOf)
      navigate({ view: 'viewer', imageId: frameOf.clipId, filters, atMs: frameOf.frameMs }, { replace: true });
  }, [frameOf, filters]);
  const nb = useNeighbours(p, filters);
  const moveTo = useBrowse((s) => s.moveTo);

  // Select the most confident animal box on arrival (any counted box if there is no animal), so the panel shows
  // something useful at once.
  useEffect(() => {
    if (!p || selectedId !== null) return;
    const animalFirst = (d: { category: string; confidence: number }) =>
      (d.category === 'animal' ? 1 : 0) + d.confidence / 2;
    // A clip opened at a moment selects among that frame's boxes.
    const moment = p.mediaType === 'clip' && atMs !== undefined ? frameAt(p.clipFrames, atMs) : null;
    const best = (moment?.detections ?? p.detectionList)
      .filter((d) => !d.duplicate && !d.falsePositive)
      .sort((a, b) => animalFirst(b) - animalFirst(a))[0];
    if (best) setSelectedId(best.id);
  }, [p, selectedId, atMs]);

  const go = useCallback(
    (id: number | null, step: -1 | 1 | 0) => {
      if (id === null) return;
      if (step !== 0 && nb.index !== null) moveTo(nb.index + step);
      navigate({ view: 'viewer', imageId: id, filters }, { replace: true });
    },
    [filters, nb.index, moveTo],
  );
  const onStep = useCallback((dir: -1 | 1) => go(dir < 0 ? nb.prev : nb.next, dir), [go, nb.prev, nb.next]);
  const back = useCallback(() => navigate({ view: 'photos', filters }), [filters]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTypingTarget(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Escape') {
        if (drawing) setDrawing(false);
        else back();
      } else if (e.key === 'a') {
        // a: add a box (b d f u set buck/doe/fawn/unknown on the selected box, in the side panel).
        setDrawing((d) => !d);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [back, drawing]);

  const size = useMemo(
    () => (p?.width && p.height ? { width: p.width, height: p.height } : null),
    [p?.width, p?.height],
  );

  return (
    <div className="view viewer" data-testid="view-viewer">
      <ViewHeader
        back={
          <button
            type="button"
            className="btn ghost icon-btn"
            onClick={back}
            aria-label="Back to photos (Esc)"
            title="Back to photos (Esc)"
          >
            <Icon name="left" />
          </button>
        }
        title={p ? p.fileName : '…'}
        subtitle={
          p ? (
            <>
              {formatLocal(p.takenAt)} · {p.camera ?? 'unknown camera'}
              {nb.index !== null &&
                nb.total !== null &&
                ` · ${(nb.index + 1).toLocaleString()} of ${nb.total.toLocaleString()}`}
            </>
          ) : undefined
        }
      >
        <button
          type="button"
          className={drawing ? 'btn primary' : 'btn'}
          onClick={() => setDrawing(!drawing)}
          aria-pressed={drawing}
          title="Draw a box around an animal the detector missed (a)"
          data-testid="draw-box"
        >
          <Icon name="edit" size={16} /> {drawing ? 'Drag on the photo…' : 'Draw box'}
        </button>
        <button
          type="button"
          className="btn"
          disabled={nb.prev === null}
          onClick={() => onStep(-1)}
          title="Previous (←)"
          data-testid="prev-photo"
        >
          <Icon name="left" size={16} /> Previous
        </button>
        <button
          type="button"
          className="btn"
          disabled={nb.next === null}
          onClick={() => onStep(1)}
          title="Next (→)"
          data-testid="next-photo"
        >
          Next <Icon name="right" size={16} />
        </button>
      </ViewHeader>
      {photo.error ? (
        <div className="view-body">
          <ErrorNote what="this photo" error={photo.error} retry={photo.reload} />
        </div>
      ) : (
        <div className="viewer-layout">
          <div className="viewer-stage">
            {p?.mediaType === 'clip' ? (
              <ClipPlayer
                key={p.id}
                clipId={p.id}
                durationMs={p.durationMs ?? 0}
                frames={p.clipFrames}
                startMs={atMs}
                selectedId={selectedId}
                onSelect={setSelectedId}
              />
            ) : p && size ? (
              <ZoomPane
                photoId={p.id}
                image={size}
                detections={p.detectionList}
                selectedId={selectedId}
                onSelect={setSelectedId}
                onStep={onStep}
                prefetch={[nb.next, nb.prev]}
                drawing={drawing}
                onDrawn={addBox}
              />
            ) : p ? (
              <p className="muted center">This photo has no readable image{p.error ? `: ${p.error}` : '.'}</p>
            ) : (
              <div className="zoom-pane" />
            )}
            {p && <Filmstrip photoIds={p.sequencePhotoIds} currentId={p.id} onOpen={(id) => go(id, 0)} />}
          </div>
          {p ? (
            <DetectionPanel photo={p} selectedId={selectedId} onSelect={setSelectedId} onChanged={photo.reload} />
          ) : (
            <aside className="viewer-side">
              <Skeleton height={200} />
            </aside>
          )}
        </div>
      )}
    </div>
  );
}
