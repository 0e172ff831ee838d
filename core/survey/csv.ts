// A survey as CSV for a spreadsheet: the summary first, then the table per camera, then the weeks.
import type { ByClass, SurveyResult } from '../contract/survey';
import { csvLine, type Cell } from '../exports/csvText';

const CLASSES: (keyof ByClass)[] = ['buck', 'doe', 'fawn', 'unknown'];
const round = (n: number | null | undefined) => (n === null || n === undefined ? null : Math.round(n * 100) / 100);

export function surveyCsv(survey: SurveyResult, cameraNames: string[]): string {
  const summary: [string, Cell][] = [
    ['from', survey.from ?? 'first photo'],
    ['to', survey.to ?? 'last photo'],
    ['cameras', cameraNames.length ? cameraNames.join('; ') : 'all'],
    ...CLASSES.map((c): [string, Cell] => [`${c} observations`, survey.observations[c]]),
    ['unique bucks', survey.uniqueBucks],
    ['minimum known alive', survey.minimumKnownAlive],
    ['buck:doe', round(survey.ratios.buckToDoe)],
    ['fawn:doe', round(survey.ratios.fawnToDoe)],
    ['estimated bucks', round(survey.estimate?.bucks)],
    ['estimated does', round(survey.estimate?.does)],
    ['estimated fawns', round(survey.estimate?.fawns)],
    ['estimated total', round(survey.estimate?.total)],
    ['interval low', round(survey.interval?.total[0])],
    ['interval high', round(survey.interval?.total[1])],
    ['method', survey.method],
  ];
  return [
    csvLine(['summary', 'value']),
    ...summary.map(([name, value]) => csvLine([name, value])),
    csvLine([]),
    csvLine(['camera', ...CLASSES, 'unique bucks', 'visits']),
    ...survey.perCamera.map((c) =>
      csvLine([c.camera, ...CLASSES.map((k) => c.observations[k]), c.uniqueBucks, c.visits]),
    ),
    csvLine([]),
    csvLine(['week', ...CLASSES, 'fawn:doe']),
    ...survey.weekly.map((w) => csvLine([w.week, ...CLASSES.map((k) => w.observations[k]), round(w.fawnToDoe)])),
  ].join('');
}
