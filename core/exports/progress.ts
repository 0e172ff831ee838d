// Progress of an export as the CLI and the app's Export view show it: which step, and how far into it.
export interface ExportProgress {
  step: string;
  done: number;
  total: number;
}

export type ExportProgressCallback = (p: ExportProgress) => void;
