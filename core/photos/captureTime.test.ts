import { describe, expect, it } from 'vitest';
import { chooseCaptureTime, localTimeFromExifDate, localTimeFromFileName } from './captureTime';

const NOW = new Date(Date.UTC(2026, 10, 28));

describe('capture time', () => {
  it('keeps the EXIF wall-clock digits as written, whatever the machine zone', () => {
    const exif = new Date(Date.UTC(2014, 5, 19, 11, 12, 6));
    expect(chooseCaptureTime(exif, 'x.jpg', NOW)).toEqual({
      takenAt: '2014-06-19T11:12:06',
      source: 'exif',
      note: null,
    });
    expect(localTimeFromExifDate('2014:06:19 23:59:58')?.iso).toBe('2014-06-19T23:59:58');
  });

  it.each([
    ['IMG_20231104_061522.jpg', '2023-11-04T06:15:22'],
    ['2023-11-04 06-15-22.JPG', '2023-11-04T06:15:22'],
    ['RCNX_2023_11_04_06_15_22.jpg', '2023-11-04T06:15:22'],
    ['20231104061522.jpg', '2023-11-04T06:15:22'],
  ])('reads a timestamp from the file name %s', (name, iso) => {
    expect(localTimeFromFileName(name)?.iso).toBe(iso);
  });

  it('rejects impossible dates in names', () => {
    expect(localTimeFromFileName('IMG_20231341_061522.jpg')).toBeNull();
    expect(localTimeFromFileName('IMG_0001.JPG')).toBeNull();
    expect(localTimeFromFileName('IMG_120231104_061522.jpg')).toBeNull();
  });

  it.each([
    [new Date(Date.UTC(1970, 0, 1)), '1970-01-01T00:00:00'],
    [new Date(Date.UTC(2099, 0, 1, 12)), '2099-01-01T12:00:00'],
  ])('flags absurd EXIF dates and falls back to the file name', (exif, iso) => {
    const withName = chooseCaptureTime(exif, 'PICT_20200501_101010.JPG', NOW);
    expect(withName).toMatchObject({ takenAt: '2020-05-01T10:10:10', source: 'filename' });
    expect(withName.note).toContain(`EXIF date ${iso} is implausible`);
    const without = chooseCaptureTime(exif, 'PICT0001.JPG', NOW);
    expect(without.takenAt).toBeNull();
    expect(without.source).toBeNull();
    expect(without.note).toContain('time unknown');
  });

  it('never invents a time', () => {
    expect(chooseCaptureTime(undefined, 'PICT0001.JPG', NOW)).toEqual({
      takenAt: null,
      source: null,
      note: 'no EXIF date; no timestamp in the file name: time unknown',
    });
    expect(chooseCaptureTime('garbage', 'a.jpg', NOW).note).toContain('EXIF date is unreadable');
  });
});
