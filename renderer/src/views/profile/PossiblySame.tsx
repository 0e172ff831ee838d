// "Possibly the same": the individuals most likely to be this one, with the reasons behind each score, so a person
// can merge (or rule out) from the profile without going through the review queue. Each action is one undoable edit.
import type { PossiblySame as Candidate } from '../../../../core/contract/entities';
import { Skeleton } from '../../components/States';
import { Thumb } from '../../components/Thumb';
import { useEdit } from '../../data/useEdit';
import { useQuery } from '../../data/useQuery';
import { formatCount } from '../../lib/format';
import { navigate } from '../../store/nav';

const SHOWN = 5;

export function PossiblySame({ individualId, name }: { individualId: number; name: string }) {
  const band = useQuery(
    `possibly-same-band-${individualId}`,
    (api) => api.call('individuals.possiblySame', { id: individualId, limit: SHOWN }),
    ['individuals', 'suggestions'],
  );
  const edit = useEdit();
  const merge = (c: Candidate) =>
    void edit(
      `${c.candidate.name} merged into ${name}.`,
      (api) =>
        c.suggestionId !== null
          ? api.call('edits.review', { suggestionId: c.suggestionId, decision: 'accept' })
          : api.call('edits.merge', { targetId: individualId, sourceIds: [c.candidate.id] }),
      { undoes: `the merge of ${c.candidate.name} into ${name}` },
    ).then((r) => r && band.reload());
  const rule = (c: Candidate, suggestionId: number) =>
    void edit(
      `${name} and ${c.candidate.name}: different deer, noted.`,
      (api) => api.call('edits.review', { suggestionId, decision: 'reject' }),
      { undoes: `"different deer" for ${name} and ${c.candidate.name}` },
    ).then((r) => r && band.reload());

  if (band.data && band.data.length === 0) return null;
  return (
    <section className="panel possibly-same" aria-label="Possibly the same" data-testid="possibly-same">
      <header className="panel-header">
        <h2>Possibly the same</h2>
        <span className="muted small">most likely first</span>
      </header>
      {band.data ? (
        <ol className="ps-list">
          {band.data.map((c) => (
            <li key={c.candidate.id} className="ps-item" data-candidate-id={c.candidate.id}>
              <button
                type="button"
                className="ps-cover"
                onClick={() => navigate({ view: 'compare', a: individualId, b: c.candidate.id })}
                title={`Compare ${name} with ${c.candidate.name}`}
              >
                {c.candidate.coverDetectionId ? (
                  <Thumb media={{ kind: 'crop', id: c.candidate.coverDetectionId }} alt={c.candidate.name} />
                ) : (
                  <div className="thumb" />
                )}
              </button>
              <div className="ps-body">
                <p className="ps-title">
                  <a
                    href={`#/deer/${c.candidate.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate({ view: 'deer-profile', individualId: c.candidate.id });
                    }}
                  >
                    {c.candidate.name}
                  </a>{' '}
                  <span className="ps-score tabular">{Math.round(c.score * 100)}%</span>
                </p>
                <p className="muted small">{formatCount(c.candidate.detectionCount, 'sighting')}</p>
                <ul className="ps-reasons small">
                  {c.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
                <div className="ps-actions">
                  <button type="button" className="btn small primary" onClick={() => merge(c)} data-testid="ps-merge">
                    Merge
                  </button>
                  {c.suggestionId !== null && (
                    <button type="button" className="btn small" onClick={() => rule(c, c.suggestionId!)}>
                      Different
                    </button>
                  )}
                </div>
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <Skeleton height={120} />
      )}
    </section>
  );
}
