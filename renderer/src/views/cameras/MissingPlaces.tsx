// The Export view's list of cameras a Camtrap DP package cannot do without: each camera lacking coordinates or a UTC
// offset, with fields to fill in. The Export button saves them (cameras.update), then runs the export.
import type { CameraPlace } from '../../../../core/contract/cameras';
import { draftOf, type PlaceDraft } from './placeInput';
import './cameras.css';

export const needsPlace = (c: CameraPlace) => c.photos > 0 && (c.utcOffset === null || c.latitude === null);

export function MissingPlaces({
  cameras,
  drafts,
  onChange,
}: {
  cameras: CameraPlace[];
  drafts: Record<number, PlaceDraft>;
  onChange: (id: number, draft: PlaceDraft) => void;
}) {
  if (cameras.length === 0) return null;
  return (
    <div className="missing-places" data-testid="missing-places">
      <h3>
        {cameras.length} camera{cameras.length === 1 ? ' needs' : 's need'} a place and a UTC offset for Camtrap DP
      </h3>
      <table className="table compact">
        <thead>
          <tr>
            <th>Camera</th>
            <th>Latitude</th>
            <th>Longitude</th>
            <th>UTC offset</th>
          </tr>
        </thead>
        <tbody>
          {cameras.map((c) => {
            const d = drafts[c.id] ?? draftOf(c);
            const field = (k: keyof PlaceDraft, placeholder: string) => (
              <input
                value={d[k]}
                placeholder={placeholder}
                onChange={(e) => onChange(c.id, { ...d, [k]: e.target.value })}
                aria-label={`${c.name} ${k === 'utcOffset' ? 'UTC offset' : k}`}
              />
            );
            return (
              <tr key={c.id} data-testid="missing-place">
                <td>
                  <strong>{c.name}</strong>
                  <div className="muted small">{c.photos} photos</div>
                </td>
                <td>{field('latitude', '44.1234')}</td>
                <td>{field('longitude', '-73.5678')}</td>
                <td>{field('utcOffset', '-05:00')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
