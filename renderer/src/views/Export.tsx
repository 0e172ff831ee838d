// Export: the library as a Camtrap DP package, CSV tables or MegaDetector JSON, written by the host to a path the user
// gives, with progress and the outcome (a camera without a UTC offset stops a Camtrap DP export with its name).
import { useState } from 'react';
import { EXPORT_FORMATS } from '../../../core/contract/models';
import { isUtcOffset, UTC_OFFSET_HINT } from '../../../core/contract/utcOffset';
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
  const [utcOffset, setUtcOffset] = useState('');
  const [taskId, setTaskId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const task = useTask(taskId);
  const running = taskId !== null && (task === null || task.status === 'running');
  const pick = () =>
    api
      .call('dialog.pickFolder', { title: 'Export to' })
      .then((dir) => dir && setOut(format === 'megadetector' ? `${dir}/megadetector.json` : dir));
  const run = () => {
    setError(null);
    setTaskId(null);
    if (format === 'camtrap-dp' && utcOffset.trim() && !isUtcOffset(utcOffset.trim())) {
      setError(`${UTC_OFFSET_HINT}, not "${utcOffset.trim()}"`);
      return;
    }
    api
      .call('exports.run', {
        format,
        out: out.trim(),
        ...(format === 'camtrap-dp' && utcOffset.trim() ? { utcOffset: utcOffset.trim() } : {}),
      })
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
            {format === 'camtrap-dp' && (
              <label className="path-field">
                UTC offset for cameras without one (optional, e.g. -05:00)
                <div className="input-row">
                  <input
                    value={utcOffset}
                    onChange={(e) => setUtcOffset(e.target.value)}
                    placeholder="+01:00"
                    spellCheck={false}
                  />
                </div>
              </label>
            )}
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
