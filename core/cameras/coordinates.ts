// Coordinates as people type them ("44.1,-73.2", "44.1 -73.2"), checked with a message that says what is wrong.
import { ApiError } from '../contract/errors';

const PAIR = /^\s*([-+]?\d+(?:\.\d+)?)\s*[,;\s]\s*([-+]?\d+(?:\.\d+)?)\s*$/;

export interface LatLon {
  latitude: number;
  longitude: number;
}

/** "LAT,LON" in decimal degrees; throws a readable invalid_args error for anything else or out of range. */
export function parseLatLon(text: string): LatLon {
  const m = PAIR.exec(text);
  if (!m) throw new ApiError('invalid_args', `a location is "LATITUDE,LONGITUDE" in decimal degrees, not "${text}"`);
  const latitude = Number(m[1]);
  const longitude = Number(m[2]);
  checkLatLon(latitude, longitude);
  return { latitude, longitude };
}

export function checkLatLon(latitude: number, longitude: number): void {
  if (!Number.isFinite(latitude) || Math.abs(latitude) > 90)
    throw new ApiError('invalid_args', `latitude must be between -90 and 90 degrees, not ${latitude}`);
  if (!Number.isFinite(longitude) || Math.abs(longitude) > 180)
    throw new ApiError('invalid_args', `longitude must be between -180 and 180 degrees, not ${longitude}`);
}
