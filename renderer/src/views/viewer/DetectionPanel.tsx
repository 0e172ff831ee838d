// The side panel: the photo's facts and the selected box (category, sex/age, confidence, individual, profile link).
// Keys b d f u set buck/doe/fawn/unknown on the selected box.
import { useEffect } from 'react';
import {
  CATEGORIES,
  SEX_AGE_CLASSES,
  type Detection,
  type PhotoDetail,
  type SexAgeClass,
} from '../../../../core/contract/entities';
import { Icon } from '../../components/Icon';
import { useEdit } from '../../data/useEdit';
import { formatBytes, formatLocal } from '../../lib/format';
import { sexAgeOfKey } from '../../lib/sexAgeKeys';
import { isTypingTarget } from '../../lib/shortcuts';
import { navigate } from '../../store/nav';
import { detectionName } from './labels';

function DetectionRow({ d, selected, onSelect }: { d: Detection; selected: boolean; onSelect: () => void }) {
  return (
    <li>
      <button
        type="button"
        className={selected ? 'det-row selected' : 'det-row'}
        onClick={onSelect}
        aria-pressed={selected}
        data-category={d.category}
        data-counted={!d.duplicate && !d.falsePositive}
      >
        <span className={`det-dot box-${d.category}`} />
        <span className="grow">
          {detectionName(d)}
          {d.individualName && <span className="muted"> · {d.individualName}</span>}
        </span>
        <span className="tabular muted">{Math.round(d.confidence * 100)}%</span>
        {d.duplicate && <span className="badge">duplicate</span>}
        {d.falsePositive && <span className="badge danger">not an animal</span>}
      </button>
    </li>
  );
}

/** Sets a box's sex/age class (its individual follows its boxes' majority): one undoable edit. */
function useSetSexAge(d: Detection | null, onChanged: () => void): (sexAge: SexAgeClass | null) => void {
  const edit = useEdit();
  return (sexAge) => {
    if (!d) return;
    void edit(sexAge ? `Box marked ${sexAge}.` : 'Sex/age cleared.', (api) =>
      api.call('edits.setSexAge', { detectionIds: [d.id], sexAge }),
    ).then((r) => r && onChanged());
  };
}

/** Corrections a person makes to a box; each is one undoable edit. */
function Corrections({ d, onChanged }: { d: Detection; onChanged: () => void }) {
  const edit = useEdit();
  const setSexAge = useSetSexAge(d, onChanged);
  const correct = (
    done: string,
    change: { category?: Detection['category']; sexAge?: string | null; falsePositive?: boolean },
  ) =>
    edit(done, (api) => api.call('edits.correctDetection', { detectionId: d.id, ...change })).then(
      (r) => r && onChanged(),
    );
  return (
    <div className="corrections">
      <label className="field">
        <span>Category</span>
        <select
          value={d.category}
          onChange={(e) =>
            correct(`Box marked ${e.target.value}.`, { category: e.target.value as Detection['category'] })
          }
        >
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Sex / age</span>
        <select
          value={d.sexAge ?? ''}
          onChange={(e) => setSexAge((e.target.value || null) as SexAgeClass | null)}
          title="b buck · d doe · f fawn · u unknown"
          data-testid="box-sexage"
        >
          <option value="">not set</option>
          {[...new Set([...SEX_AGE_CLASSES, ...(d.sexAge ? [d.sexAge] : [])])].map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className={d.falsePositive ? 'btn wide' : 'btn danger-ghost wide'}
        onClick={() =>
          correct(d.falsePositive ? 'Box restored.' : 'Marked as a false detection.', {
            falsePositive: !d.falsePositive,
          })
        }
        data-testid="toggle-false-detection"
      >
        {d.falsePositive ? 'Restore this box' : 'Not an animal (false detection)'}
      </button>
    </div>
  );
}

function SelectedBox({ d, onChanged }: { d: Detection; onChanged: () => void }) {
  return (
    <section className="side-section" aria-label="Selected box" data-testid="selected-box">
      <h3>Selected box</h3>
      <dl className="props">
        {d.category !== 'animal' && (
          <>
            <dt>Detected as</dt>
            <dd>{d.rawLabel}</dd>
          </>
        )}
        <dt>Confidence</dt>
        <dd className="tabular">{(d.confidence * 100).toFixed(1)}%</dd>
        <dt>Model</dt>
        <dd className="ellipsis">{d.model}</dd>
        <dt>Individual</dt>
        <dd>
          {d.individualId ? (
            <a
              href={`#/deer/${d.individualId}`}
              onClick={(e) => {
                e.preventDefault();
                navigate({ view: 'deer-profile', individualId: d.individualId! });
              }}
            >
              {d.individualName ?? `#${d.individualId}`} <Icon name="right" size={12} />
            </a>
          ) : (
            <span className="muted">{d.category === 'animal' ? 'not identified yet' : '—'}</span>
          )}
        </dd>
        <dt>Review</dt>
        <dd>{d.reviewed ? 'checked by a person' : 'automatic'}</dd>
      </dl>
      <Corrections d={d} onChanged={onChanged} />
    </section>
  );
}

export function DetectionPanel({
  photo,
  selectedId,
  onSelect,
  onChanged,
}: {
  photo: PhotoDetail;
  selectedId: number | null;
  onSelect: (id: number | null) => void;
  onChanged: () => void;
}) {
  const selected = photo.detectionList.find((d) => d.id === selectedId) ?? null;
  const setSexAge = useSetSexAge(selected, onChanged);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const sexAge = sexAgeOfKey(e.key);
      if (!sexAge || !selected || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTypingTarget(e.target)) return;
      e.preventDefault();
      setSexAge(sexAge);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selected, setSexAge]);
  const clip = photo.mediaType === 'clip';
  // A clip's list holds the boxes of all its sampled frames; its count (as on its tile) is the most in one frame.
  const clipBoxes = clip ? photo.detectionList.filter((d) => !d.duplicate && !d.falsePositive).length : 0;
  return (
    <aside className="viewer-side" aria-label={clip ? 'Clip details' : 'Photo details'}>
      <section className="side-section">
        <h3>{clip ? 'Clip' : 'Photo'}</h3>
        <dl className="props">
          <dt>Taken</dt>
          <dd className="tabular" title={photo.timeNote ?? undefined}>
            {formatLocal(photo.takenAt)}
            {photo.takenAtSource === 'filename' && <span className="muted small"> (from file name)</span>}
          </dd>
          <dt>Camera</dt>
          <dd>{photo.camera ?? 'unknown'}</dd>
          {photo.trigger.frame !== null && (
            <>
              <dt>Frame</dt>
              <dd>
                {photo.trigger.frame} of {photo.trigger.frames ?? '?'}
              </dd>
            </>
          )}
          <dt>Size</dt>
          <dd className="tabular">
            {photo.width ?? '?'} × {photo.height ?? '?'}
            {photo.bytes ? ` · ${formatBytes(photo.bytes)}` : ''}
          </dd>
          <dt>File</dt>
          <dd className="ellipsis" title={photo.sourcePath}>
            {photo.fileName}
          </dd>
        </dl>
        {photo.timeNote && <p className="inline-note small">{photo.timeNote}</p>}
        {photo.error && <p className="inline-error small">{photo.error}</p>}
      </section>
      <section className="side-section">
        <h3>
          Detections{' '}
          <span className="muted" data-testid="detections-count">
            {clip
              ? `${clipBoxes} in ${photo.clipFrames.length} frames · up to ${photo.detections} at once`
              : photo.detections}
          </span>
        </h3>
        {photo.detectionList.length === 0 ? (
          <p className="muted small">
            {photo.state === 'done' ? `Nothing was found on this ${clip ? 'clip' : 'photo'}.` : 'Not processed yet.'}
          </p>
        ) : (
          <ul className="det-list">
            {photo.detectionList.map((d) => (
              <DetectionRow
                key={d.id}
                d={d}
                selected={d.id === selectedId}
                onSelect={() => onSelect(d.id === selectedId ? null : d.id)}
              />
            ))}
          </ul>
        )}
      </section>
      {selected && <SelectedBox d={selected} onChanged={onChanged} />}
    </aside>
  );
}
