// The "same deer?" queue: one suggestion at a time, most likely first, query individual left and candidate right.
// Keyboard first: y confirm, n reject, s skip, u undo, ←/→ other candidates of the same individual, o open profile.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Suggestion } from '../../../core/contract/entities';
import { CameraSelect, DateRangeInputs } from '../components/FilterInputs';
import { Icon } from '../components/Icon';
import { EmptyState, ErrorNote, LoadingBar } from '../components/States';
import { ViewHeader } from '../components/ViewHeader';
import { useApi } from '../data/apiContext';
import { useCameraNames } from '../data/useCameraNames';
import { useQuery } from '../data/useQuery';
import { formatCount } from '../lib/format';
import { isTypingTarget } from '../lib/shortcuts';
import { navigate } from '../store/nav';
import { useToast } from '../store/toast';
import { IndividualSide, usePreloadPair } from './review/IndividualSide';
import { formatGap, nextAfterDecision, otherCandidate } from './review/queue';

const PAGE = 50;
type Decision = 'accept' | 'reject' | 'skip';

export function Review() {
  const api = useApi();
  const [cameraId, setCameraId] = useState<number | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const cameraNames = useCameraNames();
  const queue = useQuery(
    `review:${cameraId}:${from}:${to}`,
    (a) =>
      a.call('suggestions.query', {
        state: 'pending',
        offset: 0,
        limit: PAGE,
        ...(cameraId !== null ? { cameraIds: [cameraId] } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      }),
    ['suggestions', 'individuals'],
  );
  const items = useMemo(() => queue.data?.items ?? [], [queue.data]);
  // Decided here but maybe not yet gone from the fetched page: hidden at once so the next pair shows without waiting.
  const [decided, setDecided] = useState<Set<number>>(new Set());
  const [currentId, setCurrentId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [canUndo, setCanUndo] = useState(false);

  const current = nextAfterDecision(items, decided, currentId);
  const upcoming = current ? nextAfterDecision(items, new Set([...decided, current.id]), current.id) : null;
  usePreloadPair(upcoming ? [upcoming.individualId, upcoming.candidateId] : []);

  // A fresh page means the server caught up: forget local decisions it already reflects.
  useEffect(() => setDecided((d) => new Set([...d].filter((id) => items.some((s) => s.id === id)))), [items]);

  const decide = useCallback(
    (s: Suggestion, decision: Decision) => {
      setDecided((d) => new Set(d).add(s.id));
      setCurrentId(nextAfterDecision(items, new Set([...decided, s.id]), s.id)?.id ?? null);
      api.call('edits.review', { suggestionId: s.id, decision }).then(
        (r) => {
          setCanUndo(r.canUndo);
          const what =
            decision === 'accept'
              ? `${s.individual.name} and ${s.candidate.name} are now one individual`
              : decision === 'reject'
                ? 'Not the same deer: noted'
                : 'Skipped';
          setError(null);
          useToast.getState().show(`${what}. Press u to undo.`, { undoable: r.canUndo });
          queue.reload();
        },
        (e: Error) => {
          setDecided((d) => {
            const n = new Set(d);
            n.delete(s.id);
            return n;
          });
          setCurrentId(s.id);
          setError(`Could not ${decision} this suggestion: ${e.message}`);
        },
      );
    },
    [api, items, decided, queue],
  );

  const undo = useCallback(() => {
    api.call('edits.undo', {}).then(
      (r) => {
        setCanUndo(r.canUndo);
        setDecided(new Set());
        setError(null);
        useToast.getState().show(r.journalId === null ? 'Nothing to undo.' : 'Undone.');
        queue.reload();
      },
      (e: Error) => setError(`Could not undo: ${e.message}`),
    );
  }, [api, queue]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.key === 'z') {
        e.preventDefault();
        undo();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      if (e.key === 'u') return undo();
      if (!current) return;
      const act: Record<string, () => void> = {
        y: () => decide(current, 'accept'),
        Enter: () => decide(current, 'accept'),
        n: () => decide(current, 'reject'),
        s: () => decide(current, 'skip'),
        ArrowRight: () => setCurrentId(otherCandidate(items, decided, current, 1)?.id ?? current.id),
        ArrowLeft: () => setCurrentId(otherCandidate(items, decided, current, -1)?.id ?? current.id),
        o: () => navigate({ view: 'deer-profile', individualId: current.individualId }),
      };
      const fn = act[e.key];
      if (fn) {
        e.preventDefault();
        fn();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, decide, undo, items, decided]);

  const total = queue.data?.total ?? null;
  const alternatives = current
    ? items.filter((s) => s.individualId === current.individualId && !decided.has(s.id)).length
    : 0;

  return (
    <div className="view review" data-testid="view-review">
      <ViewHeader
        title="Review"
        subtitle={
          total === null
            ? '…'
            : `${formatCount(Math.max(0, total - decided.size), 'suggestion')} waiting, most likely first`
        }
      >
        <button
          type="button"
          className="btn ghost"
          onClick={() => navigate({ view: 'calibration' })}
          title="Score distributions and auto-accept"
        >
          Calibration
        </button>
        <button type="button" className="btn" onClick={undo} disabled={!canUndo} title="Undo (u)">
          Undo
        </button>
      </ViewHeader>
      <div className="filter-bar" role="toolbar" aria-label="Filters">
        <CameraSelect value={cameraId} onChange={setCameraId} />
        <DateRangeInputs
          from={from}
          to={to}
          onChange={(f, t) => {
            setFrom(f);
            setTo(t);
          }}
        />
        <span className="grow" />
        <span className="muted small">
          <kbd>y</kbd> same deer · <kbd>n</kbd> different · <kbd>s</kbd> skip · <kbd>u</kbd> undo · <kbd>←</kbd>
          <kbd>→</kbd> other candidates · <kbd>o</kbd> profile
        </span>
      </div>
      <div className="view-body scroll">
        <LoadingBar active={queue.loading} />
        {queue.error && <ErrorNote what="suggestions" error={queue.error} retry={queue.reload} />}
        {error && <p className="inline-error">{error}</p>}
        {current ? (
          <div className="pair" data-testid="review-pair" data-suggestion-id={current.id}>
            <IndividualSide individual={current.individual} role="query" cameraNames={cameraNames} />
            <div className="pair-middle">
              <div className="score" title="Appearance similarity, adjusted for time and place">
                <span className="score-value tabular">{Math.round(current.score * 100)}%</span>
                <span className="muted small">match score</span>
              </div>
              <dl className="props compact">
                <dt>Appearance</dt>
                <dd className="tabular">{Math.round(current.appearance * 100)}%</dd>
                <dt>Time apart</dt>
                <dd>{formatGap(current.timeGapSeconds)}</dd>
                <dt>Camera</dt>
                <dd>{current.sameCamera ? 'same' : 'different'}</dd>
                <dt>Rank</dt>
                <dd>
                  #{current.rank}
                  {alternatives > 1 && (
                    <span className="muted" title="← → show the other candidates">
                      {' '}
                      of {alternatives}
                    </span>
                  )}
                </dd>
              </dl>
              <button
                type="button"
                className="btn primary wide"
                onClick={() => decide(current, 'accept')}
                data-testid="review-accept"
              >
                <Icon name="check" size={16} /> Same deer <kbd>y</kbd>
              </button>
              <button
                type="button"
                className="btn wide"
                onClick={() => decide(current, 'reject')}
                data-testid="review-reject"
              >
                <Icon name="close" size={16} /> Different <kbd>n</kbd>
              </button>
              <button type="button" className="btn ghost wide" onClick={() => decide(current, 'skip')}>
                Skip <kbd>s</kbd>
              </button>
            </div>
            <IndividualSide individual={current.candidate} role="candidate" cameraNames={cameraNames} />
          </div>
        ) : (
          queue.data && (
            <EmptyState icon="review" title={total ? 'All caught up here' : 'Nothing to review'}>
              {total
                ? 'Every suggestion on this page is decided; more load as the library updates.'
                : 'When the same deer may appear in two visits, Thumper asks you here. Import more photos to get suggestions.'}
            </EmptyState>
          )
        )}
      </div>
    </div>
  );
}
