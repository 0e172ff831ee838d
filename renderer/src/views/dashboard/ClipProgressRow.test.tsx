import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ClipProgressRow } from './ClipProgressRow';

afterEach(cleanup);

describe('ClipProgressRow', () => {
  it("shows the clip's frames sampled of those expected, its pace and the time left", () => {
    const { getByTestId, getByRole } = render(
      <ClipProgressRow clip={{ file: 'LONG0001.MP4', sampled: 50, expected: 600, rate: 5, etaSeconds: 110 }} />,
    );
    const row = getByTestId('clip-progress');
    expect(row.textContent).toContain('50 / 600 frames');
    expect(row.textContent).toContain('5.0 frames/s');
    expect(row.textContent).toContain('1 min 50 s');
    expect(row.textContent).toContain('LONG0001.MP4');
    expect(getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');
  });

  it('waits for a pace before it gives a time left', () => {
    const { getByTestId } = render(
      <ClipProgressRow clip={{ file: 'A.AVI', sampled: 2, expected: 600, rate: 4, etaSeconds: 149.5 }} />,
    );
    expect(getByTestId('clip-progress').textContent).toContain('estimating…');
  });
});
