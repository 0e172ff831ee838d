// Home: the running job (if any), library totals, and charts that answer "what has been going on" at a glance.
import { useEffect } from 'react';
import { DaysChart, HoursChart } from '../charts/ActivityCharts';
import { HBarList } from '../charts/HBarList';
import { Icon } from '../components/Icon';
import { EmptyState, ErrorNote, LoadingBar, Skeleton } from '../components/States';
import { ViewHeader } from '../components/ViewHeader';
import { useQuery } from '../data/useQuery';
import { DEFAULT_FILTERS, type PhotoFilters } from '../lib/filters';
import { formatCount, formatPercent } from '../lib/format';
import { useJobs } from '../store/jobs';
import { navigate } from '../store/nav';
import { FinishedNote } from './dashboard/FinishedNote';
import { JobPanel } from './dashboard/JobPanel';
import { ModelsBanner } from './models/ModelsBanner';
import { FAILED_PHOTOS_HASH } from './photos/failedLink';

// Often enough that the header and tiles follow a job's copying, rarely enough to cost nothing.
const LIVE_REFRESH_MS = 2000;

// Files that failed are counted apart (many are not photos at all: a text file named .jpg, an empty file).
const photoCount = (s: { images: { total: number; failed: number } }) => s.images.total - s.images.failed;

const photos = (f: Partial<PhotoFilters>) => navigate({ view: 'photos', filters: { ...DEFAULT_FILTERS, ...f } });

function Tile({
  label,
  value,
  sub,
  onClick,
  attention,
}: {
  label: string;
  value: number | undefined;
  sub?: string;
  onClick?: () => void;
  attention?: boolean;
}) {
  return (
    <button type="button" className={attention ? 'tile attention' : 'tile'} onClick={onClick} disabled={!onClick}>
      <span className="tile-value tabular">
        {value === undefined ? <Skeleton height={26} width={60} /> : value.toLocaleString()}
      </span>
      <span className="tile-label">{label}</span>
      {sub && <span className="tile-sub">{sub}</span>}
    </button>
  );
}

export function Dashboard() {
  const progress = useJobs((s) => s.progress);
  const stats = useQuery('library-stats', (api) => api.call('library.stats', {}), [
    'photos',
    'detections',
    'individuals',
    'suggestions',
    'cameras',
  ]);
  const activity = useQuery('dash-activity', (api) => api.call('library.activity', {}), [
    'photos',
    'detections',
    'cameras',
  ]);
  const s = stats.data;
  const running = progress !== null;
  const { reload: reloadStats } = stats;
  const { reload: reloadActivity } = activity;
  // While a job runs the totals and charts grow; refresh them now and then (the job itself only reports progress).
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      reloadStats();
      reloadActivity();
    }, LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [running, reloadStats, reloadActivity]);
  const empty = s !== undefined && s.images.total === 0 && !progress;

  return (
    <div className="view dashboard" data-testid="view-dashboard">
      <ViewHeader
        title="Dashboard"
        subtitle={s ? `${formatCount(photoCount(s), 'photo')} from ${formatCount(s.cameras, 'camera')}` : undefined}
      >
        <button type="button" className="btn primary" onClick={() => navigate({ view: 'import' })}>
          <Icon name="import" size={16} /> Import photos
        </button>
      </ViewHeader>
      <div className="view-body scroll">
        <LoadingBar active={stats.loading && s !== undefined} />
        <ModelsBanner />
        {progress && <JobPanel progress={progress} />}
        {/* The last job's summary is old news while a new job runs. */}
        {!progress && <FinishedNote />}
        {stats.error && <ErrorNote what="library totals" error={stats.error} retry={stats.reload} />}
        {empty ? (
          <EmptyState
            icon="card"
            title="Your library is empty"
            action={
              <button type="button" className="btn primary" onClick={() => navigate({ view: 'import' })}>
                Import an SD card or a folder
              </button>
            }
          >
            Import the photos from a trail camera&apos;s SD card. Thumper copies them into this library, finds the
            animals in them, and groups the same deer into individuals for you to review.
          </EmptyState>
        ) : (
          <>
            <section className="tiles" aria-label="Library totals">
              <Tile
                label="Photos"
                value={s ? photoCount(s) : undefined}
                sub={
                  s && s.images.pending
                    ? `${s.images.pending.toLocaleString()} ${running ? 'processing' : 'waiting to be processed'}`
                    : undefined
                }
                onClick={() => photos({})}
              />
              <Tile
                label="Empty photos"
                value={s?.images.empty}
                sub={s ? formatPercent(s.images.empty, s.images.done) + ' of processed' : undefined}
                onClick={() => photos({ content: 'empty' })}
              />
              <Tile
                label="Animals"
                value={s?.detections.animal}
                sub="detections"
                onClick={() => photos({ category: 'animal' })}
              />
              <Tile label="Individuals" value={s?.individuals} onClick={() => navigate({ view: 'deer' })} />
              <Tile label="Cameras" value={s?.cameras} />
              <Tile
                label="Suggestions waiting"
                value={s?.suggestionsPending}
                attention={(s?.suggestionsPending ?? 0) > 0}
                onClick={() => navigate({ view: 'review' })}
              />
            </section>
            {s && s.images.missing > 0 && (
              <p className="inline-warning" data-testid="missing-note">
                {formatCount(s.images.missing, 'photo')} lost {s.images.missing === 1 ? 'its' : 'their'} file from the
                library; importing the card again restores {s.images.missing === 1 ? 'it' : 'them'}.{' '}
                <a href={FAILED_PHOTOS_HASH}>See which</a>
              </p>
            )}
            {s && s.images.failed > 0 && (
              <p className="inline-warning">
                {formatCount(s.images.failed, 'file')} could not be imported or processed.{' '}
                <a href={FAILED_PHOTOS_HASH} data-testid="failed-link">
                  See {s.images.failed === 1 ? 'it' : 'each'} with the reason and retry
                </a>
              </p>
            )}
            <div className="chart-grid">
              <section className="panel span-2">
                <header className="panel-header">
                  <h2>Animal detections per day</h2>
                  <span className="muted small">click a bar to see those photos</span>
                </header>
                {activity.error ? (
                  <ErrorNote what="activity" error={activity.error} retry={activity.reload} />
                ) : activity.data ? (
                  <DaysChart
                    days={activity.data.perDay}
                    onDay={(from, to) => photos({ from, to, category: 'animal' })}
                  />
                ) : (
                  <Skeleton height={140} />
                )}
              </section>
              <section className="panel">
                <header className="panel-header">
                  <h2>Activity by hour</h2>
                  <span className="muted small">camera-local time</span>
                </header>
                {activity.data ? <HoursChart hours={activity.data.perHour} /> : <Skeleton height={120} />}
              </section>
              <section className="panel">
                <header className="panel-header">
                  <h2>Per camera</h2>
                  <span className="muted small">animal detections</span>
                </header>
                {activity.data ? (
                  <HBarList
                    empty="No cameras yet."
                    items={activity.data.perCamera.map((c) => ({
                      key: c.cameraId,
                      label: c.name,
                      value: c.detections,
                      detail: `${c.name}: ${formatCount(c.photos, 'photo')}, ${formatCount(c.detections, 'animal detection')}`,
                      onClick: () => photos({ cameraIds: [c.cameraId] }),
                    }))}
                  />
                ) : (
                  <Skeleton height={120} />
                )}
              </section>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
