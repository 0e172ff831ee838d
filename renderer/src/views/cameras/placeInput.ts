// What a person typed for a camera's place and clock, checked with the contract's own rules before it is sent:
// empty means "not set", anything else must be a number in range or an offset like +02:00.
import { latitudeSchema, longitudeSchema } from '../../../../core/contract/cameras';
import { isUtcOffset, UTC_OFFSET_HINT } from '../../../../core/contract/utcOffset';

export interface PlaceDraft {
  latitude: string;
  longitude: string;
  utcOffset: string;
}

export type PlaceValues = { latitude: number | null; longitude: number | null; utcOffset: string | null };

/** The values to store, or the first problem in words. */
export function checkPlace(d: PlaceDraft): { values: PlaceValues } | { error: string } {
  const lat = d.latitude.trim();
  const lon = d.longitude.trim();
  if ((lat === '') !== (lon === '')) return { error: 'give latitude and longitude together' };
  let latitude: number | null = null;
  let longitude: number | null = null;
  if (lat !== '') {
    const la = latitudeSchema.safeParse(Number(lat.replace(',', '.')));
    if (!la.success || !/^[-+]?\d+([.,]\d+)?$/.test(lat))
      return { error: `latitude must be between -90 and 90 degrees, not "${lat}"` };
    const lo = longitudeSchema.safeParse(Number(lon.replace(',', '.')));
    if (!lo.success || !/^[-+]?\d+([.,]\d+)?$/.test(lon))
      return { error: `longitude must be between -180 and 180 degrees, not "${lon}"` };
    latitude = la.data;
    longitude = lo.data;
  }
  const offset = d.utcOffset.trim();
  if (offset !== '' && !isUtcOffset(offset)) return { error: `${UTC_OFFSET_HINT}, not "${offset}"` };
  return { values: { latitude, longitude, utcOffset: offset === '' ? null : offset } };
}

export const draftOf = (c: {
  latitude: number | null;
  longitude: number | null;
  utcOffset: string | null;
}): PlaceDraft => ({
  latitude: c.latitude === null ? '' : String(c.latitude),
  longitude: c.longitude === null ? '' : String(c.longitude),
  utcOffset: c.utcOffset ?? '',
});
