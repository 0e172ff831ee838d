// Filter inputs shared by the views: one camera, and a local date range.
import { useQuery } from '../data/useQuery';

export function CameraSelect({
  value,
  onChange,
}: {
  value: number | null;
  onChange: (cameraId: number | null) => void;
}) {
  const cameras = useQuery('cameras', (api) => api.call('cameras.list', {}), ['cameras']);
  return (
    <select
      aria-label="Camera"
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
    >
      <option value="">All cameras</option>
      {cameras.data?.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

/** Two date fields (camera-local days, YYYY-MM-DD); an empty field is null. */
export function DateRangeInputs({
  from,
  to,
  onChange,
}: {
  from: string | null;
  to: string | null;
  onChange: (from: string | null, to: string | null) => void;
}) {
  return (
    <div className="date-range">
      <input
        type="date"
        aria-label="From date"
        value={from ?? ''}
        onChange={(e) => onChange(e.target.value || null, to)}
      />
      <span className="muted">–</span>
      <input
        type="date"
        aria-label="To date"
        value={to ?? ''}
        onChange={(e) => onChange(from, e.target.value || null)}
      />
    </div>
  );
}
