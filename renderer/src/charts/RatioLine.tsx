// A ratio over time as a line with its points (a survey's fawn:doe per week); gaps where the ratio is undefined.
export interface RatioLineProps {
  points: { key: string; label: string; value: number | null }[];
  height?: number;
  label: string;
}

const W = 600;
const PAD = 16;

export function RatioLine({ points, height = 120, label }: RatioLineProps) {
  const max = Math.max(1, ...points.map((p) => p.value ?? 0));
  const x = (i: number) => ((i + 0.5) / Math.max(1, points.length)) * W;
  const y = (v: number) => PAD + (1 - v / max) * (height - 2 * PAD);
  const segments: string[] = [];
  let current = '';
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current) segments.push(current);
      current = '';
    } else current += `${current ? 'L' : 'M'}${x(i)},${y(p.value)}`;
  });
  if (current) segments.push(current);
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
        <line x1={0} x2={W} y1={y(max)} y2={y(max)} className="chart-grid" />
        <line x1={0} x2={W} y1={y(0)} y2={y(0)} className="chart-axis" />
        {segments.map((d) => (
          <path key={d} d={d} className="ratio-line" vectorEffect="non-scaling-stroke" />
        ))}
        {points.map((p, i) => (
          // A transparent column per point carries its hover text (circles would stretch with the chart).
          <rect
            key={p.key}
            x={x(i) - W / points.length / 2}
            y={0}
            width={W / points.length}
            height={height}
            fill="transparent"
          >
            <title>{`${p.label}: ${p.value === null ? 'no doe seen' : p.value.toFixed(2)}`}</title>
          </rect>
        ))}
      </svg>
      <span className="chart-label chart-max">{max.toFixed(1)}</span>
    </figure>
  );
}
