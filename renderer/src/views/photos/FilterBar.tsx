// Filters above the grid. Every change writes the URL (replace, not push: a filter tweak is not a page to go back to).
import { useEffect, useState } from 'react';
import { DateRangeInputs } from '../../components/FilterInputs';
import { Icon } from '../../components/Icon';
import { useQuery } from '../../data/useQuery';
import {
  activeFilterCount,
  CATEGORY_FILTERS,
  clearFilters,
  setDateRange,
  SORT_LABELS,
  SORTS,
  toggleCamera,
  type ContentFilter,
  type PhotoFilters,
  type Sort,
} from '../../lib/filters';

const CONTENT: { id: ContentFilter; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'nonEmpty', label: 'Detections' },
  { id: 'empty', label: 'Empty' },
  { id: 'failed', label: 'Failed' },
];

function CameraMenu({ filters, onChange }: { filters: PhotoFilters; onChange: (f: PhotoFilters) => void }) {
  const cameras = useQuery('cameras', (api) => api.call('cameras.list', {}), ['cameras']);
  const [open, setOpen] = useState(false);
  // Esc closes the menu (and only the menu: the grid's own Esc handling must not see it).
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      setOpen(false);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open]);
  const n = filters.cameraIds.length;
  const label =
    n === 0
      ? 'All cameras'
      : n === 1
        ? (cameras.data?.find((c) => c.id === filters.cameraIds[0])?.name ?? '1 camera')
        : `${n} cameras`;
  return (
    <div className="menu-wrap">
      <button
        type="button"
        className={n ? 'btn filter-btn on' : 'btn filter-btn'}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="camera-filter"
      >
        <Icon name="camera" size={15} /> {label}
      </button>
      {open && (
        <div className="menu" role="menu" onMouseLeave={() => setOpen(false)}>
          {cameras.error && <p className="inline-error small">{cameras.error.message}</p>}
          {cameras.data?.length === 0 && <p className="muted small">No cameras yet.</p>}
          {cameras.data?.map((c) => (
            <label
              key={c.id}
              className="menu-item"
              role="menuitemcheckbox"
              aria-checked={filters.cameraIds.includes(c.id)}
            >
              <input
                type="checkbox"
                checked={filters.cameraIds.includes(c.id)}
                onChange={() => onChange(toggleCamera(filters, c.id))}
              />
              <span className="grow">{c.name}</span>
              <span className="muted small tabular">{c.photos.toLocaleString()}</span>
            </label>
          ))}
        </div>
      )}
    </div>
  );
}

function IndividualChip({ id, onClear }: { id: number; onClear: () => void }) {
  const ind = useQuery(`individual-${id}`, (api) => api.call('individuals.get', { id }), ['individuals']);
  return (
    <span className="chip on">
      <Icon name="deer" size={13} /> {ind.data?.name ?? `#${id}`}
      <button type="button" className="chip-x" aria-label="Show every individual" onClick={onClear}>
        <Icon name="close" size={12} />
      </button>
    </span>
  );
}

export function FilterBar({ filters, onChange }: { filters: PhotoFilters; onChange: (f: PhotoFilters) => void }) {
  const active = activeFilterCount(filters);
  return (
    <div className="filter-bar" role="toolbar" aria-label="Filters">
      <CameraMenu filters={filters} onChange={onChange} />
      <DateRangeInputs
        from={filters.from}
        to={filters.to}
        onChange={(from, to) => onChange(setDateRange(filters, from, to))}
      />
      <select
        aria-label="Category"
        value={filters.category ?? ''}
        onChange={(e) => onChange({ ...filters, category: (e.target.value || null) as PhotoFilters['category'] })}
        data-testid="category-filter"
      >
        <option value="">Any category</option>
        {CATEGORY_FILTERS.map((c) => (
          <option key={c} value={c}>
            {c === 'animal' ? 'Animals' : c === 'person' ? 'People' : 'Vehicles'}
          </option>
        ))}
      </select>
      <div className="segmented" role="radiogroup" aria-label="Content">
        {CONTENT.map((c) => (
          <button
            key={c.id}
            type="button"
            role="radio"
            aria-checked={filters.content === c.id}
            className={filters.content === c.id ? 'seg on' : 'seg'}
            onClick={() => onChange({ ...filters, content: c.id })}
          >
            {c.label}
          </button>
        ))}
      </div>
      <label className="check">
        <input
          type="checkbox"
          title="Photos of individuals with suggestions waiting for review"
          checked={filters.unreviewed}
          onChange={(e) => onChange({ ...filters, unreviewed: e.target.checked })}
        />{' '}
        Unreviewed
      </label>
      {filters.individualId !== null && (
        <IndividualChip id={filters.individualId} onClear={() => onChange({ ...filters, individualId: null })} />
      )}
      {active > 0 && (
        <button type="button" className="btn ghost small" onClick={() => onChange(clearFilters(filters))}>
          Clear {active}
        </button>
      )}
    </div>
  );
}

/** Grouping and sort, in the view's header: with the filters they would not fit one line at 1440 px. */
export function SortControls({ filters, onChange }: { filters: PhotoFilters; onChange: (f: PhotoFilters) => void }) {
  return (
    <div className="sort-controls">
      <label className="check">
        <input
          type="checkbox"
          checked={filters.groupBySequence}
          onChange={(e) => onChange({ ...filters, groupBySequence: e.target.checked })}
        />{' '}
        Group by visit
      </label>
      <select
        aria-label="Sort"
        value={filters.groupBySequence && filters.sort !== 'oldest' ? 'newest' : filters.sort}
        onChange={(e) => onChange({ ...filters, sort: e.target.value as Sort })}
      >
        {/* Visits sort by time only. */}
        {(filters.groupBySequence ? (['newest', 'oldest'] as const) : SORTS).map((s) => (
          <option key={s} value={s}>
            {SORT_LABELS[s]}
          </option>
        ))}
      </select>
    </div>
  );
}
