// Export: the library as a Camtrap DP package, CSV tables or MegaDetector JSON, written by the host to a path the user
// gives, with progress and the outcome. For Camtrap DP, cameras without coordinates or a UTC offset are listed with
// fields to fill in; Export saves them on the cameras, then runs.
import { useState } from 'react';
import { EXPORT_FORMATS } from '../../../core/contract/models';
import { MissingPlaces, needsPlace } from './cameras/MissingPlaces';
import { checkPlace, draftOf, type PlaceDraft } from './cameras/placeInput';
import { TaskProgress } from '../components/TaskProgress';
import { ViewHeader } from '../components/ViewHeader';
import { useApi } from '../data/apiContext';
import { useQuery } from '../data/useQuery';
import { useTask } from '../store/tasks';

type Format = (typeof EXPORT_FORMATS)[number];

const FORMATS: Record<Format, { label: string; what: string; out: string }> = {
  'camtrap-dp': {
    label: 'Camtrap DP',
    what: 'A Camtrap DP 1.0.2 package: deployments, media and observations with individual deer.',
    out: 'Folder',
  },
  csv: { label: 'CSV', what: 'Sightings per individual and a table of photos, for a spreadsheet.', out: 'Folder' },
  megadetector: {
    label: 'MegaDetector JSON',
    what: 'The boxes in MegaDetector batch format, for other camera-trap tools.',
    out: '.json file',
  },
};

export function Export() {
  const api = useApi();
  const info = useQuery('app-info', (a) => a.call('app.info', {}));
  const [format, setFormat] = useState<Format>('camtrap-dp');
  const [out, setOut] = useState('');
  const cameras = useQuery('cameras', (a) => a.call('cameras.list', {}), ['cameras']);
  const missing = format === 'camtrap-dp' ? (cameras.data ?? []).filter(needsPlace) : [];
  const [drafts, setDrafts] = useState<Record<number, PlaceDraft>>({});
  const [taskId, setTaskId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const task = useTask(taskId);
  const running = taskId !== null && (task === null || task.status === 'running');
  const pick = () =>
    api
      .call('dialog.pickFolder', { title: 'Export to' })
      .then((dir) => dir && setOut(format === 'megadetector' ? `${dir}/megadetector.json` : dir));
  /** Saves what was filled in for cameras missing a place or offset; the first problem stops it. */
  const savePlaces = async () => {
    for (const c of missing) {
      const checked = checkPlace(drafts[c.id] ?? draftOf(c));
      if ('error' in checked) throw new Error(`${c.name}: ${checked.error}`);
      const { latitude, longitude, utcOffset } = checked.values;
      if (latitude === null || utcOffset === null)
        throw new Error(
          `${c.name}: Camtrap DP needs its ${latitude === null ? 'latitude and longitude' : 'UTC offset'}`,
        );
      await api.call('cameras.update', { id: c.id, latitude, longitude, utcOffset });
    }
    if (missing.length > 0) cameras.reload();
  };
  const run = () => {
    setError(null);
    setTaskId(null);
    savePlaces()
      .then(() => api.call('exports.run', { format, out: out.trim() }))
      .then(
        (r) => setTaskId(r.taskId),
        (e: Error) => setError(e.message),
      );
  };

  return (
    <div className="view export" data-testid="view-export">
      <ViewHeader title="Export" subtitle="Share the library in the camera-trap world's formats" />
      <div className="view-body scroll">
        <section className="panel export-panel">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (out.trim() && !running) run();
            }}
          >
            <fieldset className="field radio-group">
              <legend>Format</legend>
              {EXPORT_FORMATS.map((f) => (
                <label key={f}>
                  <input type="radio" name="format" checked={format === f} onChange={() => setFormat(f)} />
                  <span>{FORMATS[f].label}</span>
                  <span className="muted small">{FORMATS[f].what}</span>
                </label>
              ))}
            </fieldset>
            <label className="path-field">
              {FORMATS[format].out} to write (absolute path)
              <div className="input-row">
                <input
                  value={out}
                  onChange={(e) => setOut(e.target.value)}
                  placeholder={
                    format === 'megadetector' ? '/home/me/exports/megadetector.json' : '/home/me/exports/thumper'
                  }
                  spellCheck={false}
                  data-testid="export-out"
                />
                {info.data?.capabilities.pickFolder && (
                  <button type="button" className="btn" onClick={pick}>
                    Choose…
                  </button>
                )}
              </div>
            </label>
            <MissingPlaces
              cameras={missing}
              drafts={drafts}
              onChange={(id, d) => setDrafts((cur) => ({ ...cur, [id]: d }))}
            />
            <div className="export-actions">
              <button type="submit" className="btn primary" disabled={!out.trim() || running} data-testid="export-run">
                {running ? 'Exporting…' : 'Export'}
              </button>
            </div>
          </form>
          {error && <p className="inline-error">{error}</p>}
          {taskId !== null && <TaskProgress task={task} testId="export-progress" />}
        </section>
      </div>
    </div>
  );
}
