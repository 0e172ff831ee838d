// Bars stacked by series (a survey's buck, doe, fawn and unknown per week or per hour), with a legend. Same
// construction as BarChart: SVG stretched to the container, labels in HTML so text is never stretched.
import { niceMax } from './scale';

export interface Series {
  key: string;
  label: string;
  /** A CSS colour (a theme variable). */
  color: string;
}

export interface StackedBarsProps {
  series: Series[];
  /** One column per entry: its label and a value per series key. */
  columns: { key: string; label: string; values: Record<string, number> }[];
  /** Show every n-th column label (long axes). */
  labelEvery?: number;
  height?: number;
  label: string;
}

const W = 600;
const PAD_TOP = 14;
const PAD_BOTTOM = 18;

export function StackedBars({ series, columns, labelEvery = 1, height = 160, label }: StackedBarsProps) {
  const totals = columns.map((c) => series.reduce((sum, s) => sum + (c.values[s.key] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const slot = W / Math.max(1, columns.length);
  const barW = Math.max(1, slot * 0.78);
  const plotH = height - PAD_TOP - PAD_BOTTOM;
  return (
    <div className="stacked">
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
          <line x1={0} x2={W} y1={PAD_TOP + plotH} y2={PAD_TOP + plotH} className="chart-axis" />
          {columns.map((c, i) => {
            let top = PAD_TOP + plotH;
            return (
              <g key={c.key}>
                <title>{`${c.label}: ${series.map((s) => `${c.values[s.key] ?? 0} ${s.label}`).join(', ')}`}</title>
                {series.map((s) => {
                  const h = ((c.values[s.key] ?? 0) / max) * plotH;
                  top -= h;
                  return h > 0 ? (
                    <rect key={s.key} x={i * slot + (slot - barW) / 2} y={top} width={barW} height={h} fill={s.color} />
                  ) : null;
                })}
              </g>
            );
          })}
        </svg>
        <span className="chart-label chart-max">{max.toLocaleString()}</span>
        {columns.map((c, i) =>
          i % labelEvery === 0 ? (
            <span
              key={c.key}
              className="chart-label chart-tick"
              style={{ left: `${((i + 0.5) / columns.length) * 100}%`, transform: 'translateX(-50%)' }}
            >
              {c.label}
            </span>
          ) : null,
        )}
      </figure>
      <ul className="legend">
        {series.map((s) => (
          <li key={s.key}>
            <span className="legend-swatch" style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
