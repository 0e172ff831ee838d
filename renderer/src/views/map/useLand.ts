// Natural Earth country outlines (world-atlas, 1:50m), shipped with the app and fetched from it: the map needs no
// tile server. Loaded once per window, on the first map shown.
import { feature, mesh } from 'topojson-client';
import { useEffect, useState } from 'react';
import type { FeatureCollection, MultiLineString } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';

export interface Land {
  countries: FeatureCollection;
  borders: MultiLineString;
}

let loading: Promise<Land> | null = null;

function loadLand(): Promise<Land> {
  loading ??= fetch(countriesUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`map outlines: HTTP ${r.status}`);
      return r.json() as Promise<Topology<{ countries: GeometryCollection }>>;
    })
    .then((world) => ({
      countries: feature(world, world.objects.countries) as FeatureCollection,
      borders: mesh(world, world.objects.countries, (a, b) => a !== b),
    }));
  loading.catch(() => (loading = null));
  return loading;
}

export function useLand(): { land: Land | null; error: string | null } {
  const [state, setState] = useState<{ land: Land | null; error: string | null }>({ land: null, error: null });
  useEffect(() => {
    let live = true;
    loadLand().then(
      (land) => live && setState({ land, error: null }),
      (e: Error) => live && setState({ land: null, error: e.message }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
