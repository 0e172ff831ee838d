import { describe, expect, it } from 'vitest';
import { majoritySexAge, sexAgeClassOf, sexAgeExcludes } from './sexAge';
import { speciesOfDetections, speciesOfLabel } from './species';

describe('species from detector labels', () => {
  it('reads COCO labels as hints: what a deer is mistaken for is deer, bird/zebra/giraffe/elephant/bear are not', () => {
    for (const l of ['horse', 'cow', 'sheep', 'dog', 'cat', 'animal']) expect(speciesOfLabel(l), l).toBe('deer');
    for (const l of ['bird', 'zebra', 'giraffe', 'elephant', 'bear']) expect(speciesOfLabel(l), l).toBe(l);
    // People, vehicles and objects name no species: they are never individuals.
    for (const l of ['person', 'car', 'truck', 'cup', 'chair']) expect(speciesOfLabel(l), l).toBeNull();
  });

  it('takes deer and species classes of other models at their word', () => {
    for (const l of ['buck', 'doe', 'fawn', 'stag', 'Deer', 'white-tailed deer', 'Odocoileus virginianus', 'elk'])
      expect(speciesOfLabel(l), l).toBe('deer');
    expect(speciesOfLabel('Coyote')).toBe('coyote');
    expect(speciesOfLabel('raccoon')).toBe('raccoon');
  });

  it("gives a group the confidence-weighted majority of its labels' species, deer on a tie", () => {
    const d = (rawLabel: string, confidence: number) => ({ rawLabel, confidence });
    expect(speciesOfDetections([d('horse', 0.8), d('bird', 0.24), d('dog', 0.5)])).toBe('deer');
    expect(speciesOfDetections([d('zebra', 0.81)])).toBe('zebra');
    expect(speciesOfDetections([d('zebra', 0.4), d('horse', 0.3)])).toBe('zebra');
    expect(speciesOfDetections([d('zebra', 0.5), d('horse', 0.5)])).toBe('deer');
    expect(speciesOfDetections([d('person', 0.9)])).toBeNull();
    expect(speciesOfDetections([])).toBeNull();
  });
});

describe('sex/age classes', () => {
  it('reads the classes of labels and people', () => {
    expect(['young buck', 'mature buck', 'stag', 'spike', 'Buck'].map(sexAgeClassOf)).toEqual(Array(5).fill('buck'));
    expect(['doe', 'hind', 'female'].map(sexAgeClassOf)).toEqual(['doe', 'doe', 'doe']);
    expect(['fawn', 'calf'].map(sexAgeClassOf)).toEqual(['fawn', 'fawn']);
    expect(sexAgeClassOf('unknown')).toBe('unknown');
    expect(sexAgeClassOf(null)).toBeNull();
    expect(sexAgeClassOf('adult')).toBeNull();
  });

  it('follows the majority of known classes; a tie or nothing known gives none', () => {
    expect(majoritySexAge(['doe', 'buck', 'buck', null, 'unknown'])).toBe('buck');
    expect(majoritySexAge(['doe', 'buck'])).toBeNull();
    expect(majoritySexAge([null, 'unknown'])).toBeNull();
  });

  it('rules out two different known classes only', () => {
    expect(sexAgeExcludes('buck', 'doe')).toBe(true);
    expect(sexAgeExcludes('fawn', 'doe')).toBe(true);
    expect(sexAgeExcludes('buck', 'young buck')).toBe(false);
    expect(sexAgeExcludes('buck', 'unknown')).toBe(false);
    expect(sexAgeExcludes(null, 'doe')).toBe(false);
  });
});
