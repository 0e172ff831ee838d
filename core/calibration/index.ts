export { calibration, CALIBRATION, setAutoAccept, type Calibration } from './calibration';
export { proposeThreshold, scoreHistogram, type Decided, type HistogramBin, type ThresholdProposal } from './threshold';
