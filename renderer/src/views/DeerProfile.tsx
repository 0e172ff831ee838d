// One individual (a deer or another animal): editable name and notes, cover, the individuals possibly the same with
// their reasons (merge from here), every crop, sightings over time, activity by hour, cameras, and links into the
// viewer and the photo browser. Keys: s species; b d f u buck/doe/fawn/unknown on the selected crops (or, with none
// selected, on the individual). Every change is one undoable edit with the same Undo toast.
import { useCallback, useEffect, useState } from 'react';
import { DEER, type SexAgeClass } from '../../../core/contract/entities';
import { HoursChart } from '../charts/ActivityCharts';
import { HBarList } from '../charts/HBarList';
import { Icon } from '../components/Icon';
import { ErrorNote, LoadingBar, Skeleton } from '../components/States';
import { Thumb } from '../components/Thumb';
import { UndoButton } from '../components/UndoButton';
import { ViewHeader } from '../components/ViewHeader';
import { useEdit } from '../data/useEdit';
import { useCameraNames } from '../data/useCameraNames';
import { useQuery } from '../data/useQuery';
import { DEFAULT_FILTERS } from '../lib/filters';
import { formatCount, formatLocal } from '../lib/format';
import { sexAgeOfKey, sexAgeText } from '../lib/sexAgeKeys';
import { isTypingTarget } from '../lib/shortcuts';
import { navigate } from '../store/nav';
import { CropActions } from './profile/CropActions';
import { CropGallery } from './profile/CropGallery';
import { EditableText } from './profile/EditableText';
import { PossiblySame } from './profile/PossiblySame';
import { SightingsTimeline } from './profile/SightingsTimeline';
import { DeerPathMap } from './map/DeerPathMap';
import { SpeciesPicker } from './deer/SpeciesPicker';
import '../styles/individuals.css';

export function DeerProfile({ individualId }: { individualId: number }) {
  const detail = useQuery(`individual-${individualId}`, (a) => a.call('individuals.get', { id: individualId }), [
    'individuals',
    'detections',
  ]);
  const cameraNames = useCameraNames();
  const d = detail.data;
  const edit = useEdit();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const toggle = (detectionId: number) =>
    setSelected((cur) => {
      const next = new Set(cur);
      if (!next.delete(detectionId)) next.add(detectionId);
      return next;
    });

  const [picking, setPicking] = useState(false);
  const setSexAge = useCallback(
    (sexAge: SexAgeClass) => {
      if (!d) return;
      const crops = [...selected];
      const what = crops.length > 0 ? formatCount(crops.length, 'crop') : d.name;
      void edit(`${what}: ${sexAge}.`, (api) =>
        api.call(
          'edits.setSexAge',
          crops.length > 0 ? { detectionIds: crops, sexAge } : { individualIds: [individualId], sexAge },
        ),
      ).then((r) => {
        if (!r) return;
        setSelected(new Set());
        detail.reload();
      });
    },
    [d, selected, edit, individualId, detail],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target) || picking) return;
      const sexAge = sexAgeOfKey(e.key);
      if (e.key === 's') setPicking(true);
      else if (sexAge) setSexAge(sexAge);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setSexAge, picking]);

  // A merged individual lives on in the one it was merged into.
  useEffect(() => {
    if (d?.mergedInto) navigate({ view: 'deer-profile', individualId: d.mergedInto }, { replace: true });
  }, [d?.mergedInto]);

  const other = d !== undefined && d.species !== DEER;
  const back = (
    <button
      type="button"
      className="btn ghost icon-btn"
      onClick={() => navigate({ view: other ? 'others' : 'deer' })}
      aria-label={other ? 'Back to other animals' : 'Back to deer'}
      title={other ? 'Back to other animals' : 'Back to deer'}
    >
      <Icon name="left" />
    </button>
  );
  if (detail.error && !d) {
    return (
      <div className="view profile" data-testid="view-profile">
        <ViewHeader back={back} title="Individual" />
        <div className="view-body">
          <ErrorNote what="this individual" error={detail.error} retry={detail.reload} />
        </div>
      </div>
    );
  }
  // EditableText shows a failure itself, so a failed edit rejects here after the toast said why.
  const saved = (r: unknown) => {
    if (!r) throw new Error('not saved');
    detail.reload();
  };
  const rename = (name: string) =>
    edit(`Renamed to ${name}.`, (api) => api.call('edits.rename', { individualId, name }), {
      undoes: `the rename to ${name}`,
    }).then(saved);
  const setNotes = (notes: string) =>
    edit('Notes saved.', (api) => api.call('edits.setNotes', { individualId, notes }), {
      undoes: `the notes of ${d?.name ?? 'this individual'}`,
    }).then(saved);

  return (
    <div className="view profile" data-testid="view-profile">
      <ViewHeader
        back={back}
        title={
          d ? <EditableText value={d.name} save={rename} placeholder="Name" label="name" className="title-edit" /> : '…'
        }
        subtitle={
          d ? (
            <>
              <span className={d.confirmed ? 'badge accent' : 'badge provisional'}>
                {d.confirmed ? 'confirmed' : 'provisional'}
              </span>{' '}
              <span data-testid="profile-species">{d.species}</span> · {sexAgeText(d.sexAge)}
              {d.sexAgeByUser ? '' : d.sexAge ? ' (from its detections)' : ''} ·{' '}
              {formatCount(d.detectionCount, 'sighting')} · {formatLocal(d.firstSeen, false)} →{' '}
              {formatLocal(d.lastSeen, false)}
            </>
          ) : undefined
        }
      >
        {d && (
          <button
            type="button"
            className="btn"
            onClick={() =>
              edit(d.confirmed ? `${d.name} is provisional again.` : `${d.name} confirmed.`, (a) =>
                a.call('edits.confirm', { individualId, confirmed: !d.confirmed }),
              ).then((r) => r && detail.reload())
            }
            data-testid="toggle-confirmed"
          >
            <Icon name="check" size={16} /> {d.confirmed ? 'Mark provisional' : 'Mark confirmed'}
          </button>
        )}
        {d && (
          <button type="button" className="btn" onClick={() => setPicking(true)} title="Set the species (s)">
            Species… <kbd>s</kbd>
          </button>
        )}
        {d && (
          <button
            type="button"
            className="btn"
            onClick={() => navigate({ view: 'deer', compareWith: individualId })}
            title="Same deer? Compare with another individual"
          >
            Compare…
          </button>
        )}
        {d && d.pendingSuggestions > 0 && (
          <button type="button" className="btn attention" onClick={() => navigate({ view: 'review' })}>
            {d.pendingSuggestions} to review
          </button>
        )}
        <button
          type="button"
          className="btn"
          onClick={() => navigate({ view: 'photos', filters: { ...DEFAULT_FILTERS, individualId } })}
        >
          <Icon name="photos" size={16} /> Photos
        </button>
        <UndoButton />
      </ViewHeader>
      {picking && d && <SpeciesPicker individuals={[d]} onClose={() => setPicking(false)} />}
      <div className="view-body scroll">
        <LoadingBar active={detail.loading && d !== undefined} />
        {detail.error && <ErrorNote what="the latest changes" error={detail.error} retry={detail.reload} />}
        <div className="profile-layout">
          <div className="profile-side">
            <div className="profile-cover">
              {d?.coverDetectionId ? (
                <Thumb media={{ kind: 'crop', id: d.coverDetectionId }} alt={`${d.name}, cover`} />
              ) : (
                <Skeleton height={220} />
              )}
            </div>
            <section className="panel">
              <header className="panel-header">
                <h2>Notes</h2>
              </header>
              {d ? (
                <EditableText
                  value={d.notes}
                  save={setNotes}
                  multiline
                  placeholder="Antlers, scars, habits… (click to write)"
                  label="notes"
                />
              ) : (
                <Skeleton />
              )}
            </section>
            <section className="panel">
              <header className="panel-header">
                <h2>Cameras</h2>
              </header>
              {d ? (
                <HBarList
                  empty="Not seen by a known camera."
                  items={d.cameras.map((c) => ({
                    key: c.cameraId,
                    label: c.name,
                    value: c.detections,
                    onClick: () =>
                      navigate({
                        view: 'photos',
                        filters: { ...DEFAULT_FILTERS, individualId, cameraIds: [c.cameraId] },
                      }),
                  }))}
                />
              ) : (
                <Skeleton height={60} />
              )}
            </section>
            <section className="panel">
              <header className="panel-header">
                <h2>Activity by hour</h2>
              </header>
              {d ? (
                <HoursChart hours={d.activityByHour} label={`${d.name}: activity by hour`} />
              ) : (
                <Skeleton height={120} />
              )}
            </section>
          </div>
          <div className="profile-main">
            {d && <PossiblySame individualId={individualId} name={d.name} />}
            <section className="panel">
              <header className="panel-header">
                <h2>Sightings</h2>
                {d && <span className="muted small">{formatCount(d.sightings.length, 'visit')}</span>}
              </header>
              {d ? <SightingsTimeline sightings={d.sightings} cameraNames={cameraNames} /> : <Skeleton height={120} />}
            </section>
            <DeerPathMap individualId={individualId} />
            <section className="panel grow-panel">
              <header className="panel-header">
                <h2>Every crop</h2>
                <CropActions
                  individualId={individualId}
                  selected={selected}
                  onDone={() => {
                    setSelected(new Set());
                    detail.reload();
                  }}
                />
              </header>
              <CropGallery individualId={individualId} selected={selected} onToggle={(c) => toggle(c.detectionId)} />
            </section>
          </div>
        </div>
      </div>
    </div>
  );
}
