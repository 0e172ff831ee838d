import { describe, expect, it } from 'vitest';
import { classMappings, COCO80, mapLabel } from './labels';

describe('mapLabel', () => {
  it('calls every COCO animal an animal and never keeps its species as the category', () => {
    for (const l of ['bird', 'cat', 'dog', 'horse', 'sheep', 'cow', 'elephant', 'bear', 'zebra', 'giraffe']) {
      expect(mapLabel(l).category).toBe('animal');
    }
  });

  it('maps people, vehicles and ignores objects', () => {
    expect(mapLabel('person').category).toBe('person');
    expect(mapLabel('truck').category).toBe('vehicle');
    expect(mapLabel('UTV').category).toBe('vehicle');
    expect(mapLabel('chair').category).toBe('ignored');
    expect(mapLabel('traffic light').category).toBe('ignored');
    expect(mapLabel('toothbrush').category).toBe('ignored');
  });

  it('keeps sex/age classes of a deer model', () => {
    expect(mapLabel('doe')).toEqual({ label: 'doe', category: 'animal', sexAge: 'doe' });
    expect(mapLabel('Fawn').sexAge).toBe('fawn');
    expect(mapLabel('young buck').sexAge).toBe('young buck');
    expect(mapLabel('coyote')).toEqual({ label: 'coyote', category: 'animal', sexAge: null });
  });
});

describe('classMappings', () => {
  it('covers the 80 COCO classes in order', () => {
    const m = classMappings('coco80');
    expect(m).toHaveLength(80);
    expect(m[0]!.category).toBe('person');
    expect(m[17]).toEqual({ label: 'horse', category: 'animal', sexAge: null });
    expect(m.filter((c) => c.category === 'animal')).toHaveLength(10);
    expect(m.filter((c) => c.category === 'vehicle')).toHaveLength(8);
    expect(COCO80).toHaveLength(80);
  });

  it('lets a catalog entry override a class', () => {
    const m = classMappings([
      'deer',
      { label: 'decoy', category: 'ignored' },
      { label: 'spike', sexAge: 'young buck' },
    ]);
    expect(m.map((c) => [c.category, c.sexAge])).toEqual([
      ['animal', null],
      ['ignored', null],
      ['animal', 'young buck'],
    ]);
  });
});
