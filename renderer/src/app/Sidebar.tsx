// Left navigation: sections with live counts, the running job in miniature, the theme switch and shortcut help.
import { useEffect } from 'react';
import { DEFAULT_FILTERS } from '../lib/filters';
import { sectionOf, type Route } from '../lib/route';
import { Icon, type IconName } from '../components/Icon';
import { useQuery } from '../data/useQuery';
import { activeStage, useJobs } from '../store/jobs';
import { navigate, useNav } from '../store/nav';
import { useTheme } from '../store/theme';
import { formatPercent } from '../lib/format';

const SECTIONS: { id: ReturnType<typeof sectionOf>; label: string; icon: IconName; route: Route; key: string }[] = [
  { id: 'dashboard', label: 'Dashboard', icon: 'dashboard', route: { view: 'dashboard' }, key: 'g d' },
  { id: 'import', label: 'Import', icon: 'import', route: { view: 'import' }, key: 'g i' },
  { id: 'photos', label: 'Photos', icon: 'photos', route: { view: 'photos', filters: DEFAULT_FILTERS }, key: 'g p' },
  { id: 'deer', label: 'Deer', icon: 'deer', route: { view: 'deer' }, key: 'g e' },
  { id: 'others', label: 'Other animals', icon: 'layers', route: { view: 'others' }, key: 'g a' },
  { id: 'review', label: 'Review', icon: 'review', route: { view: 'review' }, key: 'g r' },
  { id: 'survey', label: 'Survey', icon: 'chart', route: { view: 'survey' }, key: 'g s' },
  { id: 'cameras', label: 'Cameras', icon: 'camera', route: { view: 'cameras' }, key: 'g c' },
  { id: 'models', label: 'Models', icon: 'chip', route: { view: 'models' }, key: 'g m' },
  { id: 'export', label: 'Export', icon: 'export', route: { view: 'export' }, key: 'g x' },
];

function JobMini() {
  const progress = useJobs((s) => s.progress);
  if (!progress) return null;
  const stage = activeStage(progress);
  const pct = stage && stage.total > 0 ? stage.done / stage.total : 0;
  return (
    <button
      type="button"
      className="job-mini"
      onClick={() => navigate({ view: 'dashboard' })}
      title="Open the dashboard"
    >
      <span className="job-mini-label">
        {progress.paused ? 'Paused' : 'Importing'} · {stage?.stage ?? '…'}{' '}
        {stage ? formatPercent(stage.done, stage.total) : ''}
      </span>
      <span className="progress thin">
        <span className="progress-fill" style={{ width: `${pct * 100}%` }} />
      </span>
    </button>
  );
}

export function Sidebar({ onHelp }: { onHelp: () => void }) {
  const section = useNav((s) => sectionOf(s.route));
  const { preference, cycle } = useTheme();
  const stats = useQuery('library-stats', (api) => api.call('library.stats', {}), [
    'photos',
    'detections',
    'individuals',
    'suggestions',
    'cameras',
  ]);
  const info = useQuery('app-info', (api) => api.call('app.info', {}));
  // The counts grow while a job runs (the job reports progress, not totals): follow them like the dashboard does.
  const running = useJobs((s) => s.progress !== null);
  const { reload: reloadStats } = stats;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(reloadStats, 2000);
    return () => clearInterval(timer);
  }, [running, reloadStats]);
  const counts: Partial<Record<string, number>> = {
    // Failed files are counted apart from photos (the Photos view's Failed filter lists them).
    photos: stats.data && stats.data.images.total - stats.data.images.failed,
    deer: stats.data?.individuals,
    review: stats.data?.suggestionsPending,
  };
  return (
    <nav className="sidebar" aria-label="Sections">
      <div className="brand">
        <span className="brand-mark" aria-hidden>
          <Icon name="deer" size={20} />
        </span>
        <div>
          <div className="brand-name">Thumper</div>
          <div className="brand-library" title={info.data?.library?.path}>
            {info.data?.library?.name ?? (info.error ? 'not connected' : '…')}
          </div>
        </div>
      </div>
      <ul className="nav-list">
        {SECTIONS.map((s) => (
          <li key={s.id}>
            <a
              href={`#/${s.id}`}
              className={section === s.id ? 'nav-item active' : 'nav-item'}
              aria-current={section === s.id ? 'page' : undefined}
              title={`${s.label} (${s.key})`}
              onClick={(e) => {
                e.preventDefault();
                navigate(s.route);
              }}
            >
              <Icon name={s.icon} />
              <span className="nav-label">{s.label}</span>
              {counts[s.id] !== undefined && counts[s.id]! > 0 && (
                <span className={s.id === 'review' ? 'nav-count attention' : 'nav-count'}>
                  {counts[s.id]!.toLocaleString()}
                </span>
              )}
            </a>
          </li>
        ))}
      </ul>
      <div className="sidebar-foot">
        <JobMini />
        <div className="sidebar-tools">
          <button
            type="button"
            className="btn ghost icon-btn"
            onClick={cycle}
            title={`Theme: ${preference} (t)`}
            aria-label={`Theme: ${preference}`}
          >
            <Icon name={preference === 'light' ? 'sun' : preference === 'dark' ? 'moon' : 'auto'} />
          </button>
          <button
            type="button"
            className="btn ghost icon-btn"
            onClick={onHelp}
            title="Keyboard shortcuts (?)"
            aria-label="Keyboard shortcuts"
          >
            <Icon name="keyboard" />
          </button>
        </div>
      </div>
    </nav>
  );
}
