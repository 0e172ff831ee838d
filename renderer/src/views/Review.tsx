// The review desk: one "same deer?" pair at a time, most likely first. The two individuals' full photos side by side
// (zoomable, linked zoom as an option, each box highlighted) over a filmstrip of each one's sightings, best first, and
// a bar with the score, its reasons and the decision. Keyboard first: y same, n different, s skip, u undo, ← → other
// candidates, ↑ ↓ other deer, b d f buck/doe/fawn on the active side, + - 0 zoom, Space switches the active side,
// l links the zoom, o opens the active side's profile. Decisions and their undo go through the app's shared edit
// journal (data/useEdit): an undo from anywhere brings the desk back to the undone pair.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { IndividualSummary, SexAgeClass, Suggestion } from '../../../core/contract/entities';
import { CameraSelect, DateRangeInputs } from '../components/FilterInputs';
import { Icon } from '../components/Icon';
import { EmptyState, ErrorNote, LoadingBar } from '../components/States';
import { UndoButton } from '../components/UndoButton';
import { ViewHeader } from '../components/ViewHeader';
import { useCameraNames } from '../data/useCameraNames';
import { useEdit, useUndo } from '../data/useEdit';
import { useQuery } from '../data/useQuery';
import { formatCount } from '../lib/format';
import type { LinkedView } from '../lib/linkedView';
import { sexAgeOfKey } from '../lib/sexAgeKeys';
import { isTypingTarget } from '../lib/shortcuts';
import { navigate } from '../store/nav';
import { useReviewCursor } from './review/cursor';
import { DeskReasons } from './review/DeskReasons';
import { DeskSide } from './review/DeskSide';
import { usePreloadPair } from './review/usePreloadPair';
import { currentPair, nextAfterDecision, otherCandidate, otherPair, queuePosition } from './review/queue';
import '../styles/review.css';

const PAGE = 50;
type Decision = 'accept' | 'reject' | 'skip';
type Side = 'query' | 'candidate';

function decisionTexts(s: Suggestion, decision: Decision): { done: string; undoes: string } {
  const pair = `${s.individual.name} and ${s.candidate.name}`;
  if (decision === 'accept') return { done: `${pair} are now one individual.`, undoes: `the merge of ${pair}` };
  if (decision === 'reject') return { done: `${pair}: different deer, noted.`, undoes: `"different deer" for ${pair}` };
  return { done: `Skipped ${pair}.`, undoes: `the skip of ${pair}` };
}

export function Review() {
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
  const { currentId, decided, show, decide: markDecided, reopen, keepOnly } = useReviewCursor();
  const edit = useEdit();
  const undo = useUndo();
  const [active, setActive] = useState<Side>('query');
  const [linked, setLinked] = useState(true);
  const [linkView, setLinkView] = useState<{ from: Side; view: LinkedView } | null>(null);
  const [command, setCommand] = useState<{ side: Side; key: '+' | '-' | '0'; seq: number } | null>(null);

  const shownPair = useRef<{ individualId: number; candidateId: number } | null>(null);
  const current = currentPair(items, decided, currentId, shownPair.current);
  if (current) shownPair.current = { individualId: current.individualId, candidateId: current.candidateId };
  const upcoming = current ? nextAfterDecision(items, new Set([...decided, current.id]), current.id) : null;
  usePreloadPair(upcoming ? [upcoming.individual, upcoming.candidate] : []);

  // A fresh page means the server caught up: forget local decisions it already reflects.
  useEffect(() => keepOnly(new Set(items.map((s) => s.id))), [items, keepOnly]);
  // A new pair starts unzoomed, on the deer in question (the same two re-made under a new id stay as they are).
  const pairKey = current ? `${current.individualId}-${current.candidateId}` : '';
  useEffect(() => {
    setLinkView(null);
    setActive('query');
  }, [pairKey]);

  const decide = useCallback(
    (s: Suggestion, decision: Decision) => {
      markDecided(s.id, nextAfterDecision(items, new Set([...decided, s.id]), s.id)?.id ?? null);
      const { done, undoes } = decisionTexts(s, decision);
      void edit(done, (api) => api.call('edits.review', { suggestionId: s.id, decision }), {
        undoes,
        onUndone: () => reopen(s.id),
      }).then((r) => {
        // A failed decision shows its pair again; the page is reloaded either way, as it may be the stale one.
        if (!r) reopen(s.id);
        queue.reload();
      });
    },
    [edit, items, decided, markDecided, reopen, queue],
  );

  const setSexAge = useCallback(
    (i: IndividualSummary, sexAge: SexAgeClass) =>
      void edit(`${i.name} marked ${sexAge}.`, (api) =>
        api.call('edits.setSexAge', { individualIds: [i.id], sexAge }),
      ).then((r) => r && queue.reload()),
    [edit, queue],
  );

  const zoom = useCallback((side: Side, key: '+' | '-' | '0') => {
    setCommand((c) => ({ side, key, seq: (c?.seq ?? 0) + 1 }));
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target)) return;
      if ((e.ctrlKey || e.metaKey) && e.key === 'z') {
        e.preventDefault();
        void undo();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'u') {
        e.preventDefault();
        void undo();
        return;
      }
      if (!current) return;
      const side = active === 'query' ? current.individual : current.candidate;
      const sexAge = sexAgeOfKey(e.key);
      const act: Record<string, () => void> = {
        y: () => decide(current, 'accept'),
        Enter: () => decide(current, 'accept'),
        n: () => decide(current, 'reject'),
        s: () => decide(current, 'skip'),
        ArrowRight: () => show(otherCandidate(items, decided, current, 1)?.id ?? current.id),
        ArrowLeft: () => show(otherCandidate(items, decided, current, -1)?.id ?? current.id),
        ArrowDown: () => show(otherPair(items, decided, current, 1)?.id ?? current.id),
        ArrowUp: () => show(otherPair(items, decided, current, -1)?.id ?? current.id),
        ' ': () => setActive((a) => (a === 'query' ? 'candidate' : 'query')),
        '+': () => zoom(active, '+'),
        '=': () => zoom(active, '+'),
        '-': () => zoom(active, '-'),
        '0': () => zoom(active, '0'),
        l: () => setLinked((v) => !v),
        o: () => navigate({ view: 'deer-profile', individualId: side.id }),
      };
      const fn = sexAge && sexAge !== 'unknown' ? () => setSexAge(side, sexAge) : act[e.key];
      if (fn) {
        e.preventDefault();
        fn();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, decide, undo, items, decided, show, active, zoom, setSexAge]);

  const total = queue.data?.total ?? null;
  // Decisions made here that the server's page does not reflect yet may re-make pairs under new ids: until the page
  // catches up, an empty desk is not "all caught up".
  const awaitingServer = decided.size > 0;
  const busy = queue.loading || awaitingServer;
  const position = current && total !== null ? queuePosition(items, decided, current, total) : null;
  // Linked: + - 0 zoom both photos, each on its own deer, and a drag or wheel on one moves the other; unlinked, keys
  // zoom the active photo only.
  const sideProps = (side: Side) => ({
    role: side,
    active: active === side,
    onActivate: () => setActive(side),
    cameraNames,
    command: command && (linked || command.side === side) ? { key: command.key, seq: command.seq } : null,
    link: linked && linkView && linkView.from !== side ? linkView.view : null,
    onView: linked ? (view: LinkedView) => setLinkView({ from: side, view }) : undefined,
    onSexAge: setSexAge,
  });

  return (
    <div className="view review" data-testid="view-review">
      <ViewHeader
        title="Review"
        subtitle={
          total === null
            ? '…'
            : `${formatCount(position?.pairs ?? Math.max(0, total - decided.size), 'pair')} waiting, most likely first`
        }
      >
        <button
          type="button"
          className={linked ? 'btn on' : 'btn'}
          aria-pressed={linked}
          onClick={() => setLinked(!linked)}
          title="Zoom both photos together, each on its own deer (l)"
          data-testid="review-link-zoom"
        >
          {linked ? 'Linked zoom' : 'Separate zoom'}
        </button>
        <button
          type="button"
          className="btn ghost"
          onClick={() => navigate({ view: 'calibration' })}
          title="Score distributions and auto-accept"
        >
          Calibration
        </button>
        <UndoButton shortcut="u" />
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
        <span className="muted small key-hints">
          <kbd>←</kbd>
          <kbd>→</kbd> candidates · <kbd>↑</kbd>
          <kbd>↓</kbd> deer · <kbd>b</kbd>
          <kbd>d</kbd>
          <kbd>f</kbd> buck/doe/fawn · <kbd>+</kbd>
          <kbd>−</kbd> zoom · <kbd>Space</kbd> other photo · <kbd>l</kbd> link · <kbd>o</kbd> profile
        </span>
      </div>
      <div className="desk-body" aria-busy={busy}>
        <LoadingBar active={busy} />
        {queue.error && <ErrorNote what="suggestions" error={queue.error} retry={queue.reload} />}
        {current && position ? (
          <div className="desk" data-testid="review-pair" data-suggestion-id={current.id}>
            <div className="desk-sides">
              <DeskSide key={`q${current.individualId}`} individual={current.individual} {...sideProps('query')} />
              <DeskSide key={`c${current.candidateId}`} individual={current.candidate} {...sideProps('candidate')} />
            </div>
            <div className="desk-bar">
              <DeskReasons suggestion={current} position={position} />
              <div className="desk-actions">
                <button
                  type="button"
                  className="btn primary"
                  onClick={() => decide(current, 'accept')}
                  data-testid="review-accept"
                >
                  <Icon name="check" size={16} /> Same deer <kbd>y</kbd>
                </button>
                <button
                  type="button"
                  className="btn"
                  onClick={() => decide(current, 'reject')}
                  data-testid="review-reject"
                >
                  <Icon name="close" size={16} /> Different <kbd>n</kbd>
                </button>
                <button type="button" className="btn ghost" onClick={() => decide(current, 'skip')}>
                  Skip <kbd>s</kbd>
                </button>
              </div>
            </div>
          </div>
        ) : (
          queue.data &&
          !awaitingServer && (
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
