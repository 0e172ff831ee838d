// Models: the library's detector and embedder (installed or missing, the provider they last ran on), every known
// model with its download, choosing another model (which re-runs only what depends on it, as a processing job) and
// adding the user's own ONNX file, and a detector's test run on one photo.
import { useState } from 'react';
import type { MethodResult } from '../../../core/contract/methods';
import { ErrorNote, LoadingBar, Skeleton } from '../components/States';
import { ViewHeader } from '../components/ViewHeader';
import { useApi } from '../data/apiContext';
import { useQuery } from '../data/useQuery';
import { formatBytes } from '../lib/format';
import { navigate } from '../store/nav';
import { useToast } from '../store/toast';
import { AddModel } from './models/AddModel';
import { DetectorTestRun } from './models/DetectorTestRun';
import { FetchModel } from './models/FetchModel';
import { UseModelsFolder } from './models/UseModelsFolder';
import { missingModelAdvice, providerNoteText } from './models/modelWords';

type Listing = MethodResult<'models.list'>[number];
type RoleStatus = MethodResult<'models.status'>['roles'][number];

const ROLE_TITLE = { detector: 'Detector', embedder: 'Embedder' } as const;

function RolePanel({
  role,
  listing,
  provider,
  providerNote,
  onUse,
}: {
  role: RoleStatus;
  listing: Listing[];
  provider: string | null;
  providerNote: string | null;
  onUse: (id: string) => void;
}) {
  const installed = listing.filter((m) => m.kind === role.role && m.status === 'installed');
  return (
    <section className="panel" data-testid={`model-role-${role.role}`}>
      <header className="panel-header">
        <h2>{ROLE_TITLE[role.role]}</h2>
        <span className={role.status === 'installed' ? 'badge accent' : 'badge attention'}>{role.status}</span>
      </header>
      <dl className="props">
        <dt>Model</dt>
        <dd className="mono">{role.id}</dd>
        <dt>File</dt>
        <dd className="mono ellipsis" title={role.file ?? undefined}>
          {role.file ?? '—'}
        </dd>
        <dt>Runs on</dt>
        <dd>{provider ? provider.toUpperCase() : 'not run yet'}</dd>
      </dl>
      {role.status !== 'installed' && (
        <div className="role-missing">
          <p className="muted small">{missingModelAdvice(role)}</p>
          {role.fetchable && <FetchModel id={role.id} />}
        </div>
      )}
      <label className="field">
        Use another {role.role}
        <select
          value={role.id}
          onChange={(e) => onUse(e.target.value)}
          disabled={installed.length === 0}
          data-testid={`use-${role.role}`}
        >
          {!installed.some((m) => m.id === role.id) && <option value={role.id}>{role.id} (not installed)</option>}
          {installed.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name} ({m.family})
            </option>
          ))}
        </select>
      </label>
      {role.role === 'detector' && role.status === 'installed' && (
        <DetectorTestRun modelId={role.id} knownNote={providerNote} />
      )}
    </section>
  );
}

export function Models() {
  const api = useApi();
  const status = useQuery('models-status', (a) => a.call('models.status', {}), ['settings']);
  const list = useQuery('models-list', (a) => a.call('models.list', {}), ['settings']);
  const stats = useQuery('library-stats', (a) => a.call('library.stats', {}), [
    'photos',
    'detections',
    'individuals',
    'suggestions',
    'cameras',
  ]);
  const [error, setError] = useState<string | null>(null);
  const reload = () => {
    status.reload();
    list.reload();
  };
  const use = (role: RoleStatus['role'], id: string) => {
    setError(null);
    api.call('models.use', { role, id }).then(
      (r) => {
        useToast
          .getState()
          .show(
            r.changed
              ? `${ROLE_TITLE[role]} is now ${id}; re-processing what depends on it.`
              : `${id} was already the ${role}.`,
          );
        reload();
        if (r.jobId !== null) navigate({ view: 'dashboard' });
      },
      (e: Error) => setError(`Could not switch the ${role}: ${e.message}`),
    );
  };
  const s = status.data;
  const provider = stats.data?.provider ?? null;

  return (
    <div className="view models" data-testid="view-models">
      <ViewHeader title="Models" subtitle={s ? `Models folder: ${s.folder.dir}` : undefined} />
      <div className="view-body scroll">
        <LoadingBar active={(status.loading && s !== undefined) || (list.loading && list.data !== undefined)} />
        {status.error && <ErrorNote what="the library's models" error={status.error} retry={status.reload} />}
        {list.error && <ErrorNote what="the model catalog" error={list.error} retry={list.reload} />}
        {error && <p className="inline-error">{error}</p>}
        {stats.data?.providerNote && (
          <p className="inline-warning" data-testid="provider-note">
            {providerNoteText(stats.data.providerNote)}
          </p>
        )}
        <div className="chart-grid">
          {s && list.data ? (
            s.roles.map((r) => (
              <RolePanel
                key={r.role}
                role={r}
                listing={list.data!}
                provider={provider}
                providerNote={stats.data?.providerNote ?? null}
                onUse={(id) => use(r.role, id)}
              />
            ))
          ) : (
            <>
              <Skeleton height={180} />
              <Skeleton height={180} />
            </>
          )}
          <section className="panel span-2">
            <header className="panel-header">
              <h2>Known models</h2>
              <span className="muted small">the catalog and the models you added</span>
            </header>
            {list.data && (
              <table className="table" data-testid="models-table">
                <thead>
                  <tr>
                    <th>Model</th>
                    <th>Kind</th>
                    <th>Family</th>
                    <th>Licence</th>
                    <th className="num">Size</th>
                    <th>Status</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {list.data.map((m) => (
                    <tr key={m.id}>
                      <td>
                        <div>{m.name}</div>
                        <div className="muted small mono">{m.id}</div>
                      </td>
                      <td>{m.kind}</td>
                      <td>{m.family}</td>
                      <td>{m.licence}</td>
                      <td className="num tabular">{m.size ? formatBytes(m.size) : '—'}</td>
                      <td>
                        <span
                          className={
                            m.status === 'installed'
                              ? 'status status-done'
                              : m.status === 'corrupt'
                                ? 'status status-failed'
                                : 'status status-cancelled'
                          }
                        >
                          {m.user ? `${m.status}, yours` : m.status}
                        </span>
                      </td>
                      <td>
                        {m.status !== 'installed' && !m.user && (
                          <FetchModel id={m.id} label={m.status === 'corrupt' ? 'Download again' : 'Download'} />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="panel span-2" id="models-folder">
            <header className="panel-header">
              <h2>Use a models folder…</h2>
              <span className="muted small">
                model files brought on a stick or from another computer: known models are checked and copied in
              </span>
            </header>
            <UseModelsFolder onDone={reload} />
          </section>
          <section className="panel span-2">
            <header className="panel-header">
              <h2>Add a model file…</h2>
              <span className="muted small">
                an ONNX detector (YOLOv8/v5, YOLOX, MegaDetector) or embedder; it is checked before it is added
              </span>
            </header>
            <AddModel onAdded={reload} />
          </section>
        </div>
      </div>
    </div>
  );
}
