// Progress of an export as the CLI and the app's Export view show it: which step, and how far into it.
export interface ExportProgress {
  step: string;
  done: number;
  total: number;
}

export type ExportProgressCallback = (p: ExportProgress) => void;

/** Camera-local time plus a UTC offset, as ISO 8601 with a zone ("2014-06-19T11:12:06+01:00"). */
export const zonedTime = (localTime: string, utcOffset: string) => `${localTime.slice(0, 19)}${utcOffset}`;

export const UTC_OFFSET = /^(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;
