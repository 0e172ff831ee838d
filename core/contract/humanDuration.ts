// A span of time as a person says it ("45 s", "10 min", "5 h", "3 days", "2 months", "1 year 3 months"): shared by
// the renderer, the services' reasons and the command line, so no screen shows "0.2 years" or "25131680 s".

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
const MONTH = 30.44 * DAY;
const YEAR = 365.25 * DAY;

const unit = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

export function humanDuration(seconds: number): string {
  const s = Math.abs(seconds);
  if (s < 2 * MINUTE) return `${Math.round(s)} s`;
  if (s < 2 * HOUR) return `${Math.round(s / MINUTE)} min`;
  if (s < 2 * DAY) return `${Math.round(s / HOUR)} h`;
  if (s < 60 * DAY) return unit(Math.round(s / DAY), 'day');
  if (s < YEAR) return unit(Math.round(s / MONTH), 'month');
  const years = Math.floor(s / YEAR);
  const months = Math.round((s - years * YEAR) / MONTH);
  if (months === 12) return unit(years + 1, 'year');
  return months === 0 ? unit(years, 'year') : `${unit(years, 'year')} ${unit(months, 'month')}`;
}
