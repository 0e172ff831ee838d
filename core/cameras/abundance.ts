// Relative abundance index (RAI): independent detections per 100 trap-nights. A photo with an animal is an
// independent detection when the camera saw no animal in the `independenceMinutes` before it (30 by default, the
// usual camera-trap convention); trap-nights run from the camera's first deployment (or first photo) to its last photo.
// Times are camera-local wall-clock strings: differences within one camera need no zone.

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

const ms = (localTime: string) => Date.parse(`${localTime.slice(0, 19)}Z`);

/** Independent detections among one camera's animal photo times (any order). */
export function independentDetections(animalTimes: readonly string[], independenceMinutes: number): number {
  const sorted = animalTimes.map(ms).sort((a, b) => a - b);
  let count = 0;
  let last = -Infinity;
  for (const t of sorted) {
    if (t - last > independenceMinutes * MS_PER_MINUTE) count++;
    last = t;
  }
  return count;
}

/** Days between the camera's start (its first deployment or photo, whichever is earlier) and its last photo. */
export function trapNights(
  photoRange: { first: string | null; last: string | null },
  deploymentStarts: string[],
): number {
  if (photoRange.last === null) return 0;
  const starts = [photoRange.first, ...deploymentStarts].filter((t): t is string => t !== null).map(ms);
  const days = (ms(photoRange.last) - Math.min(...starts)) / MS_PER_DAY;
  return Math.max(0, Math.round(days * 100) / 100);
}

/** Independent detections per 100 trap-nights, or null when the camera has not run a whole night. */
export function relativeAbundance(independent: number, nights: number): number | null {
  return nights >= 1 ? Math.round((independent / nights) * 100 * 100) / 100 : null;
}
