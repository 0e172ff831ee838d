// One side of the review desk: who the individual is, the full photo of the chosen sighting (zoomable, its box
// highlighted) and a filmstrip of its sightings, best first; a click on the strip shows that sighting's photo.
import { useMemo, useState } from 'react';
import type { IndividualSummary, SexAgeClass } from '../../../../core/contract/entities';
import { Skeleton } from '../../components/States';
import { Thumb } from '../../components/Thumb';
import { useQuery } from '../../data/useQuery';
import { DEFAULT_FILTERS } from '../../lib/filters';
import { formatCount, formatLocal } from '../../lib/format';
import type { LinkedView } from '../../lib/linkedView';
import { SEX_AGE_KEYS, sexAgeText } from '../../lib/sexAgeKeys';
import { navigate } from '../../store/nav';
import { ZoomPane } from '../viewer/ZoomPane';
import { bestFirst } from './bestFirst';

/** Sightings fetched per side: enough for any filmstrip a person scrolls; the best are sorted out of them. */
export const SIGHTINGS_PER_SIDE = 200;

const noop = () => undefined;

export interface DeskSideProps {
  individual: IndividualSummary;
  role: 'query' | 'candidate';
  active: boolean;
  onActivate: () => void;
  cameraNames: Map<number, string>;
  command: { key: '+' | '-' | '0'; seq: number } | null;
  link: LinkedView | null;
  onView?: (view: LinkedView) => void;
  onSexAge: (individual: IndividualSummary, sexAge: SexAgeClass) => void;
}

export function DeskSide({
  individual,
  role,
  active,
  onActivate,
  cameraNames,
  command,
  link,
  onView,
  onSexAge,
}: DeskSideProps) {
  const crops = useQuery(
    `review-sightings-${individual.id}`,
    (api) => api.call('individuals.crops', { id: individual.id, offset: 0, limit: SIGHTINGS_PER_SIDE }),
    ['individuals', 'detections'],
  );
  const sightings = useMemo(
    () => bestFirst(crops.data?.items ?? [], individual.coverDetectionId),
    [crops.data, individual.coverDetectionId],
  );
  const [chosenId, setChosenId] = useState<number | null>(null);
  const shown = sightings.find((c) => c.detectionId === chosenId) ?? sightings[0] ?? null;
  const photo = useQuery(
    `photo-${shown?.imageId ?? 0}`,
    (api) => (shown ? api.call('photos.get', { id: shown.imageId }) : Promise.resolve(null)),
    ['detections', 'individuals'],
  );
  const p = photo.data;
  const image = useMemo(
    () => (p?.width && p.height ? { width: p.width, height: p.height } : null),
    [p?.width, p?.height],
  );
  const detection = p?.detectionList.find((d) => d.id === shown?.detectionId) ?? null;
  const cams = individual.cameraIds.map((c) => cameraNames.get(c) ?? `#${c}`);

  return (
    <section
      className={`desk-side${active ? ' active' : ''}`}
      aria-label={`${role}: ${individual.name}`}
      data-testid={`review-${role}`}
      data-individual-id={individual.id}
      onPointerDown={onActivate}
    >
      <header className="desk-head">
        <div className="desk-title">
          <span className="desk-role">{role === 'query' ? 'This deer' : 'Candidate'}</span>
          <h2>
            <a
              href={`#/deer/${individual.id}`}
              onClick={(e) => {
                e.preventDefault();
                navigate({ view: 'deer-profile', individualId: individual.id });
              }}
            >
              {individual.name}
            </a>
          </h2>
          <span className={individual.confirmed ? 'badge accent' : 'badge provisional'}>
            {individual.confirmed ? 'confirmed' : 'provisional'}
          </span>
        </div>
        <p className="muted small ellipsis">
          {formatCount(individual.detectionCount, 'sighting')} · {formatLocal(individual.firstSeen, false)} →{' '}
          {formatLocal(individual.lastSeen, false)} · {cams.join(', ') || 'no camera'}
        </p>
        <div className="segmented small" role="radiogroup" aria-label={`${individual.name}: sex and age`}>
          {Object.entries(SEX_AGE_KEYS).map(([key, value]) => (
            <button
              key={value}
              type="button"
              role="radio"
              aria-checked={individual.sexAge === value}
              className={individual.sexAge === value ? 'seg on' : 'seg'}
              title={key === 'u' ? value : `${value} (${key})`}
              onClick={() => onSexAge(individual, value)}
              data-testid={`${role}-sexage-${value}`}
            >
              {value}
            </button>
          ))}
        </div>
      </header>
      <div className="desk-photo" data-testid={`${role}-photo`} title={sexAgeText(individual.sexAge)}>
        {p && image && detection ? (
          <ZoomPane
            key={p.id}
            photoId={p.id}
            image={image}
            detections={[detection]}
            selectedId={detection.id}
            onSelect={noop}
            onStep={noop}
            keyboard={false}
            focusBox={detection.box}
            command={command}
            link={link}
            onView={onView}
          />
        ) : (
          <Skeleton height={320} />
        )}
      </div>
      <ol className="desk-strip" aria-label={`${individual.name}: sightings, best first`}>
        {sightings.map((c) => (
          <li key={c.detectionId} className={c.detectionId === shown?.detectionId ? 'current' : ''}>
            <button
              type="button"
              title={`${formatLocal(c.takenAt)}${c.cameraId ? ` · ${cameraNames.get(c.cameraId) ?? ''}` : ''}`}
              onClick={() => setChosenId(c.detectionId)}
              onDoubleClick={() => navigate({ view: 'viewer', imageId: c.imageId, filters: { ...DEFAULT_FILTERS } })}
            >
              <Thumb
                media={{ kind: 'crop', id: c.detectionId }}
                alt={`${individual.name}, ${formatLocal(c.takenAt)}`}
              />
            </button>
          </li>
        ))}
        {crops.data && crops.data.total > sightings.length && (
          <li className="muted small desk-more">+{crops.data.total - sightings.length} more in the profile</li>
        )}
      </ol>
    </section>
  );
}
