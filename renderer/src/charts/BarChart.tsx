// A small SVG bar chart people read at a glance: bars, a max label, a few x labels, a tooltip per bar (title).
// Drawn in a fixed viewBox and stretched to the container, so it needs no measuring.
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
    <svg className="chart" viewBox={`0 0 ${W} ${height}`} preserveAspectRatio="none" role="img" aria-label={label} style={{ height }}>
      <line x1={0} x2={W} y1={PAD_TOP} y2={PAD_TOP} className="chart-grid" />
      <line x1={0} x2={W} y1={PAD_TOP + plotH / 2} y2={PAD_TOP + plotH / 2} className="chart-grid" />
      <line x1={0} x2={W} y1={PAD_TOP + plotH} y2={PAD_TOP + plotH} className="chart-axis" />
      <text x={2} y={10} className="chart-label">
        {max.toLocaleString()}
      </text>
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
      {ticks.map((t) => (
        <text key={t.index} x={t.index * slot + slot / 2} y={height - 4} textAnchor="middle" className="chart-label">
          {t.label}
        </text>
      ))}
    </svg>
  );
}
