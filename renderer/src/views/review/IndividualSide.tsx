// One side of a "same deer?" pair: the individual's facts and its best crops; a crop opens its photo.
import type { IndividualSummary } from '../../../../core/contract/entities';
import { Skeleton } from '../../components/States';
import { Thumb } from '../../components/Thumb';
import { useQuery } from '../../data/useQuery';
import { DEFAULT_FILTERS } from '../../lib/filters';
import { formatCount, formatLocal, sexAgeLabel } from '../../lib/format';
import { navigate } from '../../store/nav';

export const CROPS_PER_SIDE = 8;

export function IndividualSide({
  individual,
  role,
  cameraNames,
}: {
  individual: IndividualSummary;
  role: string;
  cameraNames: Map<number, string>;
}) {
  const crops = useQuery(
    `review-crops-${individual.id}`,
    (api) => api.call('individuals.crops', { id: individual.id, offset: 0, limit: CROPS_PER_SIDE }),
    ['individuals'],
  );
  const cams = individual.cameraIds.map((c) => cameraNames.get(c) ?? `#${c}`);
  return (
    <section className="pair-side panel" aria-label={`${role}: ${individual.name}`} data-testid={`review-${role}`}>
      <header className="pair-head">
        <span className="muted small">{role}</span>
        <h2>
          <a
            href={`#/deer/${individual.id}`}
            onClick={(e) => {
              e.preventDefault();
              navigate({ view: 'deer-profile', individualId: individual.id });
            }}
          >
            {individual.name}
          </a>{' '}
          <span className={individual.confirmed ? 'badge accent' : 'badge provisional'}>
            {individual.confirmed ? 'confirmed' : 'provisional'}
          </span>
        </h2>
        <p className="muted small">
          {sexAgeLabel(individual.sex, individual.ageClass)} · {formatCount(individual.detectionCount, 'sighting')} ·{' '}
          {formatLocal(individual.firstSeen, false)} → {formatLocal(individual.lastSeen, false)}
        </p>
        <p className="muted small ellipsis">{cams.join(', ') || 'no camera'}</p>
      </header>
      <div className="pair-crops">
        {crops.data
          ? crops.data.items.map((c) => (
              <button
                key={c.detectionId}
                type="button"
                className="pair-crop"
                title={`${formatLocal(c.takenAt)} · open the photo`}
                onClick={() => navigate({ view: 'viewer', imageId: c.imageId, filters: DEFAULT_FILTERS })}
              >
                <Thumb
                  media={{ kind: 'crop', id: c.detectionId }}
                  alt={`${individual.name}, ${formatLocal(c.takenAt)}`}
                />
              </button>
            ))
          : Array.from({ length: 4 }, (_, i) => <Skeleton key={i} height={140} />)}
      </div>
    </section>
  );
}
