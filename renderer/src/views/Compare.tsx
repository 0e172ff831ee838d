// "Same deer?" for any two individuals: side by side, merge either way, or go back.
import { useState } from 'react';
import { Icon } from '../components/Icon';
import { ErrorNote, Skeleton } from '../components/States';
import { ViewHeader } from '../components/ViewHeader';
import { useEdit } from '../data/useEdit';
import { useCameraNames } from '../data/useCameraNames';
import { useQuery } from '../data/useQuery';
import { navigate } from '../store/nav';
import { IndividualSide } from './review/IndividualSide';

export function Compare({ a, b }: { a: number; b: number }) {
  const left = useQuery(`individual-${a}`, (api) => api.call('individuals.get', { id: a }), ['individuals']);
  const right = useQuery(`individual-${b}`, (api) => api.call('individuals.get', { id: b }), ['individuals']);
  const cameraNames = useCameraNames();
  const edit = useEdit();
  const [busy, setBusy] = useState(false);
  const merge = (targetId: number, sourceId: number, names: [string, string]) => {
    setBusy(true);
    edit(`Merged ${names[1]} into ${names[0]}.`, (api) =>
      api.call('edits.merge', { targetId, sourceIds: [sourceId] }),
    ).then((r) => {
      setBusy(false);
      if (r) navigate({ view: 'deer-profile', individualId: targetId });
    });
  };
  const l = left.data;
  const r = right.data;
  return (
    <div className="view compare" data-testid="view-compare">
      <ViewHeader
        back={
          <button type="button" className="btn ghost icon-btn" onClick={() => window.history.back()} aria-label="Back">
            <Icon name="left" />
          </button>
        }
        title="Same deer?"
        subtitle={l && r ? `${l.name} and ${r.name}` : '…'}
      />
      <div className="view-body scroll">
        {left.error && <ErrorNote what="the first individual" error={left.error} retry={left.reload} />}
        {right.error && <ErrorNote what="the second individual" error={right.error} retry={right.reload} />}
        <div className="pair">
          {l ? <IndividualSide individual={l} role="left" cameraNames={cameraNames} /> : <Skeleton height={320} />}
          <div className="pair-middle">
            {l && r && (
              <>
                <button
                  type="button"
                  className="btn primary wide"
                  disabled={busy}
                  onClick={() => merge(l.id, r.id, [l.name, r.name])}
                  data-testid="merge-into-left"
                >
                  <Icon name="left" size={16} /> Merge into {l.name}
                </button>
                <button
                  type="button"
                  className="btn primary wide"
                  disabled={busy}
                  onClick={() => merge(r.id, l.id, [r.name, l.name])}
                >
                  Merge into {r.name} <Icon name="right" size={16} />
                </button>
                <button type="button" className="btn wide" onClick={() => window.history.back()}>
                  Not the same deer
                </button>
                <p className="muted small">Merging keeps every sighting; it can be undone.</p>
              </>
            )}
          </div>
          {r ? <IndividualSide individual={r} role="right" cameraNames={cameraNames} /> : <Skeleton height={320} />}
        </div>
      </div>
    </div>
  );
}
