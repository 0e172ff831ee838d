// Calibration of auto-accept: how the match scores of the pairs people accepted and rejected are spread (current
// embedder only), the threshold Thumper proposes with its precision on those decisions, and the switch. The switch
// stays disabled, saying why, until there are enough decisions of both kinds.
import { useState } from 'react';
import { Icon } from '../components/Icon';
import { ErrorNote, LoadingBar, Skeleton } from '../components/States';
import { ViewHeader } from '../components/ViewHeader';
import { useApi } from '../data/apiContext';
import { useQuery } from '../data/useQuery';
import { navigate } from '../store/nav';
import { useToast } from '../store/toast';
import { ScoreHistogram } from './calibration/ScoreHistogram';

const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

export function Calibration() {
  const api = useApi();
  const cal = useQuery('calibration', (a) => a.call('calibration.get', {}), ['suggestions', 'settings']);
  const [busy, setBusy] = useState(false);
  const c = cal.data;
  const toggle = (enabled: boolean) => {
    setBusy(true);
    api
      .call('calibration.setAutoAccept', { enabled })
      .then(
        (r) =>
          useToast
            .getState()
            .show(
              r.autoAccept
                ? `Auto-accept on: pairs scoring ${pct(r.autoAcceptThreshold ?? 0)} or more merge by themselves.`
                : 'Auto-accept off.',
            ),
        (e: Error) => useToast.getState().show(`Could not switch auto-accept: ${e.message}`, { error: true }),
      )
      .finally(() => {
        setBusy(false);
        cal.reload();
      });
  };
  const idleForEmbedder = c && c.autoAccept && c.autoAcceptEmbedder !== null && c.autoAcceptEmbedder !== c.embedder;

  return (
    <div className="view calibration" data-testid="view-calibration">
      <ViewHeader
        title="Calibration"
        subtitle={c ? `${c.accepted} accepted and ${c.rejected} rejected suggestions for ${c.embedder}` : undefined}
        back={
          <button
            type="button"
            className="btn ghost icon-btn"
            onClick={() => navigate({ view: 'review' })}
            aria-label="Back to review"
            title="Back to review"
          >
            <Icon name="left" />
          </button>
        }
      />
      <div className="view-body scroll">
        <LoadingBar active={cal.loading && c !== undefined} />
        {cal.error && <ErrorNote what="calibration" error={cal.error} retry={cal.reload} />}
        {!c ? (
          !cal.error && <Skeleton height={200} />
        ) : (
          <div className="calibration-grid">
            <section className="panel span-2">
              <header className="panel-header">
                <h2>Match scores of your decisions</h2>
                <span className="muted small">
                  current embedder only: another model&apos;s scores are not comparable
                </span>
              </header>
              {c.histogram.length > 0 ? (
                <ScoreHistogram bins={c.histogram} threshold={c.proposal?.threshold ?? null} />
              ) : (
                <p className="muted">No decisions yet. Accept or reject suggestions in Review and they show here.</p>
              )}
            </section>
            <section className="panel" data-testid="calibration-proposal">
              <header className="panel-header">
                <h2>Proposed threshold</h2>
              </header>
              {c.proposal ? (
                <dl className="props">
                  <dt>Auto-accept at</dt>
                  <dd className="tabular">score ≥ {pct(c.proposal.threshold)}</dd>
                  <dt>Precision</dt>
                  <dd className="tabular">
                    {pct(c.proposal.precision)} ({c.proposal.acceptedAbove} right, {c.proposal.rejectedAbove} wrong
                    above it)
                  </dd>
                  <dt>Would have merged</dt>
                  <dd className="tabular">{pct(c.proposal.recall)} of the pairs you accepted</dd>
                </dl>
              ) : (
                <p className="muted">
                  No proposal yet: {c.waitingFor}. Thumper proposes the lowest score at which {pct(c.targetPrecision)}{' '}
                  of your decisions above it were &quot;same deer&quot;.
                </p>
              )}
            </section>
            <section className="panel">
              <header className="panel-header">
                <h2>Auto-accept</h2>
              </header>
              <label className={c.proposal || c.autoAccept ? 'switch' : 'switch disabled'}>
                <input
                  type="checkbox"
                  role="switch"
                  checked={c.autoAccept}
                  disabled={busy || (!c.autoAccept && !c.proposal)}
                  onChange={(e) => toggle(e.target.checked)}
                  data-testid="auto-accept-switch"
                />
                <span>{c.autoAccept ? `On at ${pct(c.autoAcceptThreshold ?? 0)}` : 'Off'}</span>
              </label>
              <p className="muted small">
                {!c.autoAccept && !c.proposal
                  ? `Available once calibrated: ${c.waitingFor}.`
                  : idleForEmbedder
                    ? `Calibrated for ${c.autoAcceptEmbedder}: idle while ${c.embedder} is the embedder.`
                    : 'When on, new suggestions scoring at least the threshold merge without asking; each merge can be undone.'}
              </p>
            </section>
          </div>
        )}
      </div>
    </div>
  );
}
