import { describe, expect, it } from 'vitest';
import { importOptionsSchema } from './entities';
import { exportArgsSchema } from './models';
import { formatUtcOffset, parseUtcOffset, utcOffsetSchema, WHOLE_HOUR_UTC_OFFSETS, zonedTime } from './utcOffset';

describe('UTC offset syntax', () => {
  it('parses +HH:MM and -HH:MM into minutes east of UTC', () => {
    expect(parseUtcOffset('+02:00')).toBe(120);
    expect(parseUtcOffset('-05:00')).toBe(-300);
    expect(parseUtcOffset('+05:45')).toBe(345);
    expect(parseUtcOffset('-03:30')).toBe(-210);
    expect(parseUtcOffset('+00:00')).toBe(0);
    expect(parseUtcOffset('-12:00')).toBe(-720);
    expect(parseUtcOffset('+14:00')).toBe(840);
  });

  it('refuses everything else, Z included', () => {
    for (const bad of ['Z', '2h', '+2:00', '02:00', '+0200', '+02:60', '+14:30', '-12:30', '-13:00', '+02:00 ', '']) {
      expect(parseUtcOffset(bad), bad).toBeNull();
    }
  });

  it('formats minutes back into the same text', () => {
    for (const text of ['+02:00', '-05:00', '+05:45', '-03:30', '+00:00', '-12:00', '+14:00']) {
      expect(formatUtcOffset(parseUtcOffset(text)!)).toBe(text);
    }
    expect(() => formatUtcOffset(15 * 60)).toThrow(RangeError);
    expect(() => formatUtcOffset(1.5)).toThrow(RangeError);
  });

  it('lists the whole-hour offsets for a picker, all of which parse', () => {
    expect(WHOLE_HOUR_UTC_OFFSETS).toHaveLength(27);
    expect(WHOLE_HOUR_UTC_OFFSETS[0]).toBe('-12:00');
    expect(WHOLE_HOUR_UTC_OFFSETS[26]).toBe('+14:00');
    expect(WHOLE_HOUR_UTC_OFFSETS.every((o) => parseUtcOffset(o) !== null)).toBe(true);
  });

  it('is the one check the contract uses for import and export arguments', () => {
    expect(utcOffsetSchema.safeParse('Z').success).toBe(false);
    expect(importOptionsSchema.safeParse({ sources: ['/card'], utcOffset: '+01:00' }).success).toBe(true);
    expect(importOptionsSchema.safeParse({ sources: ['/card'], utcOffset: 'Z' }).success).toBe(false);
    expect(exportArgsSchema.safeParse({ format: 'camtrap-dp', out: '/x', utcOffset: '-05:00' }).success).toBe(true);
    expect(exportArgsSchema.safeParse({ format: 'camtrap-dp', out: '/x', utcOffset: '5' }).success).toBe(false);
  });

  it('writes camera-local time with its offset as ISO 8601', () => {
    expect(zonedTime('2014-06-19T11:12:06.123', '+01:00')).toBe('2014-06-19T11:12:06+01:00');
  });
});
