// Display formatting. Photo times are camera-local wall-clock strings and are shown as written, never shifted.

export function formatLocal(iso: string | null | undefined, withTime = true): string {
  if (!iso) return 'unknown time';
  const [date, time] = iso.split('T');
  if (!withTime || !time) return date ?? iso;
  return `${date} ${time.slice(0, 5)}`;
}

export function formatDateRange(from: string | null | undefined, to: string | null | undefined): string {
  if (!from && !to) return 'no dates';
  const a = formatLocal(from, false);
  const b = formatLocal(to, false);
  return a === b ? a : `${a} – ${b}`;
}

export function formatCount(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v >= 100 || u === 0 ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}

export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const p = (part / whole) * 100;
  return `${p >= 10 || p === 0 ? Math.round(p) : p.toFixed(1)}%`;
}

/** Bookkeeping times (UTC ISO with Z) in the user's zone, short. */
export function formatWhen(isoUtc: string | null): string {
  if (!isoUtc) return '—';
  const d = new Date(isoUtc);
  return Number.isNaN(d.getTime()) ? isoUtc : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function sexAgeLabel(sex: string | null, ageClass: string | null): string {
  const parts = [sex, ageClass].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'sex/age unknown';
}
