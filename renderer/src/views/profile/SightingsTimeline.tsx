// Sightings over time: a strip with one mark per visit (spacing shows the gaps), then the list with links into the
// viewer.
import type { IndividualDetail } from '../../../../core/contract/entities';
import { formatCount, formatLocal } from '../../lib/format';
import { DEFAULT_FILTERS } from '../../lib/filters';
import { navigate } from '../../store/nav';

type Sighting = IndividualDetail['sightings'][number];

/** Position of each dated sighting along the strip, 0-1; undated ones are left out. */
export function timelinePositions(sightings: Sighting[]): { s: Sighting; at: number }[] {
  const dated = sightings
    .filter((s) => s.start)
    .map((s) => ({ s, t: Date.parse(`${s.start!.includes('T') ? s.start : `${s.start}T00:00:00`}Z`) }));
  if (dated.length === 0) return [];
  const min = Math.min(...dated.map((d) => d.t));
  const max = Math.max(...dated.map((d) => d.t));
  return dated.map((d) => ({ s: d.s, at: max === min ? 0.5 : (d.t - min) / (max - min) }));
}

const SHOWN = 200;

export function SightingsTimeline({
  sightings,
  cameraNames,
}: {
  sightings: Sighting[];
  cameraNames: Map<number, string>;
}) {
  const marks = timelinePositions(sightings);
  const open = (photoId: number) => navigate({ view: 'viewer', imageId: photoId, filters: DEFAULT_FILTERS });
  return (
    <div className="timeline">
      {marks.length > 0 && (
        <svg
          className="timeline-strip"
          viewBox="0 0 1000 28"
          preserveAspectRatio="none"
          role="img"
          aria-label="Sightings over time"
        >
          <line x1={0} x2={1000} y1={14} y2={14} className="chart-axis" />
          {marks.map(({ s, at }, i) => (
            <circle
              key={`${s.sequenceId}-${i}`}
              cx={6 + at * 988}
              cy={14}
              r={5}
              className="timeline-dot"
              onClick={() => open(s.photoId)}
            >
              <title>{`${formatLocal(s.start)} · ${s.cameraId ? (cameraNames.get(s.cameraId) ?? '') : ''} · ${s.detections} detections`}</title>
            </circle>
          ))}
        </svg>
      )}
      {marks.length > 0 && (
        <div className="timeline-ends muted small tabular">
          <span>{formatLocal(marks.reduce((a, b) => (a.at <= b.at ? a : b)).s.start, false)}</span>
          <span>{formatLocal(marks.reduce((a, b) => (a.at >= b.at ? a : b)).s.start, false)}</span>
        </div>
      )}
      <ol className="sightings">
        {sightings.slice(0, SHOWN).map((s, i) => (
          <li key={`${s.sequenceId}-${i}`}>
            <a
              href={`#/photo/${s.photoId}`}
              onClick={(e) => {
                e.preventDefault();
                open(s.photoId);
              }}
            >
              <span className="tabular">{formatLocal(s.start)}</span>
              <span className="muted">
                {s.cameraId ? (cameraNames.get(s.cameraId) ?? `camera #${s.cameraId}`) : 'unknown camera'}
              </span>
              <span className="muted tabular">{formatCount(s.detections, 'frame')}</span>
            </a>
          </li>
        ))}
      </ol>
      {sightings.length > SHOWN && <p className="muted small">and {sightings.length - SHOWN} earlier visits…</p>}
    </div>
  );
}
