// Import: choose sources, see what is on them, set camera name / UTC offset / copy or in place, start, then follow
// it on the dashboard.
import { useEffect, useState } from 'react';
import type { ImportPreview } from '../../../core/contract/entities';
import { WHOLE_HOUR_UTC_OFFSETS } from '../../../core/contract/utcOffset';
import { Icon } from '../components/Icon';
import { ErrorNote } from '../components/States';
import { ViewHeader } from '../components/ViewHeader';
import { useApi } from '../data/apiContext';
import { formatCount } from '../lib/format';
import { useJobs } from '../store/jobs';
import { navigate } from '../store/nav';
import { ImportHistory } from './import/ImportHistory';
import { LibraryCheck } from './import/LibraryCheck';
import { ModelsBanner } from './models/ModelsBanner';
import { PreviewPanel } from './import/PreviewPanel';
import { SourcePicker } from './import/SourcePicker';

export function ImportView() {
  const api = useApi();
  const running = useJobs((s) => s.progress !== null);
  const [sources, setSources] = useState<string[]>([]);
  const [preview, setPreview] = useState<{ data: ImportPreview | null; error: Error | null; loading: boolean }>({
    data: null,
    error: null,
    loading: false,
  });
  const [camera, setCamera] = useState('');
  const [utcOffset, setUtcOffset] = useState('');
  const [inPlace, setInPlace] = useState(false);
  const [start, setStart] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  // A new set of sources gets a fresh preview; scanning a card takes a moment but never blocks the window.
  useEffect(() => {
    setStart({ busy: false, error: null });
    if (sources.length === 0) {
      setPreview({ data: null, error: null, loading: false });
      return;
    }
    let live = true;
    setPreview((p) => ({ ...p, error: null, loading: true }));
    api.call('import.preview', { sources }).then(
      (data) => live && setPreview({ data, error: null, loading: false }),
      (error: Error) => live && setPreview({ data: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [api, sources]);

  // The preview lists a source that cannot be read at all against that source, in the order given.
  const problems = sourceProblems(sources, preview.data);
  const fresh = preview.data ? preview.data.photos - preview.data.alreadyInLibrary : null;
  const begin = () => {
    setStart({ busy: true, error: null });
    api
      .call('import.start', {
        sources,
        inPlace,
        ...(camera.trim() ? { camera: camera.trim() } : {}),
        ...(utcOffset ? { utcOffset } : {}),
      })
      .then(
        () => navigate({ view: 'dashboard' }),
        (e: Error) => setStart({ busy: false, error: e.message }),
      );
  };

  return (
    <div className="view import" data-testid="view-import">
      <ViewHeader
        title="Import"
        subtitle="Copy photos from an SD card or folders into this library, then process them"
      />
      <div className="view-body scroll">
        <ModelsBanner />
        <div className="import-layout">
          <div className="import-main">
            <section className="panel">
              <header className="panel-header">
                <h2>1. Photos</h2>
              </header>
              <SourcePicker sources={sources} onChange={setSources} problems={problems} />
            </section>
            {preview.loading && <p className="muted">Looking at the card…</p>}
            {preview.error && <ErrorNote what="the card" error={preview.error} />}
            {preview.data && Object.keys(problems).length < sources.length && (
              <PreviewPanel
                preview={preview.data}
                sourceProblems={new Set(preview.data.sources.filter((_, i) => problems[sources[i]!]))}
              />
            )}
          </div>
          <aside className="import-side">
            <section className="panel">
              <header className="panel-header">
                <h2>2. Options</h2>
              </header>
              <label className="field">
                <span>Camera name</span>
                <input
                  type="text"
                  value={camera}
                  placeholder="used when photos carry no serial"
                  onChange={(e) => setCamera(e.target.value)}
                />
              </label>
              <label className="field">
                <span>Camera clock UTC offset</span>
                <select value={utcOffset} onChange={(e) => setUtcOffset(e.target.value)}>
                  <option value="">unknown (times kept as written)</option>
                  {WHOLE_HOUR_UTC_OFFSETS.map((o) => (
                    <option key={o} value={o}>
                      UTC{o}
                    </option>
                  ))}
                </select>
              </label>
              <fieldset className="field radio-group">
                <legend>Files</legend>
                <label>
                  <input type="radio" name="mode" checked={!inPlace} onChange={() => setInPlace(false)} /> Copy into the
                  library
                  <span className="muted small">safe to wipe the card afterwards</span>
                </label>
                <label>
                  <input type="radio" name="mode" checked={inPlace} onChange={() => setInPlace(true)} /> Leave them
                  where they are
                  <span className="muted small">for folders already on this disk</span>
                </label>
              </fieldset>
              {running && (
                <p className="inline-warning">
                  An import is running. Wait for it to finish, or cancel it on the dashboard.
                </p>
              )}
              {start.error && <p className="inline-error">{start.error}</p>}
              {fresh === 0 && (
                <p className="muted small" data-testid="nothing-to-import">
                  {Object.keys(problems).length === sources.length
                    ? 'Nothing to import: check the path above.'
                    : 'Nothing new to import from these sources.'}
                </p>
              )}
              <button
                type="button"
                className="btn primary wide"
                disabled={sources.length === 0 || start.busy || running || preview.loading || fresh === 0}
                onClick={begin}
                data-testid="start-import"
              >
                <Icon name="import" size={16} />{' '}
                {fresh !== null ? `Import ${formatCount(fresh, 'photo')}` : 'Start import'}
              </button>
            </section>
          </aside>
        </div>
        <ImportHistory />
        <LibraryCheck />
      </div>
    </div>
  );
}

/** The preview's reason for each source that could not be read at all (preview.sources follow `sources`' order). */
function sourceProblems(sources: string[], preview: ImportPreview | null): Record<string, string> {
  if (!preview) return {};
  const out: Record<string, string> = {};
  preview.sources.forEach((resolved, i) => {
    const problem = preview.unreadable.find((u) => u.file === resolved);
    if (problem && sources[i] !== undefined) out[sources[i]!] = problem.reason;
  });
  return out;
}
