// A clip's capture time, camera-local wall-clock like a photo's: the container's creation time (trail cameras write
// their local clock there, marked UTC or not: the digits are kept as they are, never shifted), else a date and time
// in the file name, else unknown with the reason. Never "now", never the file's modified time.
import type { TimeSource } from '../../contract/entities';
export interface ClipTime {
  takenAt: string | null;
  /** Where the time came from: the container's tags, or the file's name. */
  source: Extract<TimeSource, 'container' | 'filename'> | null;
  /** Why there is no time, for a person. */
  reason: string | null;
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})/;
// An AVI's IDIT chunk as cameras write it: "Tue Feb 03 18:57:01 2015".
const IDIT = /^[A-Za-z]{3}\s+([A-Za-z]{3})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+(\d{4})/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// 20150203_071244, 2015-02-03 07.12.44, IMG_20150203-071244 ...
const IN_NAME = /(19|20)(\d{2})[-_.]?(\d{2})[-_.]?(\d{2})[-_. T]?(\d{2})[-_.:]?(\d{2})[-_.:]?(\d{2})/;

function plausible(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  return y >= 1990 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h < 24 && mi < 60 && s < 60;
}

const iso = (p: number[]) =>
  `${p[0]}-${String(p[1]).padStart(2, '0')}-${String(p[2]).padStart(2, '0')}T${p
    .slice(3)
    .map((n) => String(n).padStart(2, '0'))
    .join(':')}`;

export function clipCaptureTime(creationTime: string | null | undefined, fileName: string): ClipTime {
  const tagged = WALL_CLOCK.exec(creationTime ?? '');
  const idit = IDIT.exec(creationTime ?? '');
  const fromTag = tagged
    ? tagged.slice(1).map(Number)
    : idit
      ? [Number(idit[6]), MONTHS.indexOf(idit[1]!.toLowerCase()) + 1, ...idit.slice(2, 6).map(Number)]
      : null;
  if (fromTag) {
    const parts = fromTag;
    // MP4's epoch (1904) or a camera that never had its clock set is no time.
    if (plausible(...(parts as [number, number, number, number, number, number])))
      return { takenAt: iso(parts), source: 'container', reason: null };
  }
  const named = IN_NAME.exec(fileName);
  if (named) {
    const parts = [Number(named[1]! + named[2]!), ...named.slice(3).map(Number)];
    if (plausible(...(parts as [number, number, number, number, number, number])))
      return { takenAt: iso(parts), source: 'filename', reason: null };
  }
  return {
    takenAt: null,
    source: null,
    reason: creationTime
      ? `the clip's creation time (${creationTime}) is not a real date, and its name holds none`
      : 'the clip records no creation time, and its name holds no date',
  };
}

/** A camera-local time `ms` later (a frame in its clip, a clip's end); fractions of a second kept when present. */
export function addMillis(localTime: string | null, ms: number): string | null {
  if (!localTime) return null;
  const t = new Date(`${localTime.slice(0, 19)}Z`);
  t.setTime(t.getTime() + ms);
  const iso = t.toISOString();
  return ms % 1000 === 0 ? iso.slice(0, 19) : iso.slice(0, 23);
}
