// Library check: every photo file there and intact, no leftovers (thumper check in the app). Repair marks lost photos
// failed with the reason, so the Photos view shows them; importing their card again restores them.
import { useState } from 'react';
import type { CheckReport } from '../../../../core/contract/libraryCheck';
import { useApi } from '../../data/apiContext';
import { formatCount } from '../../lib/format';

const KIND_LABEL: Record<CheckReport['problems'][number]['kind'], string> = {
  missing: 'file missing',
  changed: 'file changed',
  orphan: 'unknown file',
  temp: 'temp file',
  vector: 'stale vectors',
  cache: 'stale cache',
  database: 'database',
};

export function LibraryCheck() {
  const api = useApi();
  const [report, setReport] = useState<CheckReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = (repair: boolean) => {
    setBusy(true);
    setError(null);
    api
      .call('library.check', { repair })
      .then(setReport, (err: Error) => setError(err.message))
      .finally(() => setBusy(false));
  };
  return (
    <section className="panel" aria-label="Library check" data-testid="library-check">
      <header className="panel-header">
        <h2>Library check</h2>
        {report && (
          <span className="muted small">
            {formatCount(report.photos, 'photo')} checked · {formatCount(report.remaining, 'problem')}
          </span>
        )}
      </header>
      <p className="muted small">Reads every photo file and compares it with what was imported.</p>
      <button type="button" className="btn" disabled={busy} onClick={() => run(false)}>
        {busy ? 'Checking…' : 'Check library'}
      </button>
      {report && report.remaining > 0 && (
        <button type="button" className="btn" disabled={busy} onClick={() => run(true)}>
          Repair
        </button>
      )}
      {error && <p className="inline-error">{error}</p>}
      {report && report.problems.length > 0 && (
        <table className="table">
          <tbody>
            {report.problems.map((p, i) => (
              <tr key={i}>
                <td>{KIND_LABEL[p.kind]}</td>
                <td className="small">{p.what}</td>
                <td className="muted small">
                  {p.detail}
                  {p.repaired ? ' (repaired)' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
