// Accepted (up) and rejected (down) match scores of the current embedder, with the proposed threshold as a line.
import type { CalibrationData } from '../../../../core/contract/calibration';
import { histogramLayout } from './histogram';

const W = 900;
const H = 180;

export function ScoreHistogram({ bins, threshold }: { bins: CalibrationData['histogram']; threshold: number | null }) {
  const l = histogramLayout(bins, threshold, W, H);
  return (
    <figure className="score-histogram">
      <svg
        viewBox={`0 0 ${W} ${H + 18}`}
        role="img"
        aria-label="Match scores of accepted and rejected suggestions"
        data-testid="calibration-histogram"
      >
        {l.bars.map((b) => (
          <g key={b.x}>
            <title>{b.label}</title>
            <rect className="hist-accepted" x={b.x} y={l.mid - b.accepted} width={b.width} height={b.accepted} />
            <rect className="hist-rejected" x={b.x} y={l.mid} width={b.width} height={b.rejected} />
          </g>
        ))}
        <line className="hist-axis" x1={0} x2={W} y1={l.mid} y2={l.mid} />
        {l.thresholdX !== null && <line className="hist-threshold" x1={l.thresholdX} x2={l.thresholdX} y1={0} y2={H} />}
        <text className="hist-tick" x={0} y={H + 14}>
          {Math.round(l.from * 100)}%
        </text>
        <text className="hist-tick" x={W} y={H + 14} textAnchor="end">
          {Math.round(l.to * 100)}%
        </text>
      </svg>
      <figcaption className="muted small">
        <span className="swatch hist-accepted" /> accepted (same deer) above the line ·{' '}
        <span className="swatch hist-rejected" /> rejected below
        {l.thresholdX !== null && ' · dashed: proposed threshold'}
      </figcaption>
    </figure>
  );
}
