// Online map tiles, off until the user turns them on (the map works offline without them). The choice is remembered
// in this window's storage. The tile host is also named in the CSP's img-src (core/services/csp.ts, index.html).
import { useCallback, useState } from 'react';

export const TILE_HOST = 'https://tile.openstreetmap.org';
export const tileUrl = (z: number, x: number, y: number) => `${TILE_HOST}/${z}/${x}/${y}.png`;
export const TILE_ATTRIBUTION = '© OpenStreetMap contributors';

const KEY = 'thumper.map.onlineTiles';

export function useOnlineTiles(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => localStorage.getItem(KEY) === 'on');
  const set = useCallback((value: boolean) => {
    localStorage.setItem(KEY, value ? 'on' : 'off');
    setOn(value);
  }, []);
  return [on, set];
}
