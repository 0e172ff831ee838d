// Every deer as a card, virtualized (or, as "Other animals", every individual of another species); filter by
// confirmed/provisional and camera, sort, search by name. s sets the species of the selection or the focused card.
import { useEffect, useState } from 'react';
import type { IndividualSummary } from '../../../core/contract/entities';
import { CameraSelect } from '../components/FilterInputs';
import { Icon } from '../components/Icon';
import { PagedGrid } from '../components/PagedGrid';
import { EmptyState, LoadingBar } from '../components/States';
import { ViewHeader } from '../components/ViewHeader';
import { usePagedList } from '../data/usePagedList';
import { useCameraNames } from '../data/useCameraNames';
import { formatCount } from '../lib/format';
import { isTypingTarget } from '../lib/shortcuts';
import { navigate } from '../store/nav';
import { IndividualCard } from './deer/IndividualCard';
import { MergeBar } from './deer/MergeBar';
import { SpeciesPicker } from './deer/SpeciesPicker';

const SORTS = [
  ['-detections', 'Most sightings'],
  ['-lastSeen', 'Seen most recently'],
  ['firstSeen', 'Seen first'],
  ['name', 'Name'],
] as const;
type SortId = (typeof SORTS)[number][0];
type Status = 'all' | 'confirmed' | 'provisional';

type Picked = Pick<IndividualSummary, 'id' | 'name' | 'species'>;

/** The card with the keyboard focus, read from the grid's DOM (the grid keeps its focus to itself). */
function focusedCard(): Picked | null {
  const el = document.querySelector<HTMLElement>('.deer-card.focused');
  const id = Number(el?.dataset.individualId);
  return el && id ? { id, name: el.getAttribute('aria-label') ?? `#${id}`, species: el.dataset.species ?? '' } : null;
}

export function DeerGallery({
  compareWith,
  group = 'deer',
}: {
  compareWith: number | null;
  /** 'deer': the Deer gallery; 'other': every other species ("Other animals"), with the same cards and profiles. */
  group?: 'deer' | 'other';
}) {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<Status>('all');
  const [sort, setSort] = useState<SortId>('-detections');
  const [cameraId, setCameraId] = useState<number | null>(null);
  const cameraNames = useCameraNames();
  const q = search.trim();
  const key = JSON.stringify([group, q, status, sort, cameraId]);
  const list = usePagedList<IndividualSummary>(
    key,
    (api, offset, limit) =>
      api.call('individuals.query', {
        offset,
        limit,
        sort,
        speciesGroup: group,
        ...(q ? { search: q } : {}),
        ...(status !== 'all' ? { confirmed: status === 'confirmed' } : {}),
        ...(cameraId !== null ? { cameraIds: [cameraId] } : {}),
      }),
    60,
    ['individuals'],
  );
  const [selected, setSelected] = useState<ReadonlyMap<number, IndividualSummary>>(new Map());
  const toggle = (i: IndividualSummary) =>
    setSelected((cur) => {
      const next = new Map(cur);
      if (!next.delete(i.id)) next.set(i.id, i);
      return next;
    });
  const open = (i: IndividualSummary) => {
    if (compareWith !== null && i.id !== compareWith) navigate({ view: 'compare', a: compareWith, b: i.id });
    else navigate({ view: 'deer-profile', individualId: i.id });
  };
  const narrowed = q !== '' || status !== 'all' || cameraId !== null;
  const [picking, setPicking] = useState<Picked[] | null>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 's' || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      const chosen = selected.size > 0 ? [...selected.values()] : [focusedCard()].filter((c): c is Picked => !!c);
      if (chosen.length === 0) return;
      e.preventDefault();
      setPicking(chosen);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selected]);
  const title = group === 'deer' ? 'Deer' : 'Other animals';

  return (
    <div className="view deer" data-testid={group === 'deer' ? 'view-deer' : 'view-others'}>
      <ViewHeader title={title} subtitle={list.total === null ? '…' : formatCount(list.total, 'individual')}>
        <div className="search">
          <Icon name="search" size={15} />
          <input
            type="search"
            placeholder="Search by name  ( / )"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-search
            aria-label="Search by name"
          />
        </div>
      </ViewHeader>
      <div className="filter-bar" role="toolbar" aria-label="Filters">
        <div className="segmented" role="radiogroup" aria-label="Status">
          {(['all', 'confirmed', 'provisional'] as const).map((s) => (
            <button
              key={s}
              type="button"
              role="radio"
              aria-checked={status === s}
              className={status === s ? 'seg on' : 'seg'}
              onClick={() => setStatus(s)}
            >
              {s === 'all' ? 'All' : s === 'confirmed' ? 'Confirmed' : 'Provisional'}
            </button>
          ))}
        </div>
        <CameraSelect value={cameraId} onChange={setCameraId} />
        <span className="grow" />
        <span className="muted small">
          <kbd>s</kbd> species of the {selected.size > 0 ? 'selection' : 'focused card'}
        </span>
        <select aria-label="Sort" value={sort} onChange={(e) => setSort(e.target.value as SortId)}>
          {SORTS.map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {compareWith !== null && (
        <p className="inline-note">
          Pick the individual to compare with #{compareWith}.{' '}
          <a
            href="#/deer"
            onClick={(e) => {
              e.preventDefault();
              navigate({ view: 'deer' });
            }}
          >
            Cancel
          </a>
        </p>
      )}
      {selected.size > 0 && (
        <MergeBar selected={selected} onDone={() => setSelected(new Map())} onSpecies={setPicking} />
      )}
      {picking && (
        <SpeciesPicker
          individuals={picking}
          onClose={(changed) => {
            setPicking(null);
            if (changed) setSelected(new Map());
          }}
        />
      )}
      <div className="view-body grid-body">
        <LoadingBar active={list.loading} />
        {list.total === 0 ? (
          narrowed ? (
            <EmptyState icon="search" title="No individual matches">
              Try another name, or show all individuals.
            </EmptyState>
          ) : group === 'other' ? (
            <EmptyState icon="layers" title="No other animals">
              Individuals of other species show here: the detector&rsquo;s non-deer labels, or any individual you set to
              another species with <kbd>s</kbd> in the Deer gallery or a profile.
            </EmptyState>
          ) : (
            <EmptyState
              icon="deer"
              title="No individuals yet"
              action={
                <button type="button" className="btn primary" onClick={() => navigate({ view: 'import' })}>
                  Import photos
                </button>
              }
            >
              After an import, each deer seen in a visit becomes a provisional individual. Review the &ldquo;same
              deer?&rdquo; suggestions to merge them into the animals you know.
            </EmptyState>
          )
        ) : (
          <PagedGrid
            key={key}
            list={list}
            what="individuals"
            minCellWidth={200}
            cellHeight={(w) => Math.round(w * 0.75) + 112}
            gap={12}
            renderItem={(i, focused) => (
              <IndividualCard
                individual={i}
                cameraNames={cameraNames}
                focused={focused}
                selected={i ? selected.has(i.id) : false}
              />
            )}
            onOpen={open}
            onToggle={toggle}
            openOnClick
            label="Individuals"
          />
        )}
      </div>
    </div>
  );
}
