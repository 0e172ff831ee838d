// `thumper survey`: the deer survey (Jacobson et al. 1997) over a window of days and cameras, as a table, JSON or CSV.
import fs from 'node:fs';
import { surveyWindowSchema, type ByClass, type SurveyResult, type SurveyWindow } from '../../core/contract/survey';
import type { Db } from '../../core/db/open';
import { listCameras } from '../../core/queries/cameras';
import { runSurvey, surveyAsCsv } from '../../core/survey';
import { jsonOption, libraryOption, printJson, UsageError, withLibrary, type Command } from '../command';

/** "--camera 3" or "--camera Feeder": a camera id or its name. */
function cameraIds(db: Db, values: string[]): number[] {
  if (values.length === 0) return [];
  const cameras = listCameras(db);
  return values.map((value) => {
    const camera = cameras.find((c) => String(c.id) === value || c.name.toLowerCase() === value.toLowerCase());
    if (!camera)
      throw new UsageError(`no camera "${value}"; cameras: ${cameras.map((c) => `${c.id} ${c.name}`).join(', ')}`);
    return camera.id;
  });
}

function parseWindow(db: Db, values: Record<string, unknown>): SurveyWindow {
  const parsed = surveyWindowSchema.safeParse({
    from: values.from ?? null,
    to: values.to ?? null,
    cameras: cameraIds(db, (values.camera as string[] | undefined) ?? []),
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
  return parsed.data;
}

const fixed = (n: number | null, digits = 2) => (n === null ? '-' : n.toFixed(digits));
const classes = (c: ByClass) => `buck ${c.buck}  doe ${c.doe}  fawn ${c.fawn}  unknown ${c.unknown}`;

export function surveyText(s: SurveyResult, cameraNames: string[]): string {
  const estimate = s.estimate
    ? `bucks ${fixed(s.estimate.bucks, 0)}, does ${fixed(s.estimate.does, 1)}, fawns ${fixed(s.estimate.fawns, 1)}, ` +
      `total ${fixed(s.estimate.total, 1)}` +
      (s.interval ? ` (95% interval ${fixed(s.interval.total[0], 1)} to ${fixed(s.interval.total[1], 1)})` : '')
    : 'none (no buck observed)';
  const width = Math.max(6, ...s.perCamera.map((c) => c.camera.length));
  return [
    `Deer survey, ${s.from ?? 'first photo'} to ${s.to ?? 'last photo'}, ${cameraNames.length ? cameraNames.join(', ') : 'all cameras'}`,
    '',
    `Observations         ${classes(s.observations)}`,
    `Unique bucks         ${s.uniqueBucks}`,
    `Minimum known alive  ${s.minimumKnownAlive}`,
    `Buck:doe             ${fixed(s.ratios.buckToDoe)}`,
    `Fawn:doe             ${fixed(s.ratios.fawnToDoe)}`,
    `Estimate             ${estimate}`,
    `Method               ${s.method}`,
    '',
    `${'Camera'.padEnd(width)}  ${['Buck', 'Doe', 'Fawn', 'Unknown', 'Bucks', 'Visits'].map((h) => h.padStart(9)).join('')}`,
    ...s.perCamera.map(
      (c) =>
        `${c.camera.padEnd(width)}  ${[
          c.observations.buck,
          c.observations.doe,
          c.observations.fawn,
          c.observations.unknown,
          c.uniqueBucks,
          c.visits,
        ]
          .map((n) => String(n).padStart(9))
          .join('')}`,
    ),
  ].join('\n');
}

export const surveyCommand: Command = {
  name: 'survey',
  summary: 'deer survey: observations by class, unique bucks, buck:doe and fawn:doe, Jacobson estimate',
  usage:
    'thumper survey --library <dir> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--camera ID|NAME ...] [--json] [--csv FILE]',
  options: {
    ...libraryOption,
    ...jsonOption,
    from: { type: 'string' },
    to: { type: 'string' },
    camera: { type: 'string', multiple: true },
    csv: { type: 'string' },
  },
  run: (args) =>
    withLibrary(args, (library) => {
      const window = parseWindow(library.db, args.values);
      const survey = runSurvey(library.db, window);
      if (typeof args.values.csv === 'string') fs.writeFileSync(args.values.csv, surveyAsCsv(library.db, window));
      if (args.values.json) printJson(survey);
      else {
        const names = new Map(listCameras(library.db).map((c) => [c.id, c.name]));
        process.stdout.write(
          `${surveyText(
            survey,
            window.cameras.map((id) => names.get(id)!),
          )}\n`,
        );
      }
      return 0;
    }),
};
