// `thumper survey` on the fixture card processed by the real pipeline, with sex and age set through `traits`: the
// JSON has the issue's shape and the Jacobson arithmetic, and the counts agree with the individuals' sightings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deerImagesDir, modelsDir } from '../../testing/fixtures';
import { runCli as cli } from '../../testing/cli';

interface Individual {
  id: number;
  detections: number;
  species: string;
  firstSeen: string | null;
}

let dir: string;
let individuals: Individual[];

beforeAll(async () => {
  process.env.THUMPER_MODELS_DIR = modelsDir();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-survey-'));
  const imported = await cli('import', '--library', dir, '--create', deerImagesDir());
  expect(imported.code, imported.err).toBe(0);
  const listed = await cli('individuals', '--library', dir, '--json');
  // Deer only: the survey counts deer (the fixture's H4R0-02 deer is labelled giraffe by the detector: another animal).
  individuals = (JSON.parse(listed.out) as Individual[])
    .filter((i) => i.species === 'deer')
    .sort((a, b) => b.detections - a.detections || a.id - b.id);
  expect(individuals.length, 'the fixture card should give at least 5 deer').toBeGreaterThanOrEqual(5);
}, 300_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('thumper survey', () => {
  it('counts the classes set through traits and applies the Jacobson arithmetic', async () => {
    const [buck1, buck2, doe1, doe2, fawn] = individuals as [
      Individual,
      Individual,
      Individual,
      Individual,
      Individual,
    ];
    for (const [who, sex, age] of [
      [buck1, 'male', 'adult'],
      [buck2, 'male', 'yearling'],
      [doe1, 'female', 'adult'],
      [doe2, 'female', 'adult'],
      [fawn, 'none', 'fawn'],
    ] as const) {
      const set = await cli('traits', '--library', dir, String(who.id), '--sex', sex, '--age', age);
      expect(set.code, set.err).toBe(0);
    }
    const { code, out, err } = await cli('survey', '--library', dir, '--json');
    expect(code, err).toBe(0);
    const survey = JSON.parse(out);
    expect(Object.keys(survey)).toEqual(
      expect.arrayContaining([
        'from',
        'to',
        'cameras',
        'observations',
        'uniqueBucks',
        'ratios',
        'estimate',
        'interval',
      ]),
    );
    // One observation per kept deer detection: each individual's sightings, in the class its traits give.
    const buckObs = buck1.detections + buck2.detections;
    const doeObs = doe1.detections + doe2.detections;
    expect(survey.observations.buck).toBe(buckObs);
    expect(survey.observations.doe).toBe(doeObs);
    expect(survey.observations.fawn).toBe(fawn.detections);
    expect(survey.uniqueBucks).toBe(2);
    // buck:doe = buck obs / doe obs; fawn:doe = fawn obs / doe obs
    expect(survey.ratios.buckToDoe).toBeCloseTo(buckObs / doeObs, 12);
    expect(survey.ratios.fawnToDoe).toBeCloseTo(fawn.detections / doeObs, 12);
    // bucks = 2 unique; does = 2 x doe obs / buck obs; fawns = does x fawn obs / doe obs
    const does = (2 * doeObs) / buckObs;
    const fawns = (does * fawn.detections) / doeObs;
    expect(survey.estimate.bucks).toBe(2);
    expect(survey.estimate.does).toBeCloseTo(does, 12);
    expect(survey.estimate.fawns).toBeCloseTo(fawns, 12);
    expect(survey.estimate.total).toBeCloseTo(2 + does + fawns, 12);
    expect(survey.interval.total[0]).toBeLessThanOrEqual(survey.interval.total[1]);
  });

  it('narrows to a window and a camera, refuses a bad date, and writes CSV', async () => {
    const empty = await cli('survey', '--library', dir, '--json', '--from', '2030-01-01', '--to', '2030-12-31');
    const survey = JSON.parse(empty.out);
    expect(survey.observations).toEqual({ buck: 0, doe: 0, fawn: 0, unknown: 0 });
    expect(survey.estimate).toBeNull();
    expect(survey.ratios).toEqual({ buckToDoe: null, fawnToDoe: null });

    const bad = await cli('survey', '--library', dir, '--from', '2024-13-45x');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/YYYY-MM-DD/);

    const csvFile = path.join(dir, 'survey.csv');
    const text = await cli('survey', '--library', dir, '--csv', csvFile);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/Unique bucks\s+2/);
    expect(fs.readFileSync(csvFile, 'utf8')).toMatch(/^summary,value\r\nfrom,first photo\r\n/);
  });
});
