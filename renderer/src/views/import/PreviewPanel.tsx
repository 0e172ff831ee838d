// What was found on the card before anything is copied.
import type { ImportPreview } from '../../../../core/contract/entities';
import { formatBytes, formatCount, formatDateRange } from '../../lib/format';

export function PreviewPanel({
  preview,
  sourceProblems,
}: {
  preview: ImportPreview;
  /** Sources shown with their own error beside them, not repeated here. */
  sourceProblems: ReadonlySet<string>;
}) {
  const fresh = preview.photos - preview.alreadyInLibrary;
  const refused = preview.unreadable.filter((u) => !sourceProblems.has(u.file));
  return (
    <section className="panel" aria-label="What was found" data-testid="import-preview">
      <header className="panel-header">
        <h2>Found {formatCount(preview.photos, 'photo')}</h2>
        <span className="muted small">
          {formatBytes(preview.bytes)} · {formatDateRange(preview.from, preview.to)}
          {preview.sampled ? ' · dates from a sample' : ''}
        </span>
      </header>
      <div className="facts">
        <div className="fact">
          <span className="fact-value tabular">{fresh.toLocaleString()}</span>
          <span className="fact-label">new photos</span>
        </div>
        <div className="fact">
          <span className="fact-value tabular">{preview.alreadyInLibrary.toLocaleString()}</span>
          <span className="fact-label">already in the library</span>
        </div>
        <div className="fact">
          <span className="fact-value tabular">{preview.videos.toLocaleString()}</span>
          <span className="fact-label">video clips</span>
        </div>
        <div className="fact">
          <span className="fact-value tabular">{preview.unknownTime.toLocaleString()}</span>
          <span className="fact-label">without a capture time</span>
        </div>
      </div>
      {preview.cameras.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>Camera</th>
              <th className="num">Photos</th>
              <th>Dates</th>
            </tr>
          </thead>
          <tbody>
            {preview.cameras.map((c) => (
              <tr key={c.name}>
                <td>{c.name}</td>
                <td className="num tabular">{c.photos.toLocaleString()}</td>
                <td>{formatDateRange(c.from, c.to)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.otherFiles > 0 && (
        <p className="muted small">{formatCount(preview.otherFiles, 'other file')} ignored.</p>
      )}
      {refused.length > 0 && (
        <details className="failures" open={refused.length <= 5}>
          <summary>{formatCount(refused.length, 'file')} will not be imported</summary>
          <ul>
            {refused.map((f) => (
              <li key={f.file}>
                <code>{f.file}</code>
                <span>{f.reason}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
