// The photo's visit as a strip of thumbnails; the current one is highlighted and kept in view.
import { useEffect, useRef } from 'react';
import { Thumb } from '../../components/Thumb';

export function Filmstrip({
  photoIds,
  currentId,
  onOpen,
}: {
  photoIds: number[];
  currentId: number;
  onOpen: (id: number) => void;
}) {
  const ref = useRef<HTMLOListElement>(null);
  useEffect(() => {
    ref.current?.querySelector('.current')?.scrollIntoView({ block: 'nearest', inline: 'center' });
  }, [currentId]);
  if (photoIds.length <= 1) return null;
  return (
    <ol ref={ref} className="filmstrip" aria-label="Photos of this visit" data-testid="filmstrip">
      {photoIds.map((id, i) => (
        <li key={id} className={id === currentId ? 'current' : undefined}>
          <button
            type="button"
            onClick={() => onOpen(id)}
            aria-label={`Frame ${i + 1} of ${photoIds.length}`}
            aria-current={id === currentId ? 'true' : undefined}
          >
            <Thumb media={{ kind: 'thumbnail', id }} alt="" />
            <span className="frame-no">{i + 1}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
