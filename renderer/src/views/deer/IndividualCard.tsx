// A card per individual: cover crop, name, sex/age (the species for other animals), sightings, first/last seen, cameras; provisional ones are marked.
import { memo } from 'react';
import { DEER, type IndividualSummary } from '../../../../core/contract/entities';
import { Thumb } from '../../components/Thumb';
import { formatCount, formatLocal } from '../../lib/format';
import { sexAgeText } from '../../lib/sexAgeKeys';

export const IndividualCard = memo(function IndividualCard({
  individual: i,
  cameraNames,
  focused,
  selected,
}: {
  individual: IndividualSummary | undefined;
  cameraNames: Map<number, string>;
  focused: boolean;
  selected: boolean;
}) {
  if (!i) return <div className="card placeholder" aria-busy="true" />;
  const cams = i.cameraIds.map((c) => cameraNames.get(c) ?? `#${c}`);
  return (
    <article
      className={`card deer-card${focused ? ' focused' : ''}${selected ? ' selected' : ''}${i.confirmed ? ' confirmed' : ' provisional'}`}
      data-individual-id={i.id}
      data-species={i.species}
      aria-label={i.name}
      aria-selected={selected}
    >
      <div className="card-cover">
        {i.coverDetectionId ? (
          <Thumb media={{ kind: 'crop', id: i.coverDetectionId }} alt={`${i.name}`} />
        ) : (
          <div className="thumb" />
        )}
        <span className={i.confirmed ? 'badge accent' : 'badge provisional'}>
          {i.confirmed ? 'confirmed' : 'provisional'}
        </span>
        {i.pendingSuggestions > 0 && <span className="badge attention corner">{i.pendingSuggestions} to review</span>}
      </div>
      <div className="card-body">
        <h3 className="card-title ellipsis">{i.name}</h3>
        <p className="muted small">{i.species === DEER ? sexAgeText(i.sexAge) : i.species}</p>
        <p className="small">
          <strong className="tabular">{formatCount(i.detectionCount, 'sighting')}</strong>
        </p>
        <p className="muted small tabular">
          {formatLocal(i.firstSeen, false)} → {formatLocal(i.lastSeen, false)}
        </p>
        <p className="muted small ellipsis" title={cams.join(', ')}>
          {cams.length ? cams.join(', ') : 'no camera'}
        </p>
      </div>
    </article>
  );
});
