// One individual: editable name and notes, cover, every crop, sightings over time, activity by hour, cameras, and
// links into the viewer and the photo browser.
import { useEffect, useState } from 'react';
import { HoursChart } from '../charts/ActivityCharts';
import { HBarList } from '../charts/HBarList';
import { Icon } from '../components/Icon';
import { ErrorNote, LoadingBar, Skeleton } from '../components/States';
import { Thumb } from '../components/Thumb';
import { ViewHeader } from '../components/ViewHeader';
import { useApi } from '../data/apiContext';
import { useEdit } from '../data/useEdit';
import { useCameraNames } from '../data/useCameraNames';
import { useQuery } from '../data/useQuery';
import { DEFAULT_FILTERS } from '../lib/filters';
import { formatCount, formatLocal, sexAgeLabel } from '../lib/format';
import { navigate } from '../store/nav';
import { CropActions } from './profile/CropActions';
import { CropGallery } from './profile/CropGallery';
import { EditableText } from './profile/EditableText';
import { SightingsTimeline } from './profile/SightingsTimeline';

export function DeerProfile({ individualId }: { individualId: number }) {
  const api = useApi();
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

  // A merged individual lives on in the one it was merged into.
  useEffect(() => {
    if (d?.mergedInto) navigate({ view: 'deer-profile', individualId: d.mergedInto }, { replace: true });
  }, [d?.mergedInto]);

  const back = (
    <button
      type="button"
      className="btn ghost icon-btn"
      onClick={() => navigate({ view: 'deer' })}
      aria-label="Back to deer"
      title="Back to deer"
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
  const rename = (name: string) => api.call('edits.rename', { individualId, name }).then(detail.reload);
  const setNotes = (notes: string) => api.call('edits.setNotes', { individualId, notes }).then(detail.reload);

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
              {sexAgeLabel(d.sex, d.ageClass)} · {formatCount(d.detectionCount, 'sighting')} ·{' '}
              {formatLocal(d.firstSeen, false)} → {formatLocal(d.lastSeen, false)}
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
      </ViewHeader>
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
            <section className="panel">
              <header className="panel-header">
                <h2>Sightings</h2>
                {d && <span className="muted small">{formatCount(d.sightings.length, 'visit')}</span>}
              </header>
              {d ? <SightingsTimeline sightings={d.sightings} cameraNames={cameraNames} /> : <Skeleton height={120} />}
            </section>
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
