// A small bar chart people read at a glance: SVG bars stretched to the container (no measuring), with the max label
// and the x labels in HTML so text is never stretched with them; a tooltip per bar (title).
import { niceMax } from './scale';

export interface Bar {
  key: string;
  value: number;
  /** Hover text. */
  title: string;
}

export interface BarChartProps {
  bars: Bar[];
  /** Labels under the axis: index of the bar and text. */
  ticks: { index: number; label: string }[];
  height?: number;
  label: string;
  onBarClick?: (bar: Bar) => void;
}

const W = 600;
const PAD_TOP = 14;
const PAD_BOTTOM = 18;

export function BarChart({ bars, ticks, height = 140, label, onBarClick }: BarChartProps) {
  const max = niceMax(Math.max(0, ...bars.map((b) => b.value)));
  const slot = W / Math.max(1, bars.length);
  const barW = Math.max(1, slot * 0.78);
  const plotH = height - PAD_TOP - PAD_BOTTOM;
  return (
    <figure className="chart-wrap" style={{ height }}>
      <svg
        className="chart"
        viewBox={`0 0 ${W} ${height}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={label}
        style={{ height }}
      >
        <line x1={0} x2={W} y1={PAD_TOP} y2={PAD_TOP} className="chart-grid" />
        <line x1={0} x2={W} y1={PAD_TOP + plotH / 2} y2={PAD_TOP + plotH / 2} className="chart-grid" />
        <line x1={0} x2={W} y1={PAD_TOP + plotH} y2={PAD_TOP + plotH} className="chart-axis" />
        {bars.map((b, i) => {
          const h = (b.value / max) * plotH;
          return (
            <rect
              key={b.key}
              x={i * slot + (slot - barW) / 2}
              y={PAD_TOP + plotH - h}
              width={barW}
              height={Math.max(h, b.value > 0 ? 1 : 0)}
              className={onBarClick ? 'chart-bar clickable' : 'chart-bar'}
              onClick={onBarClick ? () => onBarClick(b) : undefined}
            >
              <title>{b.title}</title>
            </rect>
          );
        })}
      </svg>
      <span className="chart-label chart-max">{max.toLocaleString()}</span>
      {ticks.map((t) => {
        const at = ((t.index + 0.5) / Math.max(1, bars.length)) * 100;
        // The first and last labels hug the edges instead of overflowing them.
        const shift = at < 8 ? '0%' : at > 92 ? '-100%' : '-50%';
        return (
          <span
            key={t.index}
            className="chart-label chart-tick"
            style={{ left: `${at}%`, transform: `translateX(${shift})` }}
          >
            {t.label}
          </span>
        );
      })}
    </figure>
  );
}
