// A lazily loaded image from the media route, with a neutral placeholder while it loads and a note if it cannot.
import { useState } from 'react';
import type { MediaRef } from '../../../core/contract/media';
import { useApi } from '../data/apiContext';

export function Thumb({ media, alt, className }: { media: MediaRef; alt: string; className?: string }) {
  const api = useApi();
  const [state, setState] = useState<'loading' | 'ok' | 'error'>('loading');
  return (
    <div className={`thumb ${state} ${className ?? ''}`}>
      {state === 'error' ? (
        <span className="thumb-missing">no preview</span>
      ) : (
        <img
          src={api.mediaUrl(media)}
          alt={alt}
          loading="lazy"
          decoding="async"
          draggable={false}
          onLoad={() => setState('ok')}
          onError={() => setState('error')}
        />
      )}
    </div>
  );
}
