// The one syntax for a camera clock's UTC offset, everywhere (CLI flags, the contract, the renderer, exports,
// the database's cameras.utc_offset): a sign, two-digit hours and minutes, "+02:00", "-05:00", "+05:45". Real offsets
// run from -12:00 to +14:00. "Z" is refused: "+00:00" says the same thing in the one form.
import { z } from 'zod';

const SYNTAX = /^([+-])(\d{2}):([0-5]\d)$/;
const MIN_MINUTES = -12 * 60;
const MAX_MINUTES = 14 * 60;

/** What a person is told when an offset does not parse. */
export const UTC_OFFSET_HINT = 'a UTC offset looks like +02:00 or -05:00 (from -12:00 to +14:00)';

/** Minutes east of UTC ("+05:45" gives 345, "-03:30" gives -210), or null when the text is not an offset. */
export function parseUtcOffset(text: string): number | null {
  const m = SYNTAX.exec(text);
  if (!m) return null;
  const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return minutes >= MIN_MINUTES && minutes <= MAX_MINUTES ? minutes : null;
}

/** The offset's text for minutes east of UTC (345 gives "+05:45", 0 gives "+00:00"). */
export function formatUtcOffset(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
    throw new RangeError(`${minutes} minutes is not a UTC offset (${UTC_OFFSET_HINT})`);
  }
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export const isUtcOffset = (text: string): boolean => parseUtcOffset(text) !== null;

export const utcOffsetSchema = z.string().refine(isUtcOffset, { message: UTC_OFFSET_HINT });

/** The whole-hour offsets, -12:00 to +14:00, for a picker. */
export const WHOLE_HOUR_UTC_OFFSETS: readonly string[] = Array.from({ length: 27 }, (_, i) =>
  formatUtcOffset((i - 12) * 60),
);

/** Camera-local wall-clock time plus its offset, as ISO 8601 with a zone ("2014-06-19T11:12:06+01:00"). */
export const zonedTime = (localTime: string, utcOffset: string): string => `${localTime.slice(0, 19)}${utcOffset}`;
