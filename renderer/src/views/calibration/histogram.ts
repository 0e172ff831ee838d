// Geometry of the calibration histogram (pure): accepted bars up from the baseline, rejected bars down from it, both
// scaled to the fullest bin, so the two distributions and where they overlap read at a glance.
import type { CalibrationData } from '../../../../core/contract/calibration';

export interface HistogramBar {
  x: number;
  width: number;
  /** Heights in px: accepted above the baseline, rejected below. */
  accepted: number;
  rejected: number;
  label: string;
}

export interface HistogramLayout {
  bars: HistogramBar[];
  /** Baseline y; accepted bars end there, rejected bars start there. */
  mid: number;
  /** x of the proposed threshold, null when there is none or it lies outside the decided range. */
  thresholdX: number | null;
  from: number;
  to: number;
}

const pct = (v: number) => `${Math.round(v * 100)}%`;

export function histogramLayout(
  bins: CalibrationData['histogram'],
  threshold: number | null,
  width: number,
  height: number,
): HistogramLayout {
  const mid = height / 2;
  if (bins.length === 0) return { bars: [], mid, thresholdX: null, from: 0, to: 1 };
  const from = bins[0]!.from;
  const to = bins.at(-1)!.to;
  const max = Math.max(1, ...bins.map((b) => Math.max(b.accepted, b.rejected)));
  const step = width / bins.length;
  const bars = bins.map((b, i) => ({
    x: i * step,
    width: Math.max(1, step - 1),
    accepted: (b.accepted / max) * mid,
    rejected: (b.rejected / max) * mid,
    label: `${pct(b.from)}–${pct(b.to)}: ${b.accepted} accepted, ${b.rejected} rejected`,
  }));
  const thresholdX =
    threshold !== null && to > from && threshold >= from && threshold <= to
      ? ((threshold - from) / (to - from)) * width
      : null;
  return { bars, mid, thresholdX, from, to };
}
