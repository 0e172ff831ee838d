// First run: when the library's detector or embedder is not installed, say what Thumper needs and offer the download
// (or the user's own file: a native dialog on the desktop, the Models view in a browser), instead of letting an
// import fail on every photo.
import { useState } from 'react';
import { Icon } from '../../components/Icon';
import { useQuery } from '../../data/useQuery';
import { navigate } from '../../store/nav';
import { FetchModel } from './FetchModel';
import { useAddModel } from './useAddModel';
import { UseModelsFolder } from './UseModelsFolder';
import { missingModelAdvice, MODELS_NEEDED } from './modelWords';

const ROLE_TEXT = {
  detector: 'finds the animals, people and vehicles in each photo',
  embedder: 'tells individual deer apart',
} as const;

export function ModelsBanner() {
  const status = useQuery('models-status', (api) => api.call('models.status', {}), ['settings']);
  const info = useQuery('app-info', (api) => api.call('app.info', {}));
  const [folderOpen, setFolderOpen] = useState(false);
  const own = useAddModel(status.reload);
  // On the desktop the file is chosen in a native dialog right here; a browser types its path in the Models view.
  const addFile = () => (info.data?.capabilities.pickFile ? void own.pickAndAdd() : navigate({ view: 'models' }));
  const s = status.data;
  if (!s || s.ready) return null;
  const missing = s.roles.filter((r) => r.status !== 'installed');
  return (
    <section className="panel models-banner" role="alert" data-testid="models-banner">
      <header className="panel-header">
        <Icon name="alert" />
        <h2>Thumper needs its models before it can process photos</h2>
        <button type="button" className="btn small" onClick={() => navigate({ view: 'models' })}>
          Open Models
        </button>
      </header>
      <p data-testid="models-needed">{MODELS_NEEDED}</p>
      <ul className="banner-roles">
        {missing.map((r) => (
          <li key={r.role}>
            <div>
              <strong>{r.id}</strong>{' '}
              <span className="muted">
                ({r.role}: {ROLE_TEXT[r.role]})
              </span>{' '}
              is{' '}
              {r.status === 'missing' ? 'not installed' : r.status === 'unknown' ? 'not known here' : 'the wrong kind'}.
              <div className="muted small">{missingModelAdvice(r)}</div>
            </div>
            <div className="banner-actions">
              {r.fetchable && <FetchModel id={r.id} />}
              <button type="button" className="btn small" onClick={addFile} disabled={own.busy}>
                {own.busy ? 'Checking…' : 'Add a model file…'}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {own.result && <p className={own.result.ok ? 'inline-note' : 'inline-error'}>{own.result.text}</p>}
      <div className="banner-folder">
        {folderOpen ? (
          <UseModelsFolder onDone={status.reload} />
        ) : (
          <button type="button" className="btn small" onClick={() => setFolderOpen(true)}>
            Use a models folder…
          </button>
        )}
      </div>
      <p className="muted small">Models are kept in {s.folder.dir}.</p>
    </section>
  );
}
