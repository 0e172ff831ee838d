import { describe, expect, it } from 'vitest';
import { humanDuration } from './humanDuration';

describe('humanDuration', () => {
  it('says a span as a person would, with the plural agreeing', () => {
    expect(humanDuration(45)).toBe('45 s');
    expect(humanDuration(600)).toBe('10 min');
    expect(humanDuration(36_000)).toBe('10 h');
    expect(humanDuration(86_400 * 2)).toBe('2 days');
    expect(humanDuration(0.2 * 365.25 * 86_400)).toBe('2 months'); // was "0.2 years"
    expect(humanDuration(25_131_680)).toBe('10 months'); // was "25131680 s apart"
    expect(humanDuration(365.25 * 86_400)).toBe('1 year');
    expect(humanDuration(1.25 * 365.25 * 86_400)).toBe('1 year 3 months');
    expect(humanDuration(-600)).toBe('10 min');
  });
});
