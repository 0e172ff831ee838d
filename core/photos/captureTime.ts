// Capture time: camera-local wall-clock as the camera wrote it. Never "now", never the file's modified time:
// a photo without a trustworthy time is flagged instead of guessed.
import type { TimeSource } from '../db/schema';

export interface LocalTime {
  /** ISO 8601 without zone, e.g. "2014-06-19T11:12:06". */
  iso: string;
  year: number;
}

export interface CaptureTime {
  takenAt: string | null;
  source: TimeSource | null;
  /** Why the time is unknown or not from EXIF; null when EXIF gave a plausible time. */
  note: string | null;
}

const FIRST_PLAUSIBLE_YEAR = 1995;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function localTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): LocalTime | null {
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const valid =
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day &&
    probe.getUTCHours() === hour &&
    probe.getUTCMinutes() === minute &&
    probe.getUTCSeconds() === second;
  if (!valid) return null;
  return { iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`, year };
}

/** EXIF readers hand back a Date whose UTC fields hold the wall-clock digits as written; read them back as such. */
export function localTimeFromExifDate(value: unknown): LocalTime | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return localTime(
      value.getUTCFullYear(),
      value.getUTCMonth() + 1,
      value.getUTCDate(),
      value.getUTCHours(),
      value.getUTCMinutes(),
      value.getUTCSeconds(),
    );
  }
  if (typeof value === 'string') {
    const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
    if (m) return localTime(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  }
  return null;
}

// e.g. IMG_20231104_061522.jpg, 2023-11-04 06-15-22.jpg, RCNX_2023_11_04_06_15_22.JPG, 20231104061522.jpg
const FILE_NAME_TIME =
  /(?<!\d)((?:19|20)\d{2})[-_.]?(\d{2})[-_.]?(\d{2})[ T_-]?(\d{2})[-_.:]?(\d{2})[-_.:]?(\d{2})(?!\d)/;

export function localTimeFromFileName(fileName: string): LocalTime | null {
  const m = FILE_NAME_TIME.exec(fileName);
  return m ? localTime(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : null;
}

function isPlausible(time: LocalTime, now: Date = new Date()): boolean {
  return time.year >= FIRST_PLAUSIBLE_YEAR && time.year <= now.getUTCFullYear() + 1;
}

/** Picks the capture time: EXIF DateTimeOriginal, else a timestamp in the file name, else unknown (flagged). */
export function chooseCaptureTime(exifValue: unknown, fileName: string, now: Date = new Date()): CaptureTime {
  const exif = localTimeFromExifDate(exifValue);
  let note: string | null;
  if (exif && isPlausible(exif, now)) return { takenAt: exif.iso, source: 'exif', note: null };
  if (exif) note = `EXIF date ${exif.iso} is implausible`;
  else if (exifValue !== undefined && exifValue !== null) note = 'EXIF date is unreadable';
  else note = 'no EXIF date';
  const fromName = localTimeFromFileName(fileName);
  if (fromName && isPlausible(fromName, now)) return { takenAt: fromName.iso, source: 'filename', note };
  return { takenAt: null, source: null, note: `${note}; no timestamp in the file name: time unknown` };
}
