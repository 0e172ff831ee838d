// The two charts shared by the dashboard and the deer profile: detections over time and by hour of day.
import { BarChart } from './BarChart';
import { binDays, type DayCount } from './scale';

const MAX_DAY_BINS = 90;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2015-02-03" -> "3 Feb 2015" (no Date: the day is a camera-local calendar day, never shifted). */
export function shortDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

export function DaysChart({ days, onDay }: { days: DayCount[]; onDay?: (from: string, to: string) => void }) {
  const bins = binDays(days, MAX_DAY_BINS);
  if (bins.length === 0) return <p className="muted small">No detections yet.</p>;
  const tickEvery = Math.max(1, Math.ceil(bins.length / 5));
  return (
    <BarChart
      label="Detections per day"
      bars={bins.map((b) => ({
        key: b.start,
        value: b.value,
        title: `${b.start === b.end ? b.start : `${b.start} – ${b.end}`}: ${b.value.toLocaleString()} detections`,
      }))}
      ticks={bins.flatMap((b, i) => (i % tickEvery === 0 ? [{ index: i, label: shortDate(b.start) }] : []))}
      onBarClick={
        onDay
          ? (bar) => {
              const bin = bins.find((b) => b.start === bar.key)!;
              onDay(bin.start, bin.end);
            }
          : undefined
      }
    />
  );
}

export function HoursChart({ hours, label = 'Activity by hour of day' }: { hours: number[]; label?: string }) {
  return (
    <BarChart
      label={label}
      height={120}
      bars={Array.from({ length: 24 }, (_, h) => ({
        key: String(h),
        value: hours[h] ?? 0,
        title: `${String(h).padStart(2, '0')}:00–${String(h).padStart(2, '0')}:59: ${(hours[h] ?? 0).toLocaleString()}`,
      }))}
      ticks={[0, 6, 12, 18, 23].map((h) => ({ index: h, label: String(h).padStart(2, '0') }))}
    />
  );
}
